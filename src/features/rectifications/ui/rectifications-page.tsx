/** /pilots/:id/rectifications — a pilot's rectification cases, and ordering one (限期整改). */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Tag } from 'antd';
import { PILOT_STATE_LABELS } from '../../../shared/monitoring/pilot-lifecycle';
import { QueryState } from '../../../web-kit/query';
import { pilotsQueries } from '../../pilots/ui/public';
import { useI18n } from './i18n';
import { PilotRectifications } from './pilot-rectifications';

export default function RectificationsPage({ id }: { id: string }) {
  const { t, l } = useI18n();
  const pilot = useQuery(pilotsQueries.detail(id));
  return (
    <QueryState query={pilot}>
      {(p) => (
        <div className="page" data-testid="rectifications-page">
          <div className="page-head">
            <div>
              <h1 className="page-title">
                {t('rect.casesOf', { name: p.name })} <Tag data-testid="pilot-state">{l(PILOT_STATE_LABELS[p.state])}</Tag>
              </h1>
              <Link to="/pilots/$id" params={{ id }} data-testid="link-back-pilot">
                {t('rect.backToPilot')}
              </Link>
            </div>
          </div>
          <div className="panel">
            <PilotRectifications pilotId={id} pilotVersion={p.version} />
          </div>
        </div>
      )}
    </QueryState>
  );
}
