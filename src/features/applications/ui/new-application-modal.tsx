/** A city starts a new application: title, application year, further member cities of a cluster. */
import { useNavigate } from '@tanstack/react-router';
import { Form, Input, Modal, Select, type ButtonProps } from 'antd';
import { useI18n } from './i18n';
import { useSubmit } from '../../../web-kit/forms';
import { useCreateApplication } from './applications-queries';
import { useMe } from '../../auth/ui/public';
import { CityPicker } from './city-picker';

export const APPLICATION_YEARS = Array.from({ length: 2030 - 2016 + 1 }, (_, i) => 2016 + i);

export function defaultApplicationYear(): number {
  return Math.min(2030, Math.max(2016, new Date().getFullYear()));
}

interface Values {
  title: string;
  applicationYear: number;
  members: string[];
}

export function NewApplicationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const createApplication = useCreateApplication();

  const { busy, submit: create } = useSubmit(form, async (values) => {
    const { id } = await createApplication.mutateAsync({
      title: values.title.trim(),
      applicationYear: values.applicationYear,
      cityCodes: [me.user.divisionCode, ...(values.members ?? [])],
    });
    onClose();
    void navigate({ to: '/applications/$id/edit', params: { id } });
  });

  return (
    <Modal
      open={open}
      title={t('newApp.title')}
      okText={t('newApp.create')}
      onOk={() => void create()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={620}
      okButtonProps={{ 'data-testid': 'btn-create-application' } as ButtonProps}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ title: '', applicationYear: defaultApplicationYear(), members: [] }}
      >
        <Form.Item name="title" label={t('newApp.fieldTitle')} rules={[{ required: true, whitespace: true, message: t('newApp.titleRequired') }]} extra={t('newApp.titleHint')}>
          <Input maxLength={200} placeholder={t('newApp.titlePlaceholder')} data-testid="new-title" />
        </Form.Item>
        <Form.Item name="applicationYear" label={t('cover.applicationYear')} extra={t('newApp.yearHint')}>
          <Select options={APPLICATION_YEARS.map((y) => ({ value: y, label: String(y) }))} style={{ width: 160 }} data-testid="new-year" />
        </Form.Item>
        <Form.Item name="members" label={t('newApp.members')} extra={t('newApp.membersHint')}>
          <MembersField ownCode={me.user.divisionCode} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Adapts CityPicker to a Form.Item (value/onChange injected by the form). */
function MembersField({ ownCode, value, onChange }: { ownCode: string; value?: string[]; onChange?: (v: string[]) => void }) {
  return <CityPicker ownCode={ownCode} value={value ?? []} onChange={(v) => onChange?.(v)} />;
}
