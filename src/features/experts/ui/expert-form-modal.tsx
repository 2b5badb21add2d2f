/**
 * 新增 / 编辑专家: one form for both. Province and city come from the division Cascader (a
 * province alone is enough; for a municipality the second level is the district); fields of
 * expertise are free tags with the programme's industries suggested; declared relations are a
 * small list of city + kind + note, which the conflict-of-interest rules read.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Cascader, Col, Form, Input, InputNumber, Modal, Row, Select, Spin, Switch, type ButtonProps } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { ApiError } from '../../../web-kit/api-client';
import { type DivisionNode, useDivisions } from '../../reference/ui/public';
import { useI18n } from './i18n';
import { useShowError } from '../../../web-kit/errors';
import { useSubmit } from '../../../web-kit/forms';
import {
  EXPERT_LIMITS as L,
  guessOrganisationType,
  ORGANISATION_TYPE_LABELS,
  ORGANISATION_TYPES,
  RELATION_KIND_LABELS,
  RELATION_KINDS,
  type OrganisationType,
  type RelationKind,
} from '../expert-labels';
import type { Expert, ExpertBody } from '../experts.contract';
import { expertsApi } from './experts-api';
import { expertKeys } from './experts-queries';

interface DivisionOption {
  value: string;
  label: string;
  children?: DivisionOption[];
}

function toOptions(nodes: readonly DivisionNode[]): DivisionOption[] {
  return nodes.map((n) => ({ value: n.code, label: n.name, children: n.children ? toOptions(n.children) : undefined }));
}

interface RelationValues {
  place?: string[];
  kind?: RelationKind;
  note?: string;
}

interface Values {
  name: string;
  organisation: string;
  organisationType: OrganisationType;
  title: string;
  region: string[];
  fields: string[];
  relations: RelationValues[];
  loadCap: number;
  available: boolean;
  email: string;
  phone: string;
}

const FIELD_TOKENS = ['、', ',', '，', ';', '；'];

interface Props {
  open: boolean;
  /** The expert to edit; null for a new one. */
  expert: Expert | null;
  fieldOptions: string[];
  onClose: () => void;
  onSaved: (e: Expert, created: boolean) => void;
}

