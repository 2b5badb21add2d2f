/**
 * /cases/new and /cases/$id/edit — the author's editor: pilot (a city's own; the planning department
 * any or none), title, summary, body, the four tag kinds and the indicator evidence of the pilot.
 * Saving names the version edited; a change by someone else meanwhile is shown, not overwritten.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Checkbox, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { evidenceKey, evidenceLine, type EvidenceRef } from '../../../shared/cases/case-evidence';
import { CASE_TAG_KINDS, CASE_TAG_VOCABULARY, type CaseTagKind } from '../../../shared/cases/case-tags';
import { ApiError } from '../../../web-kit/api-client';
import { useShowError } from '../../../web-kit/errors';
import { useSubmit } from '../../../web-kit/forms';
import { QueryState } from '../../../web-kit/query';
import { useMe } from '../../auth/ui/public';
import type { CaseDetail, CreateCaseInput } from '../cases.contract';
import { casesApi } from './cases-api';
import { caseKeys, casesQueries } from './cases-queries';
import './cases.css';
import { useI18n } from './i18n';

type Values = { pilotId?: string | null; title: string; summary: string; body: string; evidence: string[] } & Record<CaseTagKind, string[]>;

function toRef(key: string): EvidenceRef {
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  return kind === 'target' ? { kind: 'target', targetId: id } : { kind: 'report_value', reportValueId: id };
}

function EvidencePicker({ pilotId, value, onChange }: { pilotId: string; value?: string[]; onChange?: (v: string[]) => void }) {
  const { t } = useI18n();
  const query = useQuery(casesQueries.evidence(pilotId));
  return (
    <QueryState query={query}>
      {(data) =>
        data.targets.length + data.reportValues.length === 0 ? (
          <p className="muted">{t('cases.field.noEvidence')}</p>
        ) : (
          <Checkbox.Group value={value ?? []} onChange={(v) => onChange?.(v as string[])} style={{ display: 'block' }} data-testid="case-evidence-picker">
            {(
              [
                ['cases.field.targets', data.targets],
                ['cases.field.values', data.reportValues],
              ] as const
            ).map(([label, items]) =>
              items.length === 0 ? null : (
                <fieldset key={label} style={{ marginBottom: 12 }}>
                  <legend style={{ fontSize: 14, marginBottom: 4 }}>{t(label)}</legend>
                  {items.map((e) => (
                    <div key={evidenceKey(e)}>
                      <Checkbox value={evidenceKey(e)}>{evidenceLine(e)}</Checkbox>
                    </div>
                  ))}
                </fieldset>
              ),
            )}
          </Checkbox.Group>
        )
      }
    </QueryState>
  );
}

function Editor({ existing }: { existing: CaseDetail | null }) {
  const { t, l } = useI18n();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [conflict, setConflict] = useState(false);
  const showError = useShowError();
  const pilots = useQuery({ ...casesQueries.pilots(), enabled: existing === null });
  const pilotId = Form.useWatch('pilotId', form) ?? existing?.pilotId ?? null;
  const city = me.user.role === 'city_applicant';

  // A new case of a city starts with its pilot, and the region of the pilot.
  useEffect(() => {
    if (existing || !pilots.data || form.getFieldValue('pilotId')) return;
    if (city && pilots.data.items[0]) form.setFieldValue('pilotId', pilots.data.items[0].id);
  }, [existing, pilots.data, city, form]);
  const evidence = useQuery({ ...casesQueries.evidence(pilotId ?? ''), enabled: existing === null && pilotId !== null });
  useEffect(() => {
    if (!existing && evidence.data && (form.getFieldValue('regions') ?? []).length === 0) form.setFieldValue('regions', evidence.data.regions);
  }, [existing, evidence.data, form]);

  const { busy, submit } = useSubmit(
    form,
    async (v) => {
      const body: Omit<CreateCaseInput, 'pilotId'> = {
        title: v.title,
        summary: v.summary ?? '',
        body: v.body ?? '',
        cityTypes: v.cityTypes as never,
        regions: v.regions as never,
        industries: v.industries as never,
        themes: v.themes as never,
        evidence: (v.evidence ?? []).map(toRef),
      };
      const saved = existing ? await casesApi.update(existing.id, { ...body, version: existing.version }) : await casesApi.create({ ...body, pilotId: v.pilotId ?? null });
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      void message.success(t('cases.saved'));
      void navigate({ to: '/cases/$id', params: { id: saved.id } });
    },
    (err) => {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') setConflict(true);
      else showError(err);
    },
  );

  const initial: Partial<Values> = existing
    ? {
        pilotId: existing.pilotId,
        title: existing.title,
        summary: existing.summary,
        body: existing.body,
        cityTypes: existing.cityTypes,
        regions: existing.regions,
        industries: existing.industries,
        themes: existing.themes,
        evidence: existing.evidence.map(evidenceKey),
      }
    : { pilotId: null, cityTypes: [], regions: [], industries: [], themes: [], evidence: [] };

  return (
    <div className="page" data-testid="case-editor">
      <div className="page-head">
        <h1 className="page-title">{existing ? t('cases.editTitle') : t('cases.newTitle')}</h1>
        {existing ? (
          <Link to="/cases/$id" params={{ id: existing.id }}>
            <Button>{t('cases.back')}</Button>
          </Link>
        ) : (
          <Link to="/cases/mine">
            <Button>{t('cases.back')}</Button>
          </Link>
        )}
      </div>
      {conflict && <Alert type="warning" showIcon role="alert" title={t('cases.conflict')} action={<Button onClick={() => window.location.reload()}>{t('cases.reload')}</Button>} style={{ marginBottom: 12 }} />}
      <div className="panel">
        <Form form={form} layout="vertical" initialValues={initial} onFinish={() => void submit()}>
          {existing ? (
            existing.pilotName && <p>{t('cases.pilot')}：{existing.pilotName}</p>
          ) : (
            <Form.Item name="pilotId" label={t('cases.field.pilot')} rules={city ? [{ required: true, message: t('cases.required') }] : []}>
              <Select
                data-testid="case-pilot"
                loading={pilots.isPending}
                options={[...(city ? [] : [{ value: null as unknown as string, label: t('cases.field.pilotNone') }]), ...(pilots.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))]}
                onChange={() => form.setFieldValue('evidence', [])}
              />
            </Form.Item>
          )}
          <Form.Item name="title" label={t('cases.field.title')} rules={[{ required: true, whitespace: true, message: t('cases.required') }]}>
            <Input maxLength={200} data-testid="case-field-title" />
          </Form.Item>
          <Form.Item name="summary" label={t('cases.field.summary')}>
            <Input.TextArea rows={3} maxLength={2000} data-testid="case-field-summary" />
          </Form.Item>
          <Form.Item name="body" label={t('cases.field.body')}>
            <Input.TextArea rows={10} maxLength={50000} data-testid="case-field-body" />
          </Form.Item>
          <div className="case-filters">
            {CASE_TAG_KINDS.map((kind) => {
              const { codes, labels } = CASE_TAG_VOCABULARY[kind];
              return (
                <Form.Item key={kind} name={kind} label={t(`cases.filter.${kind}`)}>
                  <Select
                    mode="multiple"
                optionFilterProp="label"
                    allowClear
                    data-testid={`case-field-${kind}`}
                    options={(codes as readonly string[]).map((code) => ({ value: code, label: l((labels as Record<string, { zh: string; en: string }>)[code]) }))}
                  />
                </Form.Item>
              );
            })}
          </div>
          {pilotId && (
            <Form.Item name="evidence" label={t('cases.field.evidence')} extra={t('cases.field.evidenceHelp')}>
              <EvidencePicker pilotId={pilotId} />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="case-save">
            {existing ? t('cases.save') : t('cases.create')}
          </Button>
        </Form>
      </div>
    </div>
  );
}

export function NewCasePage() {
  return <Editor existing={null} />;
}

export default function EditCasePage({ id }: { id: string }) {
  const query = useQuery({ ...casesQueries.detail(id), staleTime: 0 });
  return <QueryState query={query}>{(c) => <Editor existing={c} />}</QueryState>;
}
