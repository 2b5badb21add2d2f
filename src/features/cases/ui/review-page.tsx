/** /cases/review — the planning department's editorial queue: submitted cases and those under review. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button } from 'antd';
import { QueryState } from '../../../web-kit/query';
import { CaseResults } from './case-parts';
import { casesQueries } from './cases-queries';
import './cases.css';
import { useI18n } from './i18n';

export default function ReviewQueuePage() {
  const { t } = useI18n();
  const query = useQuery(casesQueries.search('review', {}, 100));
  return (
    <div className="page" data-testid="cases-review">
      <div className="page-head">
        <h1 className="page-title">{t('cases.review')}</h1>
        <Link to="/cases">
          <Button>{t('cases.library')}</Button>
        </Link>
      </div>
      <p className="muted">{t('cases.reviewIntro')}</p>
      <div className="panel">
        <QueryState query={query}>{(data) => <CaseResults items={data.items} showStatus />}</QueryState>
      </div>
    </div>
  );
}