export function ExpertFormModal({ open, expert, fieldOptions, onClose, onSaved }: Props) {
  const { t, l } = useI18n();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const divisions = useDivisions();
  const [form] = Form.useForm<Values>();
  const options = useMemo(() => (divisions ? toOptions(divisions.tree) : []), [divisions]);

  const initialValues = useMemo<Partial<Values>>(() => {
    const pathOf = (code: string | null) => (code ? (divisions?.pathOf(code) ?? [code]) : []);
    if (!expert) return { region: [], fields: [], relations: [], loadCap: L.loadCapDefault, available: true, email: '', phone: '', title: '' };
    return {
      name: expert.name,
      organisation: expert.organisation,
      organisationType: (ORGANISATION_TYPES as readonly string[]).includes(expert.organisationType) ? (expert.organisationType as OrganisationType) : 'other',
      title: expert.title,
      region: pathOf(expert.cityCode ?? expert.provinceCode),
      fields: expert.fields,
      relations: expert.relations.map((r) => ({ place: pathOf(r.cityCode), kind: r.kind as RelationKind, note: r.note })),
      loadCap: expert.loadCap,
      available: expert.available,
      email: expert.email ?? '',
      phone: expert.phone ?? '',
    };
  }, [expert, divisions]);

  const saving = useMutation({
    mutationFn: (body: ExpertBody) => (expert ? expertsApi.update(expert.id, { ...body, version: expert.version }) : expertsApi.create(body)),
    // Every list of the pool and the fields in use may change with a saved record.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expertKeys.all }),
  });

  const refused = (err: unknown) => {
    if (err instanceof ApiError && err.code === 'VALIDATION_FAILED') {
      const issues = ((err.details as { issues?: { path: string }[] } | undefined)?.issues ?? []).map((i) => i.path);
      if (issues.some((p) => /provinceCode|cityCode$/.test(p) && !p.startsWith('relations'))) form.setFields([{ name: 'region', errors: [t('experts.form.regionInvalid')] }]);
      if (issues.some((p) => p.includes('email'))) form.setFields([{ name: 'email', errors: [t('experts.form.emailInvalid')] }]);
    }
    showError(err);
  };

  const { busy, submit: save } = useSubmit(
    form,
    async (v) => {
      const body: ExpertBody = {
        name: v.name.trim(),
        organisation: v.organisation.trim(),
        organisationType: v.organisationType ?? guessOrganisationType(v.organisation),
        title: (v.title ?? '').trim(),
        provinceCode: v.region[0]!,
        cityCode: v.region.length > 1 ? v.region[v.region.length - 1]! : null,
        fields: v.fields.map((f) => f.trim()).filter(Boolean),
        relations: (v.relations ?? []).map((r) => ({ cityCode: r.place![r.place!.length - 1]!, kind: r.kind!, note: (r.note ?? '').trim() })),
        loadCap: v.loadCap,
        available: v.available,
        email: v.email?.trim() || null,
        phone: v.phone?.trim() || null,
      };
      onSaved(await saving.mutateAsync(body), !expert);
    },
    refused,
  );

  const fieldSelectOptions = useMemo(() => fieldOptions.map((f) => ({ value: f, label: f })), [fieldOptions]);
  const cascaderSearch = { filter: (input: string, path: DivisionOption[]) => path.some((o) => o.label.includes(input.trim())) };

  return (
    <Modal
      open={open}
      title={expert ? t('experts.form.editTitle', { name: expert.name }) : t('experts.form.newTitle')}
      okText={t('experts.form.save')}
      onOk={() => void save()}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      width={780}
      okButtonProps={{ disabled: !divisions, 'data-testid': 'expert-form-submit' } as ButtonProps}
      cancelButtonProps={{ 'data-testid': 'expert-form-cancel' } as ButtonProps}
    >
      {/* The page mounts this modal afresh for every opening (key), so initialValues always apply. */}
      {divisions ? (
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initialValues}
        data-testid="expert-form"
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="name" label={t('experts.col.name')} rules={[{ required: true, whitespace: true, message: t('experts.form.nameRequired') }]}>
              <Input maxLength={L.nameMax} data-testid="expert-form-name" />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="organisation"
              label={t('experts.col.organisation')}
              extra={t('experts.form.organisationHint')}
              rules={[{ required: true, whitespace: true, message: t('experts.form.organisationRequired') }]}
            >
              <Input
                maxLength={L.organisationMax}
                data-testid="expert-form-organisation"
                onBlur={(e) => {
                  if (!form.getFieldValue('organisationType') && e.target.value.trim()) form.setFieldsValue({ organisationType: guessOrganisationType(e.target.value) });
                }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="organisationType" label={t('experts.col.organisationType')} rules={[{ required: true, message: t('experts.form.typeRequired') }]}>
              <Select<OrganisationType>
                options={ORGANISATION_TYPES.map((k) => ({ value: k, label: l(ORGANISATION_TYPE_LABELS[k]) }))}
                placeholder={t('experts.form.choose')}
                data-testid="expert-form-orgtype"
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="title" label={t('experts.col.title')}>
              <Input maxLength={L.titleMax} placeholder={t('experts.form.titlePlaceholder')} data-testid="expert-form-title" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="region"
              label={t('experts.col.region')}
              required
              rules={[{ validator: (_r, v: string[] | undefined) => (v?.length ? Promise.resolve() : Promise.reject(new Error(t('experts.form.regionRequired')))) }]}
            >
              <Cascader<DivisionOption>
                options={options}
                changeOnSelect
                loading={!divisions}
                placeholder={t('experts.form.regionPlaceholder')}
                showSearch={cascaderSearch}
                displayRender={(labels) => labels.join(' / ')}
                data-testid="expert-form-region"
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="fields"
          label={t('experts.col.fields')}
          extra={t('experts.form.fieldsHint')}
          required
          rules={[{ validator: (_r, v: string[] | undefined) => (v?.some((f) => f.trim()) ? Promise.resolve() : Promise.reject(new Error(t('experts.form.fieldsRequired')))) }]}
        >
          <Select mode="tags" options={fieldSelectOptions} tokenSeparators={FIELD_TOKENS} maxCount={L.fieldsMax} placeholder={t('experts.form.fieldsPlaceholder')} data-testid="expert-form-fields" />
        </Form.Item>

        <Form.Item label={t('experts.col.relations')} extra={t('experts.form.relationsHint')} data-testid="expert-form-relations">
          <Form.List name="relations">
            {(items, { add, remove }) => (
              <>
                {items.map((item, i) => (
                  <Row gutter={8} key={item.key} align="top" data-testid={`expert-form-relation-${i}`}>
                    <Col span={8}>
                      <Form.Item name={[item.name, 'place']} rules={[{ required: true, message: t('experts.form.relationCityRequired') }]}>
                        <Cascader<DivisionOption>
                          options={options}
                          changeOnSelect
                          placeholder={t('experts.form.relationCity')}
                          showSearch={cascaderSearch}
                          displayRender={(labels) => labels.join(' / ')}
                          data-testid={`expert-form-relation-city-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={7}>
                      <Form.Item name={[item.name, 'kind']} rules={[{ required: true, message: t('experts.form.relationKindRequired') }]}>
                        <Select<RelationKind>
                          options={RELATION_KINDS.map((k) => ({ value: k, label: l(RELATION_KIND_LABELS[k]) }))}
                          placeholder={t('experts.form.relationKind')}
                          data-testid={`expert-form-relation-kind-${i}`}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item name={[item.name, 'note']}>
                        <Input maxLength={L.noteMax} placeholder={t('experts.form.relationNote')} data-testid={`expert-form-relation-note-${i}`} />
                      </Form.Item>
                    </Col>
                    <Col span={1}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined />}
                        onClick={() => remove(item.name)}
                        aria-label={t('experts.form.removeRelation')}
                        data-testid={`expert-form-relation-remove-${i}`}
                      />
                    </Col>
                  </Row>
                ))}
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  onClick={() => add({ place: [], kind: undefined, note: '' })}
                  disabled={items.length >= L.relationsMax}
                  data-testid="expert-form-add-relation"
                >
                  {t('experts.form.addRelation')}
                </Button>
              </>
            )}
          </Form.List>
        </Form.Item>

        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="loadCap" label={t('experts.col.loadCap')} tooltip={t('experts.form.loadCapHint')} rules={[{ required: true, message: t('experts.form.loadCapRequired') }]}>
              <InputNumber min={L.loadCapMin} max={L.loadCapMax} precision={0} style={{ width: '100%' }} data-testid="expert-form-loadcap" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="available" label={t('experts.col.available')} valuePropName="checked">
              <Switch data-testid="expert-form-available" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="email" label={t('experts.col.email')} rules={[{ type: 'email', message: t('experts.form.emailInvalid') }]}>
              <Input maxLength={L.emailMax} data-testid="expert-form-email" />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="phone" label={t('experts.col.phone')}>
              <Input maxLength={L.phoneMax} data-testid="expert-form-phone" />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      ) : (
        <Spin />
      )}
    </Modal>
  );
}
