/** An attainment status as a tag: colour and text (never colour alone). */
import { Tag } from 'antd';
import type { AttainmentStatus } from '../../../shared/monitoring/attainment';
import { useI18n } from './i18n';

const COLOR: Record<AttainmentStatus, string> = { on_track: 'success', at_risk: 'warning', off_track: 'error', no_data: 'default' };

export function AttainmentStatusTag({ status, testId = 'att-status' }: { status: AttainmentStatus; testId?: string }) {
  const { t } = useI18n();
  return (
    <Tag color={COLOR[status]} data-testid={testId} data-status={status}>
      {t(`att.s.${status}`)}
    </Tag>
  );
}

/** The four counts as tags, zeros left out (all zero: the no-data tag with 0). */
export function StatusCounts({ counts }: { counts: Record<AttainmentStatus, number> }) {
  const { t } = useI18n();
  const shown = (['on_track', 'at_risk', 'off_track', 'no_data'] as const).filter((s) => counts[s] > 0);
  return (
    <span className="att-counts" data-testid="att-counts">
      {(shown.length ? shown : (['no_data'] as const)).map((s) => (
        <Tag key={s} color={COLOR[s]} data-status={s}>
          {t(`att.s.${s}`)} {counts[s]}
        </Tag>
      ))}
    </span>
  );
}
