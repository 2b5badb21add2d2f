/**
 * Creates an organisation bound to a division. What the division may be depends on the kind:
 * a city is a prefecture-level city or a district; a provincial authority is one of the review
 * authorities (province, 计划单列市, XPCC) and takes that authority's division; central bodies
 * usually sit in Beijing.
 */
import { Cascader, Form, Input, Modal, Select, Tag, type ButtonProps } from 'antd';
import { useMemo, useState } from 'react';
import { ORGANISATION_KIND_LABELS, ORGANISATION_KINDS, ROLE_FOR_KIND, type OrganisationKind } from '../../../shared/permissions/account-rules';
import { ROLE_LABELS } from '../../../shared/roles/roles';
import { ApiError } from '../../../web-kit/api-client';
import { type Authority, type DivisionNode, useAuthorities, useDivisions } from '../../reference/ui/public';
import { useI18n } from './i18n';
import { errorText, useShowError } from '../../../web-kit/errors';
import { validated } from '../../../web-kit/forms';
import { useCreateOrganisation } from './accounts-queries';
import { useDivisionName } from './division-name';

/** Where central bodies (ministry, committee, leading group, platform) are placed by default. */
const BEIJING = '110000';

interface Values {
  kind: OrganisationKind;
  name: string;
  division: string[];
  authorityId: string;
}

interface DivisionOption {
  value: string;
  label: string;
  children?: DivisionOption[];
}

function toOptions(nodes: readonly DivisionNode[]): DivisionOption[] {
  return nodes.map((n) => ({ value: n.code, label: n.name, children: n.children ? toOptions(n.children) : undefined }));
}

/** The division an organisation of a review authority belongs to (the XPCC has no code of its own). */
export function authorityDivision(a: Authority): string {
  return a.divisionCode ?? a.provinceCode;
}

interface Props {
  open: boolean;
  onClose: () => void;
  /** After the creation, once the organisations list has been fetched again. */
  onCreated: (name: string) => void;
}

export function NewOrganisationModal({ open, onClose, onCreated }: Props) {
  const { t, l, locale } = useI18n();
  const createOrganisation = useCreateOrganisation();
  const showError = useShowError();
  const divisions = useDivisions();
  const authorities = useAuthorities();
  const divisionName = useDivisionName();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const authorityId = Form.useWatch('authorityId', form);
  const authority = authorityId ? authorities?.get(authorityId) : undefined;

  const divisionOptions = useMemo(() => (divisions ? toOptions(divisions.tree) : []), [divisions]);
  const authorityOptions = useMemo(
    () => [...(authorities?.values() ?? [])].map((a) => ({ value: a.id, label: a.name, title: a.label })),
    [authorities],
  );

  const onKindChange = (next: OrganisationKind) => {
    form.setFieldsValue({
      division: next === 'city' || next === 'province_authority' ? [] : (divisions?.pathOf(BEIJING) ?? [BEIJING]),
      authorityId: undefined,
    });
  };

  /** Suggests a name from the division or authority while the user has not typed one. */
  const suggestName = (name: string) => {
    if (!form.isFieldTouched('name') || !form.getFieldValue('name')) form.setFieldsValue({ name });
  };

  const create = async () => {
    const v = await validated(form);
    if (!v) return;
    const chosen = v.kind === 'province_authority' ? authorities?.get(v.authorityId) : undefined;
    const divisionCode = chosen ? authorityDivision(chosen) : v.division[v.division.length - 1];
    if (!divisionCode) return;
    setBusy(true);
    try {
      const name = v.name.trim();
      await createOrganisation.mutateAsync({ name, kind: v.kind, divisionCode, ...(chosen ? { authorityId: chosen.id } : {}) });
      onCreated(name);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CITY_NOT_IN_SCOPE') form.setFields([{ name: 'division', errors: [errorText(err, locale)] }]);
      else showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('newOrg.title')}
      okText={t('newOrg.create')}
      onOk={() => void create()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={600}
      okButtonProps={{ 'data-testid': 'btn-create-org' } as ButtonProps}
    >
      <Form<Values> form={form} layout="vertical" preserve={false} initialValues={{ name: '', division: [] }}>
        <Form.Item
          name="kind"
          label={t('newOrg.kind')}
          rules={[{ required: true, message: t('newOrg.kindRequired') }]}
          extra={kind ? t('newOrg.roleOfKind', { role: l(ROLE_LABELS[ROLE_FOR_KIND[kind]]) }) : undefined}
        >
          <Select<OrganisationKind>
            options={ORGANISATION_KINDS.map((k) => ({ value: k, label: l(ORGANISATION_KIND_LABELS[k]) }))}
            onChange={onKindChange}
            placeholder={t('target.choose')}
            data-testid="new-org-kind"
          />
        </Form.Item>

        {kind === 'province_authority' ? (
          <>
            <Form.Item
              name="authorityId"
              label={t('newOrg.authority')}
              extra={t('newOrg.authorityHint')}
              rules={[{ required: true, message: t('newOrg.authorityRequired') }]}
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={authorityOptions}
                loading={!authorities}
                placeholder={t('newOrg.authorityPlaceholder')}
                onChange={(id: string) => {
                  const a = authorities?.get(id);
                  if (a) suggestName(a.label);
                }}
                data-testid="new-org-authority"
              />
            </Form.Item>
            <Form.Item label={t('newOrg.division')}>
              <span data-testid="new-org-division-derived">
                {authority ? <Tag>{divisionName(authorityDivision(authority))}</Tag> : <span className="muted">—</span>}
              </span>
            </Form.Item>
          </>
        ) : (
          kind && (
            <Form.Item
              name="division"
              label={t('newOrg.division')}
              required
              extra={kind === 'city' ? t('newOrg.divisionCity') : t('newOrg.divisionCentral')}
              rules={[
                {
                  validator: (_r, value: string[] | undefined) => {
                    if (!value?.length) return Promise.reject(new Error(t('newOrg.divisionRequired')));
                    if (kind === 'city' && value.length < 2) return Promise.reject(new Error(t('newOrg.needsCity')));
                    return Promise.resolve();
                  },
                },
              ]}
            >
              <Cascader<DivisionOption>
                options={divisionOptions}
                changeOnSelect
                loading={!divisions}
                placeholder={t('newOrg.divisionPlaceholder')}
                showSearch={{ filter: (input, path) => path.some((o) => o.label.includes(input.trim())) }}
                displayRender={(labels) => labels.join(' / ')}
                onChange={(path) => {
                  const code = (path as string[] | undefined)?.at(-1);
                  if (kind === 'city' && code && (path as string[]).length >= 2) suggestName(`${divisionName(code)}人民政府`);
                }}
                data-testid="new-org-division"
              />
            </Form.Item>
          )
        )}

        <Form.Item
          name="name"
          label={t('newOrg.name')}
          rules={[{ required: true, whitespace: true, min: 2, message: t('newOrg.nameRequired') }]}
        >
          <Input maxLength={200} placeholder={t('newOrg.namePlaceholder')} data-testid="new-org-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
