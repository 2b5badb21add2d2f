/**
 * 试点阶段时间设置 (/cycle/settings, planning department): where the mid-term evaluation and the
 * summary fall in a pilot's three years, and the months given to rectify. An example pilot's calendar
 * is worked out as the fields change, with the same pure function the server uses; the server
 * checks the setting again. New values apply to pilots approved afterwards.
 */
import { SaveOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, InputNumber, Result, Space } from 'antd';
import { useState } from 'react';
import { phaseSchedule } from '../../../shared/monitoring/pilot-lifecycle';
import { errorText } from '../../../web-kit/errors';
import { formatDate } from '../../../web-kit/format';
import { PageLoading } from '../../../web-kit/page-loading';
import { useMe } from '../../auth/ui/public';
import type { ScheduleSetting } from '../pilots.contract';
import { useI18n, type MessageKey } from './i18n';
import { pilotsQueries, useSaveScheduleSetting } from './pilots-queries';
import './pilots.css';

export default function ScheduleSettingsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const allowed = me.permissions.includes('pilot.manage');
  const setting = useQuery({ ...pilotsQueries.scheduleSetting(), enabled: allowed });
  if (!allowed) return <Result status="403" title={t('settings.noAccess')} />;
  if (setting.isError) return <Alert type="error" showIcon title={t('settings.loadFailed')} description={errorText(setting.error, locale)} />;
  if (setting.isPending) return <PageLoading />;
  return <Editor key={JSON.stringify(setting.data)} loaded={setting.data} />;
}

type Phase = 'midterm' | 'summary';
const FIELDS: { key: 'periodYear' | 'startMonth' | 'months'; label: MessageKey; min: number; max: number }[] = [
  { key: 'periodYear', label: 'settings.periodYear', min: 1, max: 3 },
  { key: 'startMonth', label: 'settings.startMonth', min: 1, max: 12 },
  { key: 'months', label: 'settings.months', min: 1, max: 24 },
];

/** The calendar of an example pilot (approved 2016-09-01, 2017–2019) under these settings; null when they do not fit. */
function exampleSchedule(setting: ScheduleSetting): ReturnType<typeof phaseSchedule> | null {
  try {
    return phaseSchedule([2017, 2018, 2019], setting, '2016-09-01');
  } catch {
    return null;
  }
}

function Editor({ loaded }: { loaded: ScheduleSetting }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const save = useSaveScheduleSetting();
  const [draft, setDraft] = useState<ScheduleSetting>(loaded);
  const [error, setError] = useState<unknown>(null);

  const example = exampleSchedule(draft);
  const span = (w: { start: string; end: string }) => `${formatDate(w.start)}—${formatDate(w.end)}`;
  const set = (phase: Phase, key: (typeof FIELDS)[number]['key'], v: number | null) => setDraft((d) => ({ ...d, [phase]: { ...d[phase], [key]: v ?? d[phase][key] } }));

  const submit = async () => {
    setError(null);
    try {
      await save.mutateAsync(draft);
      void message.success(t('settings.saved'));
    } catch (err) {
      setError(err);
    }
  };

  return (
    <div className="page" data-testid="schedule-settings">
      <div className="page-head">
        <h1 className="page-title">{t('settings.title')}</h1>
      </div>
      <div className="panel">
        <p className="muted">{t('settings.intro')}</p>
        {(['midterm', 'summary'] as const).map((phase) => (
          <fieldset key={phase} className="block-gap">
            <legend className="pilot-subheading">{t(`settings.${phase}`)}</legend>
            <Space wrap>
              {FIELDS.map((f) => (
                <span key={f.key}>
                  <label htmlFor={`${phase}-${f.key}`} className="field-label">
                    {t(f.label)}
                  </label>
                  <InputNumber id={`${phase}-${f.key}`} min={f.min} max={f.max} precision={0} value={draft[phase][f.key]} onChange={(v) => set(phase, f.key, v)} data-testid={`setting-${phase}-${f.key}`} />
                </span>
              ))}
            </Space>
          </fieldset>
        ))}
        <div className="block-gap">
          <label htmlFor="rectification-months" className="field-label">
            {t('settings.rectificationMonths')}
          </label>
          <InputNumber
            id="rectification-months"
            min={1}
            max={36}
            precision={0}
            value={draft.rectificationMonths}
            onChange={(v) => setDraft((d) => ({ ...d, rectificationMonths: v ?? d.rectificationMonths }))}
            data-testid="setting-rectification-months"
          />
        </div>
        {example ? (
          <Alert className="block-gap" type="info" showIcon title={t('settings.example', { mid: span(example.midterm), sum: span(example.summary) })} data-testid="settings-example" />
        ) : (
          <Alert className="block-gap" type="warning" showIcon title={t('settings.invalid')} data-testid="settings-invalid" />
        )}
        {error !== null && <Alert className="block-gap" type="error" showIcon title={errorText(error, locale)} />}
        <Button className="block-gap" type="primary" icon={<SaveOutlined />} disabled={!example} loading={save.isPending} onClick={() => void submit()} data-testid="settings-save">
          {t('settings.save')}
        </Button>
      </div>
    </div>
  );
}
