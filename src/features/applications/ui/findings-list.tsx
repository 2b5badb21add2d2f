/**
 * The plan checker's findings, blocking first, each in the current language and, where a handler
 * is given, clickable to jump to the place it points to.
 */
import { CloseCircleFilled, WarningFilled } from '@ant-design/icons';
import { Empty, Typography } from 'antd';
import type { Finding } from '../../../shared/plan/checker';
import { useI18n } from './i18n';

interface Props {
  findings: readonly Finding[];
  onSelect?: (finding: Finding) => void;
  /** A short description of where each finding points (e.g. the section title). */
  locate?: (finding: Finding) => string | undefined;
  emptyText?: string;
  testId?: string;
}

export function FindingItem({ finding, onSelect, where }: { finding: Finding; onSelect?: (f: Finding) => void; where?: string }) {
  const { msg } = useI18n();
  const blocking = finding.severity === 'blocking';
  const body = (
    <>
      {blocking ? <CloseCircleFilled className="finding-icon blocking" /> : <WarningFilled className="finding-icon warning" />}
      <span className="finding-text">
        {msg(finding.message)}
        {where && <span className="finding-where">{where}</span>}
      </span>
    </>
  );
  const className = `finding finding-${finding.severity}`;
  return onSelect ? (
    <button
      type="button"
      className={`${className} finding-clickable`}
      onClick={() => onSelect(finding)}
      data-testid={`finding-${finding.code}`}
      data-path={finding.path}
      data-severity={finding.severity}
    >
      {body}
    </button>
  ) : (
    <div className={className} data-testid={`finding-${finding.code}`} data-path={finding.path} data-severity={finding.severity}>
      {body}
    </div>
  );
}

export function FindingsList({ findings, onSelect, locate, emptyText, testId = 'findings-list' }: Props) {
  const { t } = useI18n();
  const blocking = findings.filter((f) => f.severity === 'blocking');
  const warnings = findings.filter((f) => f.severity !== 'blocking');
  if (findings.length === 0) {
    return (
      <div data-testid={testId}>
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText ?? t('findings.none')} />
      </div>
    );
  }
  return (
    <div className="findings-list" data-testid={testId}>
      {blocking.length > 0 && (
        <section>
          <Typography.Title level={5} className="findings-heading blocking">
            {t('findings.blocking', { n: blocking.length })}
          </Typography.Title>
          {blocking.map((f, i) => (
            <FindingItem key={`${f.code}-${f.path}-${i}`} finding={f} onSelect={onSelect} where={locate?.(f)} />
          ))}
        </section>
      )}
      {warnings.length > 0 && (
        <section>
          <Typography.Title level={5} className="findings-heading warning">
            {t('findings.warning', { n: warnings.length })}
          </Typography.Title>
          {warnings.map((f, i) => (
            <FindingItem key={`${f.code}-${f.path}-${i}`} finding={f} onSelect={onSelect} where={locate?.(f)} />
          ))}
        </section>
      )}
    </div>
  );
}
