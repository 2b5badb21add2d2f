/** The ministry's receipt record: paper copies, discs, formal check. */
import { Descriptions, Tag } from 'antd';
import type { Intake } from '../../applications/applications.contract';
import { useI18n } from './i18n';
import { formatDateTime } from '../../../web-kit/format';

export function IntakePanel({ intake }: { intake: Intake }) {
  const { t } = useI18n();
  const paper = (v: string) => (v === 'received' ? t('intake.received') : t('intake.waived'));
  return (
    <Descriptions
      size="small"
      bordered
      column={3}
      title={t('intake.heading')}
      data-testid="intake-panel"
      items={[
        { key: 'printed', label: t('intake.printedCopies'), children: paper(intake.printedCopies) },
        { key: 'discs', label: t('intake.discs'), children: paper(intake.discs) },
        {
          key: 'formal',
          label: t('intake.formalCheck'),
          children: intake.formalCheckPassed ? <Tag color="success">{t('intake.passed')}</Tag> : <Tag color="error">{t('intake.notPassed')}</Tag>,
        },
        { key: 'by', label: t('intake.recordedBy'), children: intake.recordedByName ?? '—' },
        { key: 'at', label: t('intake.recordedAt'), children: formatDateTime(intake.recordedAt), span: 2 },
        ...(intake.note ? [{ key: 'note', label: t('intake.note'), children: intake.note, span: 3 }] : []),
      ]}
    />
  );
}
