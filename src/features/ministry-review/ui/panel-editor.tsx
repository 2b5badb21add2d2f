/**
 * One proposed panel, editable by hand: the members and backups with their matching cost and the
 * reasons they were chosen, moves between member and backup, removal, adding an expert from the
 * pool, and the experts the conflict-of-interest rules excluded (which rule, and why).
 */
import { DeleteOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Select, Space, Table, Tag, Tooltip, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { CONFLICT_RULES, type ConflictRuleCode } from '../../../shared/review/conflicts';
import { useMe } from '../../auth/ui/public';
import type { Expert } from '../../experts/experts.contract';
import { expertsQueries } from '../../experts/ui/public';
import type { Bilingual, Exclusion, ProposedExpert } from '../review.contract';
import { useI18n } from './i18n';

/** An expert chosen for a panel: one the proposal named, or one added by hand (`cost` null). */
export type ExpertPick = Omit<ProposedExpert, 'cost'> & { cost: number | null };

export interface PanelChoice {
  members: ExpertPick[];
  backups: ExpertPick[];
}

export const pickOf = (e: ProposedExpert): ExpertPick => ({ ...e });

/** The reasons to store with the panel: those of the proposal, for the experts it proposed. */
export function reasonsOf(choice: PanelChoice): Record<string, Bilingual[]> {
  return Object.fromEntries([...choice.members, ...choice.backups].filter((p) => p.cost !== null && p.reasons.length).map((p) => [p.expertId, p.reasons]));
}

/** The available experts of the pool (GET /experts); null while it loads or when it cannot be read. */
export function useExpertPool(): Expert[] | null {
  const me = useMe();
  const allowed = me.permissions.includes('expert.manage');
  const pool = useQuery({ ...expertsQueries.availablePool(), enabled: allowed });
  return pool.data?.items ?? null;
}

export function RuleTag({ rule }: { rule: ConflictRuleCode }) {
  const { l } = useI18n();
  const r = CONFLICT_RULES[rule];
  if (!r) return <Tag>{rule}</Tag>;
  return (
    <Tooltip title={l(r.description)}>
      <Tag color="volcano" data-testid={`rule-${rule}`}>
        {l(r)}
      </Tag>
    </Tooltip>
  );
}

export function ExclusionsTable({ exclusions, testIds = true }: { exclusions: Exclusion[]; testIds?: boolean }) {
  const { t, l } = useI18n();
  const columns: TableColumnsType<Exclusion> = [
    { title: t('review.expert'), dataIndex: 'expertName', width: 120 },
    {
      title: t('review.exclusionRule'),
      dataIndex: 'rules',
      width: 200,
      render: (rules: ConflictRuleCode[]) => (
        <Space size={[0, 4]} wrap>
          {rules.map((r) => (
            <RuleTag key={r} rule={r} />
          ))}
        </Space>
      ),
    },
    {
      title: t('review.exclusionWhy'),
      dataIndex: 'explanations',
      render: (v: Bilingual[]) => (
        <ul className="review-reasons">
          {v.map((x, i) => (
            <li key={i}>{l(x)}</li>
          ))}
        </ul>
      ),
    },
  ];
  return (
    <Table<Exclusion>
      rowKey="expertId"
      size="small"
      columns={columns}
      dataSource={exclusions}
      pagination={false}
      locale={{ emptyText: t('review.noExclusions') }}
      data-testid={testIds ? 'proposal-exclusions' : undefined}
      onRow={(x) => (testIds ? ({ 'data-testid': `exclusion-${x.expertName}` } as HTMLAttributes<HTMLElement>) : {})}
    />
  );
}

interface EditorProps {
  value: PanelChoice;
  onChange: (next: PanelChoice) => void;
  /** Experts excluded for this application (by the rules). */
  exclusions: Exclusion[];
  pool: Expert[] | null;
  /** Test ids are unique only for the first panel on a page (the batch page shows several). */
  testIds?: boolean;
}

export function PanelEditor({ value, onChange, exclusions, pool, testIds = true }: EditorProps) {
  const { t, l } = useI18n();
  const [adding, setAdding] = useState<string | undefined>(undefined);
  const [addAs, setAddAs] = useState<'member' | 'backup'>('member');
  const chosen = new Set([...value.members, ...value.backups].map((p) => p.expertId));
  const excluded = new Map(exclusions.map((x) => [x.expertId, x]));

  const remove = (id: string) => onChange({ members: value.members.filter((p) => p.expertId !== id), backups: value.backups.filter((p) => p.expertId !== id) });
  const move = (id: string) => {
    const m = value.members.find((p) => p.expertId === id);
    if (m) onChange({ members: value.members.filter((p) => p.expertId !== id), backups: [...value.backups, m] });
    const b = value.backups.find((p) => p.expertId === id);
    if (b) onChange({ members: [...value.members, b], backups: value.backups.filter((p) => p.expertId !== id) });
  };
  const add = () => {
    const e = pool?.find((x) => x.id === adding);
    if (!e) return;
    const pick: ExpertPick = {
      expertId: e.id,
      name: e.name,
      organisation: e.organisation,
      title: e.title,
      fields: e.fields,
      cost: null,
      reasons: [{ zh: '由规划司人工添加', en: 'Added by hand by the planning department' }],
    };
    onChange(addAs === 'member' ? { ...value, members: [...value.members, pick] } : { ...value, backups: [...value.backups, pick] });
    setAdding(undefined);
  };

  const columns = (kind: 'member' | 'backup'): TableColumnsType<ExpertPick> => [
    {
      title: t('review.expert'),
      dataIndex: 'name',
      width: 190,
      render: (v: string, p) => (
        <div>
          <strong>{v}</strong>
          <div className="muted small">
            {p.organisation}
            {p.title ? ` · ${p.title}` : ''}
          </div>
        </div>
      ),
    },
    { title: t('review.fields'), dataIndex: 'fields', width: 170, render: (v: string[]) => v.map((f) => <Tag key={f}>{f}</Tag>) },
    {
      title: (
        <Tooltip title={t('review.costHint')}>
          <span>{t('review.cost')}</span>
        </Tooltip>
      ),
      dataIndex: 'cost',
      width: 80,
      align: 'right',
      render: (v: number | null) => (v === null ? <Tag>{t('review.manual')}</Tag> : v),
    },
    {
      title: t('review.reasons'),
      dataIndex: 'reasons',
      render: (v: Bilingual[]) => (
        <ul className="review-reasons">
          {v.map((r, i) => (
            <li key={i}>{l(r)}</li>
          ))}
        </ul>
      ),
    },
    {
      title: '',
      key: 'actions',
      width: 150,
      render: (_, p) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<SwapOutlined />} onClick={() => move(p.expertId)} data-testid={`move-${p.name}`}>
            {kind === 'member' ? t('review.toBackup') : t('review.toMember')}
          </Button>
          <Tooltip title={t('review.remove')}>
            <Button type="text" danger size="small" icon={<DeleteOutlined />} onClick={() => remove(p.expertId)} aria-label={t('review.remove')} data-testid={`remove-${p.name}`} />
          </Tooltip>
        </Space>
      ),
    },
  ];

  const options = (pool ?? [])
    .filter((e) => !chosen.has(e.id))
    .map((e) => {
      const x = excluded.get(e.id);
      return {
        value: e.id,
        disabled: x !== undefined,
        label: `${e.name}（${e.organisation}${e.fields.length ? `；${e.fields.join('、')}` : ''}）${x ? ` — ${t('review.excludedBy', { rules: x.rules.map((r) => l(CONFLICT_RULES[r])).join('、') })}` : ''}`,
      };
    });

  return (
    <div className="panel-editor">
      <h4 className="review-heading">{t('review.proposedMembers', { n: value.members.length })}</h4>
      <Table<ExpertPick>
        rowKey="expertId"
        size="small"
        columns={columns('member')}
        dataSource={value.members}
        pagination={false}
        locale={{ emptyText: t('review.noMembers') }}
        data-testid={testIds ? 'proposal-members' : undefined}
        onRow={(p) => (testIds ? ({ 'data-testid': `proposal-member-${p.name}` } as HTMLAttributes<HTMLElement>) : {})}
      />
      <h4 className="review-heading review-subheading">{t('review.proposedBackups', { n: value.backups.length })}</h4>
      <Table<ExpertPick>
        rowKey="expertId"
        size="small"
        columns={columns('backup')}
        dataSource={value.backups}
        pagination={false}
        locale={{ emptyText: t('review.noBackups') }}
        data-testid={testIds ? 'proposal-backups' : undefined}
        onRow={(p) => (testIds ? ({ 'data-testid': `proposal-backup-${p.name}` } as HTMLAttributes<HTMLElement>) : {})}
      />
      {pool && (
        <Space className="panel-editor-add" wrap>
          <span>{t('review.addByHand')}</span>
          <Select<string>
            showSearch={{ optionFilterProp: 'label' }}
            value={adding}
            onChange={setAdding}
            options={options}
            placeholder={t('review.addPlaceholder')}
            style={{ width: 420 }}
            data-testid={testIds ? 'proposal-add' : undefined}
          />
          <Select<'member' | 'backup'>
            value={addAs}
            onChange={setAddAs}
            style={{ width: 150 }}
            options={[
              { value: 'member', label: t('review.asMember') },
              { value: 'backup', label: t('review.asBackup') },
            ]}
          />
          <Button icon={<PlusOutlined />} disabled={!adding} onClick={add} data-testid={testIds ? 'btn-add-expert' : undefined}>
            {t('review.add')}
          </Button>
        </Space>
      )}
      <h4 className="review-heading review-subheading">{t('review.exclusions', { n: exclusions.length })}</h4>
      <ExclusionsTable exclusions={exclusions} testIds={testIds} />
    </div>
  );
}
