/** The pilot's lifecycle state as a tag with its text (colour is never the only sign). */
import { Tag } from 'antd';
import { PILOT_STATE_LABELS, type PilotState } from '../../../shared/monitoring/pilot-lifecycle';
import { useI18n } from './i18n';

export function PilotStateTag({ state }: { state: PilotState }) {
  const { l } = useI18n();
  const label = PILOT_STATE_LABELS[state];
  return (
    <Tag color={label.color} data-testid="pilot-state">
      {l(label)}
    </Tag>
  );
}
