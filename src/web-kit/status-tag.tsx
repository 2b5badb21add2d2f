import { Tag } from 'antd';
import { STATE_LABELS, type ApplicationState } from '../shared/lifecycle/application-lifecycle';
import { useI18n } from './i18n';

export function StatusTag({ status }: { status: ApplicationState }) {
  const { l } = useI18n();
  const label = STATE_LABELS[status];
  return (
    <Tag color={label?.color} data-testid="status-tag" data-status={status}>
      {label ? l(label) : status}
    </Tag>
  );
}

/** Marks applications that belong to the demonstration data set. */
export function DemoTag() {
  const { t } = useI18n();
  return (
    <Tag color="orange" variant="outlined" className="demo-tag" data-testid="demo-tag">
      {t('common.demoData')}
    </Tag>
  );
}
