/** /cases — the typical-case library 典型案例库: published cases, searched by Chinese words and filtered by tags. */
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Pagination, Space } from 'antd';
import { QueryState } from '../../../web-kit/query';
import { useMe } from '../../auth/ui/public';
import { CaseResults } from './case-parts';
import { casesQueries } from './cases-queries';
import './cases.css';
import { CaseFilters } from './filters';
import { useI18n } from './i18n';
import type { LibrarySearch } from './library-search';
import type { SearchResult } from '../cases.contract';
import type { Translate } from './i18n';

const PAGE_SIZE = 20;

export function resultLine(t: Translate, data: SearchResult, q: string | undefined): string {
  if (data.mode === 'fuzzy') return t('cases.resultsFuzzy', { n: data.total });
  if (data.mode === 'short') return t('cases.resultsShort', { c: (q ?? '').trim(), n: data.total });
  return t('cases.results', { n: data.total });
}

export default function LibraryPage({ search, onSearch }: { search: LibrarySearch; onSearch: (patch: Partial<LibrarySearch>) => void }) {
  const { t } = useI18n();
  const me = useMe();
  const query = useQuery(casesQueries.search('library', search, PAGE_SIZE));
  const writes = me.permissions.includes('case.write');
  const reviews = me.permissions.includes('case.review');
  return (
    <div className="page" data-testid="cases-library">
      <div className="page-head">
        <h1 className="page-title">{t('cases.library')}</h1>
        <Space>
          {reviews && (
            <Link to="/cases/review">
              <Button data-testid="cases-review-link">{t('cases.review')}</Button>
            </Link>
          )}
          {writes && (
            <Link to="/cases/mine">
              <Button>{t('cases.mine')}</Button>
            </Link>
          )}
          <Link to="/cases/book">
            <Button>{t('cases.book')}</Button>
          </Link>
        </Space>
      </div>
      <p className="muted">{t('cases.libraryIntro')}</p>
      <CaseFilters search={search} onSearch={onSearch} idPrefix="library" />
      <div className="panel">
        <QueryState query={query}>
          {(data) => (
            <>
              <p role="status" data-testid="case-count">
                {resultLine(t, data, search.q)}
              </p>
              <CaseResults items={data.items} showPhrase={data.terms.length > 1} />
              {data.total > PAGE_SIZE && (
                <nav aria-label={t('cases.page')}>
                  <Pagination current={data.page} pageSize={PAGE_SIZE} total={data.total} showSizeChanger={false} onChange={(page) => onSearch({ page: page > 1 ? page : undefined })} />
                </nav>
              )}
            </>
          )}
        </QueryState>
      </div>
    </div>
  );
}
