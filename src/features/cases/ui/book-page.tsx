/** /cases/book — the case book 案例汇编: tick published cases (found with the library's search), export Word or PDF. */
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { QueryState } from '../../../web-kit/query';
import { CaseResults } from './case-parts';
import { caseBookLinks } from './cases-api';
import { casesQueries } from './cases-queries';
import './cases.css';
import { CaseFilters } from './filters';
import { useI18n } from './i18n';
import { resultLine } from './library-page';
import type { LibrarySearch } from './library-search';

const MAX = 50;

export default function CaseBookPage({ search, onSearch }: { search: LibrarySearch; onSearch: (patch: Partial<LibrarySearch>) => void }) {
  const { t } = useI18n();
  const [selected, setSelected] = useState<string[]>([]);
  const query = useQuery(casesQueries.search('library', { ...search, page: undefined }, 100));
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length < MAX ? [...s, id] : s));
  return (
    <div className="page" data-testid="cases-book">
      <div className="page-head">
        <h1 className="page-title">{t('cases.book')}</h1>
        <Link to="/cases">
          <Button>{t('cases.library')}</Button>
        </Link>
      </div>
      <p className="muted">{t('cases.bookIntro')}</p>
      <div className="panel">
        <Space wrap>
          <span role="status" data-testid="book-selected">
            {t('cases.bookSelected', { n: selected.length })}
          </span>
          <Button icon={<FileWordOutlined />} href={selected.length > 0 ? caseBookLinks.docx(selected) : undefined} disabled={selected.length === 0} download data-testid="book-docx">
            {t('cases.bookWord')}
          </Button>
          <Button icon={<FilePdfOutlined />} href={selected.length > 0 ? caseBookLinks.pdf(selected) : undefined} disabled={selected.length === 0} download data-testid="book-pdf">
            {t('cases.bookPdf')}
          </Button>
        </Space>
        {selected.length >= MAX && <Alert type="info" showIcon title={t('cases.bookMax')} style={{ marginTop: 8 }} />}
      </div>
      <CaseFilters search={search} onSearch={onSearch} idPrefix="book" />
      <div className="panel">
        <QueryState query={query}>
          {(data) => (
            <>
              <p data-testid="case-count">{resultLine(t, data, search.q)}</p>
              <CaseResults items={data.items} selected={selected} onToggle={toggle} />
            </>
          )}
        </QueryState>
      </div>
    </div>
  );
}
