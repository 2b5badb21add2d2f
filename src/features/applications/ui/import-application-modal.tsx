/** A city starts an application from a plan file (JSON exchange format), read and checked in the browser first. */
import { InboxOutlined } from '@ant-design/icons';
import { useNavigate } from '@tanstack/react-router';
import { Alert, Descriptions, Modal, Upload, type ButtonProps } from 'antd';
import { useState } from 'react';
import { ALL_PART_KEYS } from '../../../shared/plan/outline';
import { useCreateApplication } from './applications-queries';
import { useI18n } from './i18n';
import { useShowError } from '../../../web-kit/errors';
import { htmlToParagraphs } from '../../../web-kit/rich-text';
import { useDivisions } from '../../reference/ui/public';
import { useMe } from '../../auth/ui/public';
import { ImportProblems } from './import-problems';
import { readPlanFile, type PlanFileResult } from './plan-file';

export function ImportApplicationModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const me = useMe();
  const divisions = useDivisions();
  const showError = useShowError();
  const [result, setResult] = useState<PlanFileResult | null>(null);
  const [fileName, setFileName] = useState('');
  const navigate = useNavigate();
  const createApplication = useCreateApplication();
  const own = me.user.divisionCode;

  const close = () => {
    setResult(null);
    setFileName('');
    onClose();
  };

  const create = async () => {
    if (!result?.ok) return;
    const plan = result.plan;
    const cityCodes = plan.cover.cityCodes.includes(own) ? plan.cover.cityCodes : [own, ...plan.cover.cityCodes];
    try {
      const { id } = await createApplication.mutateAsync({
        title: plan.cover.title || fileName.replace(/\.json$/i, ''),
        applicationYear: plan.cover.applicationYear,
        cityCodes,
        plan: { ...plan, cover: { ...plan.cover, cityCodes } },
      });
      close();
      void navigate({ to: '/applications/$id/edit', params: { id } });
    } catch (err) {
      showError(err);
    }
  };

  const plan = result?.ok ? result.plan : null;
  const filled = plan ? ALL_PART_KEYS.filter((k) => htmlToParagraphs(plan.sections[k]).length > 0).length : 0;

  return (
    <Modal
      open={open}
      title={t('importApp.title')}
      okText={t('importApp.create')}
      onOk={() => void create()}
      okButtonProps={{ disabled: !plan, 'data-testid': 'btn-import-create' } as ButtonProps}
      onCancel={close}
      confirmLoading={createApplication.isPending}
      destroyOnHidden
      width={640}
    >
      <Upload.Dragger
        accept=".json,application/json"
        multiple={false}
        showUploadList={false}
        beforeUpload={(file) => {
          setFileName(file.name);
          void readPlanFile(file).then(setResult);
          return false;
        }}
        data-testid="import-file"
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{fileName || t('importApp.drop')}</p>
        <p className="ant-upload-hint">{t('importApp.hint')}</p>
      </Upload.Dragger>
      <div style={{ marginTop: 12 }}>
        {result && !result.ok && <ImportProblems result={result} />}
        {plan && (
          <>
            <Descriptions
              size="small"
              bordered
              column={1}
              data-testid="import-preview"
              items={[
                { key: 'title', label: t('cover.title'), children: plan.cover.title || '—' },
                { key: 'applicant', label: t('cover.applicant'), children: plan.cover.applicant || '—' },
                { key: 'year', label: t('cover.applicationYear'), children: plan.cover.applicationYear },
                { key: 'cities', label: t('cover.cities'), children: plan.cover.cityCodes.map((c) => divisions?.nameOf(c) ?? c).join('、') || '—' },
                { key: 'sections', label: t('importApp.sections'), children: `${filled} / ${ALL_PART_KEYS.length}` },
                { key: 'targets', label: t('block.targets'), children: plan.targets.length },
              ]}
            />
            {!plan.cover.cityCodes.includes(own) && (
              <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('importApp.ownAdded', { city: divisions?.nameOf(own) ?? own })} />
            )}
          </>
        )}
      </div>
    </Modal>
  );
}
