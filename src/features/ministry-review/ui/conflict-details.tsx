/** Why the server refused a panel: the conflicts of interest, or the experts unavailable or over their load cap. */
import { Alert } from 'antd';
import type { Conflict } from '../../../shared/review/conflicts';
import { ApiError } from '../../../web-kit/api-client';
import { useI18n } from './i18n';
import { RuleTag } from './panel-editor';

export function ConflictDetails({ error }: { error: unknown }) {
  const { t, l } = useI18n();
  if (!(error instanceof ApiError)) return null;
  const details = (error.details ?? {}) as { conflicts?: Conflict[]; experts?: string[] };
  if (error.code === 'CONFLICT_OF_INTEREST' && details.conflicts?.length) {
    return (
      <Alert
        className="block-gap-top"
        type="error"
        showIcon
        data-testid="panel-conflicts"
        title={t('review.builder.conflicts')}
        description={
          <ul className="review-reasons">
            {details.conflicts.map((c, i) => (
              <li key={i}>
                <RuleTag rule={c.rule} /> {l(c.explanation)}
              </li>
            ))}
          </ul>
        }
      />
    );
  }
  if ((error.code === 'EXPERT_UNAVAILABLE' || error.code === 'EXPERT_OVER_CAPACITY') && details.experts?.length) {
    return <Alert className="block-gap-top" type="error" showIcon title={`${l({ zh: error.localized['zh-CN'], en: error.localized['en-US'] })}${details.experts.join('、')}`} />;
  }
  return null;
}
