/**
 * The plan editor: outline menu on the left, the forms in the middle, the checker's findings live on
 * the right and beside the section or row they point to. The checker is the shared pure function,
 * run in the browser ~300 ms after each change; the server runs the same one on save and submit.
 */
import { ArrowLeftOutlined, ExportOutlined, ImportOutlined, PrinterOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Alert, App, Button, Result, Space, Tooltip, Upload, type ButtonProps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ACTION_LABELS } from '../../../../shared/lifecycle/application-lifecycle';
import { checkPlan, type Finding } from '../../../../shared/plan/checker';
import { PLAN_OUTLINE } from '../../../../shared/plan/outline';
import type { CityType, Plan, Target, TargetDimension } from '../../../../shared/plan/plan-schema';
import type { ApplicationDetail } from '../../applications.contract';
import { applicationsQueries } from '../applications-queries';
import { FindingItem, FindingsList } from '../findings-list';
import { DemoTag, StatusTag } from '../../../../web-kit/status-tag';
import { useI18n } from '../i18n';
import { downloadJson } from '../../../../web-kit/download';
import { errorText, useShowError } from '../../../../web-kit/errors';
import { PageLoading } from '../../../../web-kit/page-loading';
import { QueryError } from '../../../../web-kit/query';
import { formatDateTime, formatTime } from '../../../../web-kit/format';
import {
  blockElementId,
  BLOCK_LABEL_KEYS,
  BLOCKS_AFTER_PART,
  countByAnchor,
  locateFinding,
  sectionAnchor,
  type AnchorKey,
  type TableBlock,
} from '../plan-layout';
import { useMe } from '../../../auth/ui/public';
import { ImportProblems } from '../import-problems';
import { planFileName, readPlanFile } from '../plan-file';
import { SubmitModal } from '../submit-modal';
import { targetYearsOf } from '../target-format';
import { ConflictModal } from './conflict-modal';
import { CityTypesForm, ContactForm, CoverForm } from './cover-forms';
import { chapterAnchor, EditorNav, useNavEntries } from './editor-nav';
import { ParseWordingModal } from './parse-wording-modal';
import { RowsEditor, type RowColumn } from './rows-editor';
import { SectionEditor } from './section-editor';
import { TargetsEditor } from './targets-editor';
import { clearStash, readStash, stashKey, type Stash } from './unsaved-stash';
import { useAutosave, type SaveStatus } from './use-autosave';

const CHECK_DELAY_MS = 300;
const NO_FINDINGS: readonly Finding[] = [];
const NO_ROWS: ReadonlyMap<number, readonly Finding[]> = new Map();

const NEW_ROWS = {
  keyIndustries: (): Plan['keyIndustries'][number] => ({ name: '', description: '', outputValue: null }),
  parks: (): Plan['parks'][number] => ({ name: '', level: '', leadingIndustries: '' }),
  coreEnterprises: (): Plan['coreEnterprises'][number] => ({ name: '', industry: '', role: '' }),
  innovationCarriers: (): Plan['innovationCarriers'][number] => ({ name: '', kind: '', level: '' }),
  taskDivision: (): Plan['taskDivision'][number] => ({ task: '', responsibleUnit: '', deadline: '' }),
};

function newId(): string {
  const c = globalThis.crypto;
  if (c && 'randomUUID' in c) return `t-${c.randomUUID().slice(0, 8)}`;
  return `t-${Math.random().toString(36).slice(2, 10)}`;
}

/** Target years follow the application year; values always have three slots. */
function normaliseTarget(t: Target, applicationYear: number): Target {
  return { ...t, targetYears: targetYearsOf(applicationYear), values: [0, 1, 2].map((i) => t.values[i] ?? null) };
}

function normalisePlan(plan: Plan, applicationYear: number): Plan {
  return { ...plan, cover: { ...plan.cover, applicationYear }, targets: plan.targets.map((t) => normaliseTarget(t, applicationYear)) };
}

