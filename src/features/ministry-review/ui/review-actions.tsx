/**
 * The planning department's review actions in the detail page's action bar: 组建评审组 (panel
 * builder), 批复同意 (after every member has scored), 退回修改 and 不予批复, each with its dialog.
 * Shows exactly what the server allows (allowedActions).
 */
import { CheckOutlined, CloseCircleOutlined, RollbackOutlined, TeamOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip } from 'antd';
import { useEffect, useState } from 'react';
import { STATE_LABELS, type ApplicationAction, type ApplicationState } from '../../../shared/lifecycle/application-lifecycle';
import { useI18n } from '../../../web/i18n';
import { PanelBuilderModal } from './panel-builder-modal';
import { useReviewApi } from './review-api';
import { ApproveModal, ReasonsDecisionModal } from './review-modals';

interface Props {
  applicationId: string;
  version: number;
  allowedActions: readonly ApplicationAction[];
  refreshKey: number;
  /** The application changed: the page reloads. */
  onChanged: () => void;
}

type ModalName = 'panel' | 'approve' | 'send_back' | 'reject' | null;

export function ReviewActions({ applicationId, version, allowedActions, refreshKey, onChanged }: Props) {
  const { t, l } = useI18n();
  const { message } = App.useApp();
  const api = useReviewApi();
  const [modal, setModal] = useState<ModalName>(null);
  const [outstanding, setOutstanding] = useState<string[] | null>(null);
  const allowed = new Set(allowedActions);
  const canApprove = allowed.has('approve');

  useEffect(() => {
    if (!canApprove) return;
    let alive = true;
    api.overview(applicationId).then(
      (o) => alive && setOutstanding(o.outstanding ?? []),
      () => alive && setOutstanding(null),
    );
    return () => {
      alive = false;
    };
  }, [api, applicationId, canApprove, refreshKey]);

  const done = (s: ApplicationState) => {
    setModal(null);
    void message.success(t('detail.done', { status: l(STATE_LABELS[s]) }));
    onChanged();
  };

  const waiting = outstanding !== null && outstanding.length > 0;

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
