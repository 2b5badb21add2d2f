/**
 * 组建评审组 for one received application: the panel size and number of backups, the optimal
 * proposal (智能推荐: conflict-free, expertise-matched, within load caps), changes by hand, the
 * deadline, and confirmation, which opens the review and invites the experts.
 */
import { ThunderboltOutlined } from '@ant-design/icons';
import { Alert, Button, DatePicker, Divider, InputNumber, Modal, Space, type ButtonProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useShowError } from '../../../web-kit/errors';
import type { TransitionResult } from '../../applications/applications.contract';
import type { Exclusion, ProposedPanel } from '../review.contract';
import { ConflictDetails } from './conflict-details';
import { useI18n } from './i18n';
import { PanelEditor, pickOf, reasonsOf, useExpertPool, type PanelChoice } from './panel-editor';
import { useConfirmPanel, usePropose } from './review-queries';

export const DEFAULT_PANEL_SIZE = 5;
export const DEFAULT_BACKUPS = 2;
export const DEFAULT_DEADLINE_DAYS = 14;

/** The deadline sent for a chosen day: the end of that day, local time. */
export const deadlineOf = (d: Dayjs) => d.endOf('day').toISOString();

interface Props {
  open: boolean;
  applicationId: string;
  version: number;
  onClose: () => void;
  onDone: (r: TransitionResult) => void;
}

export function PanelBuilderModal(props: Props) {
  // A fresh builder per opening.
  return props.open ? <Builder {...props} /> : null;
}

function Builder({ open, applicationId, version, onClose, onDone }: Props) {
  const { t } = useI18n();
  const showError = useShowError();
  const pool = useExpertPool();
  const proposal = usePropose();
  const confirmation = useConfirmPanel();
  const [panelSize, setPanelSize] = useState(DEFAULT_PANEL_SIZE);
  const [backups, setBackups] = useState(DEFAULT_BACKUPS);
  const [proposed, setProposed] = useState<ProposedPanel | null>(null);
  const [feasible, setFeasible] = useState(true);
  const [exclusions, setExclusions] = useState<Exclusion[]>([]);
  const [choice, setChoice] = useState<PanelChoice>({ members: [], backups: [] });
  const [deadline, setDeadline] = useState<Dayjs>(() => dayjs().add(DEFAULT_DEADLINE_DAYS, 'day'));
  const [refusal, setRefusal] = useState<unknown>(null);

  const propose = async () => {
    setRefusal(null);
    try {
      const r = await proposal.mutateAsync({ applicationIds: [applicationId], panelSize, backups });
      const p = r.panels.find((x) => x.applicationId === applicationId) ?? null;
      setProposed(p);
      setFeasible(r.feasible);
      setExclusions(r.exclusions.filter((x) => x.applicationId === applicationId));
      setChoice({ members: (p?.members ?? []).map(pickOf), backups: (p?.backups ?? []).map(pickOf) });
    } catch (err) {
      showError(err);
    }
  };

  const confirm = async () => {
    setRefusal(null);
    try {
      const r = await confirmation.mutateAsync({
        applicationId,
        body: {
          version,
          deadline: deadlineOf(deadline),
          members: choice.members.map((m) => m.expertId),
          backups: choice.backups.map((m) => m.expertId),
          reasons: reasonsOf(choice),
        },
      });
      onDone({ version: r.version, status: r.status });
    } catch (err) {
      setRefusal(err);
      showError(err);
    }
  };

  const proposedCost = proposed ? proposed.members.reduce((s, m) => s + m.cost, 0) : 0;

  return (
    <Modal
      open={open}
      title={t('review.builder.title')}
      onCancel={onClose}
      width={1080}
      destroyOnHidden
      okText={t('review.builder.confirm')}
      onOk={() => void confirm()}
      confirmLoading={confirmation.isPending}
      okButtonProps={{ disabled: choice.members.length === 0, 'data-testid': 'btn-confirm-panel' } as ButtonProps}
    >
      <p className="muted">{t('review.builder.intro')}</p>
      <Space wrap size="large" className="block-gap">
        <Space>
          <span>{t('review.panelSize')}</span>
          <InputNumber min={3} max={15} precision={0} value={panelSize} onChange={(v) => setPanelSize(typeof v === 'number' ? v : DEFAULT_PANEL_SIZE)} data-testid="panel-size" />
        </Space>
        <Space>
          <span>{t('review.backupCount')}</span>
          <InputNumber min={0} max={5} precision={0} value={backups} onChange={(v) => setBackups(typeof v === 'number' ? v : 0)} data-testid="panel-backups" />
        </Space>
        <Button type="primary" ghost icon={<ThunderboltOutlined />} loading={proposal.isPending} onClick={() => void propose()} data-testid="btn-propose">
          {t('review.propose')}
        </Button>
      </Space>

      {proposed && (
        <Alert
          className="block-gap"
          type={feasible && proposed.shortfall === 0 ? 'success' : 'warning'}
          showIcon
          data-testid="proposal-summary"
          title={
            feasible && proposed.shortfall === 0
              ? t('review.builder.proposed', { n: proposed.members.length, b: proposed.backups.length, cost: proposedCost, x: exclusions.length })
              : t('review.builder.shortfall', { n: proposed.shortfall })
          }
          description={proposed.uncoveredIndustries.length > 0 ? t('review.uncovered', { list: proposed.uncoveredIndustries.join('、') }) : undefined}
        />
      )}
      {!proposed && pool === null && <Alert className="block-gap" type="info" showIcon title={t('review.builder.proposeFirst')} />}

      {(proposed || pool) && <PanelEditor value={choice} onChange={setChoice} exclusions={exclusions} pool={pool} />}

      <Divider />
      <Space wrap>
        <span>{t('review.deadline')}</span>
        <DatePicker
          allowClear={false}
          value={deadline}
          onChange={(d) => d && setDeadline(d)}
          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          data-testid="panel-deadline"
        />
        <span className="muted small">{t('review.builder.deadlineHint')}</span>
      </Space>
      {choice.members.length > 0 && choice.members.length < panelSize && (
        <Alert className="block-gap-top" type="warning" showIcon title={t('review.builder.fewer', { n: choice.members.length, size: panelSize })} />
      )}
      {refusal !== null && <ConflictDetails error={refusal} />}
    </Modal>
  );
}