function newTarget(dimension: TargetDimension | null, applicationYear: number): Target {
  return {
    id: newId(),
    dimension,
    indicator: '',
    unit: '',
    direction: 'higher',
    kind: null,
    qualifier: 'exact',
    baseYear: applicationYear - 1,
    baselineValue: null,
    targetYears: targetYearsOf(applicationYear),
    values: [null, null, null],
    dataSource: '',
    assessmentMethod: '',
    wording: '',
  };
}

interface CheckState {
  findings: readonly Finding[];
  counts: ReturnType<typeof countByAnchor>;
  bySection: Map<string, Finding[]>;
  byTarget: Map<string, Finding[]>;
  byRow: Map<TableBlock, Map<number, Finding[]>>;
  byBlock: Map<AnchorKey, Finding[]>;
  elementOf: (f: Finding) => string;
}

function runCheck(plan: Plan): CheckState {
  const findings = checkPlan(plan);
  const bySection = new Map<string, Finding[]>();
  const byTarget = new Map<string, Finding[]>();
  const byRow = new Map<TableBlock, Map<number, Finding[]>>();
  const byBlock = new Map<AnchorKey, Finding[]>();
  const elements = new Map<Finding, string>();
  const push = <K,>(m: Map<K, Finding[]>, k: K, f: Finding) => {
    const list = m.get(k);
    if (list) list.push(f);
    else m.set(k, [f]);
  };
  for (const f of findings) {
    const loc = locateFinding(f, plan);
    elements.set(f, loc.elementId);
    if (loc.partKey) push(bySection, loc.partKey, f);
    else if (loc.targetId) push(byTarget, loc.targetId, f);
    else {
      const row = /^(\w+)\[(\d+)\]/.exec(f.path);
      if (row && loc.anchor === row[1] && loc.anchor !== 'targets') {
        const block = loc.anchor as TableBlock;
        const m = byRow.get(block) ?? new Map<number, Finding[]>();
        push(m, Number(row[2]), f);
        byRow.set(block, m);
      } else push(byBlock, loc.anchor, f);
    }
  }
  return { findings, counts: countByAnchor(findings, plan), bySection, byTarget, byRow, byBlock, elementOf: (f) => elements.get(f) ?? blockElementId('general') };
}

function scrollToElement(elementId: string) {
  const el = document.getElementById(elementId);
  if (!el) return;
  el.scrollIntoView({ behavior: 'smooth', block: 'start' });
  el.classList.remove('flash');
  // Restart the highlight animation.
  void el.offsetWidth;
  el.classList.add('flash');
  // Put the cursor where the finding points, without jumping again.
  const field = el.matches('input, textarea') ? el : el.querySelector<HTMLElement>('textarea, input:not([disabled])');
  (field as HTMLElement | null)?.focus({ preventScroll: true });
}

