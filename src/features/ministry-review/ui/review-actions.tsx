/**
 * The planning department's review actions in the detail page's action bar: 组建评审组 (panel
 * builder), 批复同意 (after every member has scored), 退回修改 and 不予批复, each with its dialog.
 * Shows exactly what the server allows: the application's allowedActions, and the review's
 * abilities for whether the approval still waits for scores.
 */
import { CheckOutlined, CloseCircleOutlined, RollbackOutlined, TeamOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Space, Tooltip } from 'antd';
import { useState } from 'react';
import { STATE_LABELS, type ApplicationAction, type ApplicationState } from '../../../shared/lifecycle/application-lifecycle';
import { useI18n } from './i18n';
import { PanelBuilderModal } from './panel-builder-modal';
import { ApproveModal, ReasonsDecisionModal } from './review-modals';
import { reviewQueries, useReviewRefresh } from './review-queries';

interface Props {
  applicationId: string;
  version: number;
  allowedActions: readonly ApplicationAction[];
  /** Bumped by the page whenever the application changed: the review's overview is read again. */
  refreshKey?: number;
  /** The application changed: the page reloads. */
  onChanged: () => void;
}

type ModalName = 'panel' | 'approve' | 'send_back' | 'reject' | null;

export function ReviewActions({ applicationId, version, allowedActions, refreshKey, onChanged }: Props) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const [modal, setModal] = useState<ModalName>(null);
  const allowed = new Set(allowedActions);
  const canApprove = allowed.has('approve');
  // The review says whether the approval still waits for scores, and whose.
  const overview = useQuery({ ...reviewQueries.overview(applicationId), enabled: canApprove });
  useReviewRefresh(applicationId, refreshKey);

  const done = (s: ApplicationState) => {
    setModal(null);
    void message.success(t('detail.done', { status: l(STATE_LABELS[s]) }));
    onChanged();
  };

  const waiting = overview.data !== undefined && !overview.data.abilities.includes('approve');
  const outstanding = overview.data?.outstanding ?? [];

  return (
    <>
      <Space wrap>
        {allowed.has('open_review') && (
          <Button type="primary" icon={<TeamOutlined />} onClick={() => setModal('panel')} data-testid="btn-open-review">
            {t('review.openReview')}
          </Button>
        )}
        {canApprove && (
          <Tooltip title={waiting ? t('review.approveWaiting', { names: outstanding.join('、') }) : undefined}>
            <Button type="primary" icon={<CheckOutlined />} disabled={waiting} onClick={() => setModal('approve')} data-testid="btn-approve">
              {t('review.approve.button')}
            </Button>
          </Tooltip>
        )}
        {allowed.has('send_back') && (
          <Button icon={<RollbackOutlined />} onClick={() => setModal('send_back')} data-testid="btn-send-back">
            {t('review.sendBack')}
          </Button>
        )}
        {allowed.has('reject') && (
          <Button danger icon={<CloseCircleOutlined />} onClick={() => setModal('reject')} data-testid="btn-reject">
            {t('review.reject')}
          </Button>
        )}
      </Space>
      <PanelBuilderModal open={modal === 'panel'} applicationId={applicationId} version={version} onClose={() => setModal(null)} onDone={(r) => done(r.status)} />
      <ApproveModal
        open={modal === 'approve'}
        applicationId={applicationId}
        version={version}
        onClose={() => setModal(null)}
        onApproved={(r) => done(r.status)}
      />
      <ReasonsDecisionModal
        open={modal === 'send_back' || modal === 'reject'}
        decision={modal === 'reject' ? 'reject' : 'send_back'}
        applicationId={applicationId}
        version={version}
        onClose={() => setModal(null)}
        onDone={(r) => done(r.status)}
      />
    </>
  );
}
