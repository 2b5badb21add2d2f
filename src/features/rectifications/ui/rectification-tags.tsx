/** The case's step and the overdue flag, each with its words beside the colour (never colour alone). */
import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import type { RectificationCase } from '../rectifications.contract';
import { useI18n } from './i18n';

const STATUS_COLOR: Record<RectificationCase['status'], string> = {
  open: 'processing',
  answered: 'cyan',
  province_reviewed: 'purple',
  passed: 'success',
  failed: 'error',
};

export function CaseStatusTag({ status }: { status: RectificationCase['status'] }) {
  const { t } = useI18n();
  return (
    <Tag color={STATUS_COLOR[status]} data-testid="case-status">
      {t(`rect.status.${status}`)}
    </Tag>
  );
}

export function OverdueTag() {
  const { t } = useI18n();
  return (
    <Tag color="error" icon={<ClockCircleOutlined />} data-testid="case-overdue">
      {t('rect.overdue')}
    </Tag>
  );
}