export default function PlanEditorPage({ id }: { id: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  // The editor saves against the version it starts from, so it always starts from what the server
  // holds now, never from a cached copy.
  const query = useQuery({ ...applicationsQueries.detail(id), refetchOnMount: 'always' });
  // Taken once: a later refetch (after submitting, say) must not change the ground under the editor.
  const [initial, setInitial] = useState<ApplicationDetail | null>(null);
  if (!initial && query.isSuccess && query.isFetchedAfterMount) setInitial(query.data);

  if (!initial) return query.isError ? <QueryError error={query.error} onRetry={() => void query.refetch()} /> : <PageLoading />;
  if (!initial.allowedActions.includes('save')) {
    return (
      <Result
        status="info"
        title={t('editor.notEditable')}
        subTitle={t('editor.notEditableText')}
        extra={
          <Button type="primary" onClick={() => void navigate({ to: '/applications/$id', params: { id } })} data-testid="btn-to-detail">
            {t('editor.toDetail')}
          </Button>
        }
      />
    );
  }
  return <Editor initial={initial} />;
}

function SaveState({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  const { t, locale } = useI18n();
  let text: string;
  let cls: string;
  switch (status.kind) {
    case 'saved':
      text = status.at ? t('save.savedAt', { time: formatTime(status.at) }) : t('save.upToDate');
      cls = 'ok';
      break;
    case 'dirty':
      text = t('save.dirty');
      cls = 'dirty';
      break;
    case 'saving':
      text = t('save.saving');
      cls = 'saving';
      break;
    case 'conflict':
      text = t('save.conflict');
      cls = 'error';
      break;
    case 'error':
      text = t('save.failed');
      cls = 'error';
      break;
  }
  return (
    <span className={`save-state ${cls}`} data-testid="save-state" data-state={status.kind} role="status" aria-live="polite">
      {status.kind === 'error' ? (
        <Tooltip title={errorText(status.error, locale)}>
          {text}{' '}
          <a onClick={onRetry} data-testid="btn-retry-save">
            {t('save.retry')}
          </a>
        </Tooltip>
      ) : (
        text
      )}
    </span>
  );
}

function Editor({ initial }: { initial: ApplicationDetail }) {
  const { t, l, msg } = useI18n();
  const { message, modal } = App.useApp();
  const me = useMe();
  const showError = useShowError();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const appInfo = initial.application;
  const applicationYear = appInfo.applicationYear;
  const ownCode = me.user.divisionCode;

  const [plan, setPlan] = useState<Plan>(() => normalisePlan(initial.plan, applicationYear));
  const baselineRef = useRef(plan);
  const [check, setCheck] = useState<CheckState>(() => runCheck(plan));
  const [submitOpen, setSubmitOpen] = useState(false);
  const [parseId, setParseId] = useState<string | null>(null);
  const [active, setActive] = useState<AnchorKey | null>('cover');
  const stashKeyValue = stashKey(me.user.id, appInfo.id);
  const autosave = useAutosave({ applicationId: appInfo.id, version: appInfo.version, stashKey: stashKeyValue });
  // Edits from an earlier visit that never reached the server (lost session, closed tab, failed save).
  const [stash, setStash] = useState<Stash | null>(() => {
    const s = readStash(stashKeyValue);
    if (s && JSON.stringify(s.plan) === JSON.stringify(initial.plan)) clearStash(stashKeyValue);
    return s && JSON.stringify(s.plan) !== JSON.stringify(initial.plan) ? s : null;
  });
  const { markDirty } = autosave;

  // Every change: autosave (debounced in the hook) and a fresh check (debounced here).
  useEffect(() => {
    if (plan === baselineRef.current) return;
    markDirty(plan);
    const timer = setTimeout(() => setCheck(runCheck(plan)), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [plan, markDirty]);

  // ---- stable updaters ----
  const setSection = useCallback((key: string, html: string) => setPlan((p) => ({ ...p, sections: { ...p.sections, [key]: html } })), []);
  const setCover = useCallback((patch: Partial<Plan['cover']>) => setPlan((p) => ({ ...p, cover: { ...p.cover, ...patch } })), []);
  const setContact = useCallback((patch: Partial<Plan['contact']>) => setPlan((p) => ({ ...p, contact: { ...p.contact, ...patch } })), []);
  const setCityTypes = useCallback((v: CityType[]) => setPlan((p) => ({ ...p, cityTypes: v })), []);
  const setRows = useCallback((block: TableBlock, rows: unknown[]) => setPlan((p) => ({ ...p, [block]: rows })), []);
  const changeTarget = useCallback(
    (tid: string, patch: Partial<Target>) =>
      setPlan((p) => ({ ...p, targets: p.targets.map((x) => (x.id === tid ? normaliseTarget({ ...x, ...patch }, p.cover.applicationYear) : x)) })),
    [],
  );
  const removeTarget = useCallback((tid: string) => setPlan((p) => ({ ...p, targets: p.targets.filter((x) => x.id !== tid) })), []);
  const addTarget = useCallback((dimension: TargetDimension | null) => {
    const target = newTarget(dimension, applicationYear);
    setPlan((p) => ({ ...p, targets: [...p.targets, target] }));
    setTimeout(() => {
      scrollToElement(`target-${target.id}`);
      document.querySelector<HTMLInputElement>(`[data-testid="target-${target.id}-indicator"]`)?.focus({ preventScroll: true });
    }, 60);
  }, [applicationYear]);

  // ---- navigation ----
  const navEntries = useNavEntries();
  const selectAnchor = useCallback((anchor: AnchorKey) => {
    setActive(anchor);
    scrollToElement(blockElementId(anchor));
  }, []);
  const selectFinding = useCallback(
    (f: Finding) => {
      setActive(locateFinding(f, plan).anchor);
      scrollToElement(check.elementOf(f));
    },
    [check, plan],
  );

  // Scroll spy: the last block whose top has passed under the toolbar is the active entry.
  useEffect(() => {
    let frame = 0;
    const onScroll = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        let current: AnchorKey | null = null;
        for (const e of navEntries) {
          const el = document.getElementById(blockElementId(e.anchor));
          if (el && el.getBoundingClientRect().top < 140) current = e.anchor;
        }
        if (current) setActive(current);
      });
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [navEntries]);

  // ---- conflict: load the latest version ----
  const reloadLatest = useCallback(async () => {
    try {
      const d = await queryClient.fetchQuery({ ...applicationsQueries.detail(appInfo.id), staleTime: 0 });
      const latest = normalisePlan(d.plan, d.application.applicationYear);
      baselineRef.current = latest;
      autosave.reset(d.application.version);
      setPlan(latest);
      setCheck(runCheck(latest));
      void message.success(t('conflict.reloaded'));
      if (!d.allowedActions.includes('save')) void navigate({ to: '/applications/$id', params: { id: appInfo.id } });
    } catch (err) {
      showError(err);
    }
  }, [appInfo.id, autosave, message, t, showError, queryClient, navigate]);

  // ---- toolbar actions ----
  const exportJson = () => downloadJson(plan, planFileName(plan, appInfo.refNo));

  const importFile = async (file: File) => {
    const result = await readPlanFile(file);
    if (!result.ok) {
      modal.error({ title: t('import.failedTitle'), content: <ImportProblems result={result} />, width: 560 });
      return;
    }
    const imported = result.plan;
    modal.confirm({
      title: t('editor.importConfirmTitle'),
      content: (
        <div data-testid="import-confirm">
          <p>{t('editor.importConfirmText', { file: file.name })}</p>
          {imported.cover.applicationYear !== applicationYear && (
            <p className="muted">{t('editor.importYearKept', { year: applicationYear, theirs: imported.cover.applicationYear })}</p>
          )}
        </div>
      ),
      okText: t('editor.importConfirmOk'),
      okButtonProps: { danger: true, 'data-testid': 'btn-import-confirm' } as ButtonProps,
      onOk: () => {
        const cityCodes = imported.cover.cityCodes.includes(ownCode) ? imported.cover.cityCodes : [ownCode, ...imported.cover.cityCodes];
        setPlan(normalisePlan({ ...imported, cover: { ...imported.cover, cityCodes } }, applicationYear));
        void message.success(t('editor.imported'));
      },
    });
  };

  const openPrint = async () => {
    // Open the tab within the click (popup blockers), then point it at the print view once saved.
    const w = window.open('', '_blank');
    await autosave.flush();
    const url = `/applications/${appInfo.id}/print`;
    if (w) w.location.href = url;
    else window.location.href = url;
  };

  const allowed = new Set(initial.allowedActions);
  const returnReasons =
    appInfo.status === 'returned'
      ? initial.provincialReviews.filter((r) => r.decision === 'returned' && r.round === appInfo.round && r.opinion).map((r) => r.opinion!)
      : [];
  const blocking = check.findings.filter((f) => f.severity === 'blocking').length;
  const warnings = check.findings.length - blocking;
  const conflict = autosave.status.kind === 'conflict' ? autosave.status.error : null;
  const conflictVersion = (conflict?.details as { currentVersion?: number } | undefined)?.currentVersion ?? null;

  const rowColumns = useMemo(
    () => ({
      keyIndustries: [
        { key: 'name', label: t('industry.name'), width: '24%', maxLength: 100 },
        { key: 'description', label: t('industry.description'), kind: 'textarea', maxLength: 2000 },
        { key: 'outputValue', label: t('industry.outputValue'), width: 130, kind: 'number' },
      ] satisfies RowColumn<Plan['keyIndustries'][number]>[],
      parks: [
        { key: 'name', label: t('park.name'), width: '34%', maxLength: 200 },
        { key: 'level', label: t('park.level'), width: 120, maxLength: 50, placeholder: t('park.levelPlaceholder') },
        { key: 'leadingIndustries', label: t('park.leadingIndustries'), kind: 'textarea', maxLength: 500 },
      ] satisfies RowColumn<Plan['parks'][number]>[],
      coreEnterprises: [
        { key: 'name', label: t('enterprise.name'), width: '30%', maxLength: 200 },
        { key: 'industry', label: t('enterprise.industry'), width: '22%', maxLength: 100 },
        { key: 'role', label: t('enterprise.role'), kind: 'textarea', maxLength: 500 },
      ] satisfies RowColumn<Plan['coreEnterprises'][number]>[],
      innovationCarriers: [
        { key: 'name', label: t('carrier.name'), maxLength: 200 },
        { key: 'kind', label: t('carrier.kind'), width: '28%', maxLength: 100, placeholder: t('carrier.kindPlaceholder') },
        { key: 'level', label: t('carrier.level'), width: 110, maxLength: 50, placeholder: t('park.levelPlaceholder') },
      ] satisfies RowColumn<Plan['innovationCarriers'][number]>[],
      taskDivision: [
        { key: 'task', label: t('task.task'), kind: 'textarea', maxLength: 500 },
        { key: 'responsibleUnit', label: t('task.responsibleUnit'), width: '26%', maxLength: 200 },
        { key: 'deadline', label: t('task.deadline'), width: 130, maxLength: 40, placeholder: t('task.deadlinePlaceholder') },
      ] satisfies RowColumn<Plan['taskDivision'][number]>[],
    }),
    [t],
  );

  const blockFindings = (anchor: AnchorKey) => {
    const list = check.byBlock.get(anchor);
    return list && list.length > 0 ? (
      <div className="inline-findings block-findings">
        {list.map((f, i) => (
          <FindingItem key={`${f.code}-${i}`} finding={f} />
        ))}
      </div>
    ) : null;
  };

  const renderBlock = (block: TableBlock) => {
    let body;
    switch (block) {
      case 'targets':
        body = (
          <TargetsEditor
            targets={plan.targets}
            applicationYear={applicationYear}
            findingsByTarget={check.byTarget}
            onAdd={addTarget}
            onChange={changeTarget}
            onRemove={removeTarget}
            onParse={setParseId}
          />
        );
        break;
      case 'contact':
        body = <ContactForm contact={plan.contact} onChange={setContact} />;
        break;
      case 'keyIndustries':
        body = (
          <RowsEditor
            block={block}
            rows={plan.keyIndustries}
            columns={rowColumns.keyIndustries}
            newRow={NEW_ROWS.keyIndustries}
            onChange={setRows}
            rowFindings={check.byRow.get(block) ?? NO_ROWS}
            addLabel={t('editor.addRow', { what: t(BLOCK_LABEL_KEYS[block]) })}
          />
        );
        break;
      case 'parks':
        body = (
          <RowsEditor
            block={block}
            rows={plan.parks}
            columns={rowColumns.parks}
            newRow={NEW_ROWS.parks}
            onChange={setRows}
            rowFindings={check.byRow.get(block) ?? NO_ROWS}
            addLabel={t('editor.addRow', { what: t(BLOCK_LABEL_KEYS[block]) })}
          />
        );
        break;
      case 'coreEnterprises':
        body = (
          <RowsEditor
            block={block}
            rows={plan.coreEnterprises}
            columns={rowColumns.coreEnterprises}
            newRow={NEW_ROWS.coreEnterprises}
            onChange={setRows}
            rowFindings={check.byRow.get(block) ?? NO_ROWS}
            addLabel={t('editor.addRow', { what: t(BLOCK_LABEL_KEYS[block]) })}
          />
        );
        break;
      case 'innovationCarriers':
        body = (
          <RowsEditor
            block={block}
            rows={plan.innovationCarriers}
            columns={rowColumns.innovationCarriers}
            newRow={NEW_ROWS.innovationCarriers}
            onChange={setRows}
            rowFindings={check.byRow.get(block) ?? NO_ROWS}
            addLabel={t('editor.addRow', { what: t(BLOCK_LABEL_KEYS[block]) })}
          />
        );
        break;
      case 'taskDivision':
        body = (
          <RowsEditor
            block={block}
            rows={plan.taskDivision}
            columns={rowColumns.taskDivision}
            newRow={NEW_ROWS.taskDivision}
            onChange={setRows}
            rowFindings={check.byRow.get(block) ?? NO_ROWS}
            addLabel={t('editor.addRow', { what: t(BLOCK_LABEL_KEYS[block]) })}
          />
        );
        break;
    }
    return (
      <section key={block} id={blockElementId(block)} className="editor-block" data-testid={`block-${block}`}>
        <h3 className="editor-block-title">{t(BLOCK_LABEL_KEYS[block])}</h3>
        {blockFindings(block)}
        {body}
      </section>
    );
  };

  const parseTarget = parseId ? (plan.targets.find((x) => x.id === parseId) ?? null) : null;
  const submitDisabled = blocking > 0;

  return (
    <div className="editor" data-testid="plan-editor">
      <div className="editor-toolbar no-print">
        <div className="editor-toolbar-title">
          <Link to="/applications/$id" params={{ id: appInfo.id }} className="back-link" data-testid="btn-back">
            <ArrowLeftOutlined />
          </Link>
          <div className="editor-heading">
            <div className="editor-heading-title">
              <span className="editor-title-text" title={plan.cover.title || appInfo.title}>
                {plan.cover.title || appInfo.title || t('app.untitled')}
              </span>
              <StatusTag status={appInfo.status} />
              {appInfo.isDemo && <DemoTag />}
            </div>
            <div className="muted small mono">{appInfo.refNo}</div>
          </div>
          <SaveState status={autosave.status} onRetry={() => void autosave.retry()} />
        </div>
        <Space wrap size={8}>
          {allowed.has('submit') && (
            <Tooltip title={submitDisabled ? t('editor.submitBlocked', { n: blocking }) : undefined}>
              <Button type="primary" icon={<SendOutlined />} disabled={submitDisabled} onClick={() => setSubmitOpen(true)} data-testid="btn-submit">
                {l(ACTION_LABELS.submit)}
              </Button>
            </Tooltip>
          )}
          <Button icon={<ExportOutlined />} onClick={exportJson} data-testid="btn-export-json">
            {t('editor.exportJson')}
          </Button>
          <Upload
            accept=".json,application/json"
            showUploadList={false}
            beforeUpload={(file) => {
              void importFile(file);
              return false;
            }}
          >
            <Button icon={<ImportOutlined />} data-testid="btn-import-json">
              {t('editor.importJson')}
            </Button>
          </Upload>
          <Button icon={<PrinterOutlined />} onClick={() => void openPrint()} data-testid="btn-print">
            {t('detail.print')}
          </Button>
        </Space>
      </div>

      <div className="editor-columns">
        <aside className="editor-aside no-print">
          <EditorNav entries={navEntries} counts={check.counts} active={active} onSelect={selectAnchor} />
        </aside>

        <main className="editor-main">
          {stash && (
            <Alert
              type="info"
              showIcon
              className="block-gap"
              title={t('stash.title', { time: formatDateTime(new Date(stash.savedAt)) })}
              description={stash.version !== appInfo.version ? t('stash.otherVersion', { mine: stash.version, current: appInfo.version }) : t('stash.text')}
              action={
                <Space orientation="vertical">
                  <Button
                    size="small"
                    type="primary"
                    onClick={() => {
                      setPlan(normalisePlan(stash.plan, applicationYear));
                      setStash(null);
                    }}
                    data-testid="btn-stash-restore"
                  >
                    {t('stash.restore')}
                  </Button>
                  <Button
                    size="small"
                    onClick={() => {
                      clearStash(stashKeyValue);
                      setStash(null);
                    }}
                    data-testid="btn-stash-discard"
                  >
                    {t('stash.discard')}
                  </Button>
                </Space>
              }
              data-testid="stash-notice"
            />
          )}
          {returnReasons.length > 0 && (
            <Alert
              type="warning"
              showIcon
              className="block-gap"
              title={t('detail.returnedNotice')}
              description={<div className="pre-wrap">{returnReasons.join('\n')}</div>}
              data-testid="returned-notice"
            />
          )}
          <section id={blockElementId('cover')} className="editor-block" data-testid="block-cover">
            <h3 className="editor-block-title">{t(BLOCK_LABEL_KEYS.cover)}</h3>
            {blockFindings('cover')}
            <CoverForm cover={plan.cover} ownCode={ownCode} onChange={setCover} />
          </section>
          <section id={blockElementId('cityTypes')} className="editor-block" data-testid="block-cityTypes">
            <h3 className="editor-block-title">{t(BLOCK_LABEL_KEYS.cityTypes)}</h3>
            {blockFindings('cityTypes')}
            <CityTypesForm value={plan.cityTypes} onChange={setCityTypes} />
          </section>
          {blockFindings('general') && (
            <section id={blockElementId('general')} className="editor-block">
              <h3 className="editor-block-title">{t(BLOCK_LABEL_KEYS.general)}</h3>
              {blockFindings('general')}
            </section>
          )}
          {PLAN_OUTLINE.map((chapter) => (
            <section key={chapter.key} id={blockElementId(chapterAnchor(chapter.key))} className="editor-chapter">
              <h2 className="editor-chapter-title">{l(chapter)}</h2>
              {chapter.parts.map((part) => (
                <div key={part.key}>
                  <section id={blockElementId(sectionAnchor(part.key))} className="editor-block editor-part">
                    <SectionEditor
                      partKey={part.key}
                      title={l(part)}
                      html={plan.sections[part.key]}
                      findings={check.bySection.get(part.key) ?? NO_FINDINGS}
                      onChange={setSection}
                    />
                  </section>
                  {(BLOCKS_AFTER_PART[part.key] ?? []).map(renderBlock)}
                </div>
              ))}
            </section>
          ))}
        </main>

        <aside className="editor-findings no-print" data-testid="findings-panel">
          <div className="findings-panel-head">
            <strong>{t('editor.findingsTitle')}</strong>
            <span className="findings-summary" data-testid="findings-summary">
              <span className="count blocking">{t('editor.blockingN', { n: blocking })}</span>
              <span className="count warning">{t('editor.warningN', { n: warnings })}</span>
            </span>
          </div>
          <FindingsList findings={check.findings} onSelect={selectFinding} emptyText={t('findings.allClear')} />
        </aside>
      </div>

      <ParseWordingModal target={parseTarget} applicationYear={applicationYear} onApply={changeTarget} onClose={() => setParseId(null)} />
      <SubmitModal
        open={submitOpen}
        applicationId={appInfo.id}
        blockingCount={blocking}
        prepare={autosave.flush}
        onClose={() => setSubmitOpen(false)}
        onSubmitted={() => {
          setSubmitOpen(false);
          void message.success(t('submit.done'));
          void navigate({ to: '/applications/$id', params: { id: appInfo.id } });
        }}
      />
      <ConflictModal
        open={conflict !== null}
        message={conflict ? msg(conflict.localized) : ''}
        currentVersion={conflictVersion}
        myPlan={plan}
        fileName={planFileName(plan, `${appInfo.refNo}-mine`)}
        onReload={() => void reloadLatest()}
      />
    </div>
  );
}
