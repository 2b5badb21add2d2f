import { Alert } from 'antd';
import { useI18n } from './i18n';
import type { PlanFileResult } from './plan-file';

/** Explains why a chosen file is not a plan the platform can read. */
export function ImportProblems({ result }: { result: Exclude<PlanFileResult, { ok: true }> }) {
  const { t } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      data-testid="import-problems"
      title={result.reason === 'not-json' ? t('import.notJson') : t('import.invalid')}
      description={
        result.reason === 'invalid' ? (
          <ul className="plain-list">
            {result.problems.map((p) => (
              <li key={p}>
                <code>{p}</code>
              </li>
            ))}
          </ul>
        ) : undefined
      }
    />
  );
}
