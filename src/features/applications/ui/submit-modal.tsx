/**
 * The city submits its plan to the provincial authority: a confirmation with an optional note.
 * When the server refuses because blocking findings remain, they are listed here.
 */
import { Alert, Input, Modal, type ButtonProps } from 'antd';
import { useState } from 'react';
import type { Finding } from '../../../shared/plan/checker';
import type { TransitionResult } from '../applications.contract';
import { useSubmitApplication } from './applications-queries';
import { ApiError } from '../../../web-kit/api-client';
import { FindingsList } from './findings-list';
import { useI18n } from './i18n';
import { useShowError } from '../../../web-kit/errors';

interface Props {
  open: boolean;
  applicationId: string;
  /** Makes sure what the user sees is saved; returns the version to submit, or null to stop. */
  prepare: () => Promise<number | null>;
  /** Blocking findings the client already knows of (the server decides). */
  blockingCount?: number;
  onClose: () => void;
  onSubmitted: (r: TransitionResult) => void;
}

export function SubmitModal({ open, applicationId, prepare, blockingCount = 0, onClose, onSubmitted }: Props) {
  const { t } = useI18n();
  const showError = useShowError();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [blocking, setBlocking] = useState<Finding[] | null>(null);
  const submitApplication = useSubmitApplication(applicationId);

  const submit = async () => {
    setBusy(true);
    setBlocking(null);
    try {
      const version = await prepare();
      if (version === null) return;
      const r = await submitApplication.mutateAsync({ version, comment: comment.trim() || undefined });
      setComment('');
      onSubmitted(r);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'PLAN_HAS_BLOCKING_FINDINGS') {
        const findings = (err.details as { findings?: Finding[] } | undefined)?.findings ?? [];
        setBlocking(findings);
      } else showError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('submit.title')}
      okText={t('submit.confirm')}
      onOk={() => void submit()}
      onCancel={() => {
        setBlocking(null);
        onClose();
      }}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'btn-submit-confirm' } as ButtonProps}
      width={600}
    >
      <p>{t('submit.text')}</p>
      {blockingCount > 0 && !blocking && (
        <Alert type="warning" showIcon title={t('submit.blockingKnown', { n: blockingCount })} style={{ marginBottom: 8 }} />
      )}
      <Input.TextArea
        rows={3}
        maxLength={2000}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        placeholder={t('submit.commentPlaceholder')}
        data-testid="submit-comment"
      />
      {blocking && (
        <div className="modal-scroll" data-testid="submit-blocked">
          <Alert type="error" showIcon title={t('submit.blocked')} style={{ marginBottom: 8 }} />
          <FindingsList findings={blocking} testId="submit-findings" />
        </div>
      )}
    </Modal>
  );
}
