/** The search box and the tag filters of the library and the case book, each with its visible label. */
import { Button, Input, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { CASE_TAG_KINDS, CASE_TAG_VOCABULARY } from '../../../shared/cases/case-tags';
import { useI18n } from './i18n';
import type { LibrarySearch } from './library-search';

export function CaseFilters({ search, onSearch, idPrefix }: { search: LibrarySearch; onSearch: (patch: Partial<LibrarySearch>) => void; idPrefix: string }) {
  const { t, l } = useI18n();
  const [q, setQ] = useState(search.q ?? '');
  useEffect(() => setQ(search.q ?? ''), [search.q]);
  return (
    <div className="panel" role="search">
      <label htmlFor={`${idPrefix}-q`} className="case-search-label">
        {t('cases.searchLabel')}
      </label>
      <Space.Compact style={{ width: '100%', marginTop: 4 }}>
        <Input
          id={`${idPrefix}-q`}
          value={q}
          maxLength={100}
          allowClear
          placeholder={t('cases.searchPlaceholder')}
          onChange={(e) => setQ(e.target.value)}
          onPressEnter={() => onSearch({ q: q.trim() || undefined, page: undefined })}
          data-testid="case-search"
        />
        <Button type="primary" onClick={() => onSearch({ q: q.trim() || undefined, page: undefined })} data-testid="case-search-go">
          {t('cases.search')}
        </Button>
      </Space.Compact>
      <div className="case-filters">
        {CASE_TAG_KINDS.map((kind) => {
          const { codes, labels } = CASE_TAG_VOCABULARY[kind];
          const id = `${idPrefix}-${kind}`;
          return (
            <div key={kind} className="case-filter">
              <label htmlFor={id}>{t(`cases.filter.${kind}`)}</label>
              <Select<string[]>
                id={id}
                mode="multiple"
                optionFilterProp="label"
                allowClear
                style={{ width: '100%' }}
                placeholder={t('cases.filter.any')}
                value={search[kind] ? search[kind]!.split(',') : []}
                onChange={(v) => onSearch({ [kind]: v.length > 0 ? v.join(',') : undefined, page: undefined })}
                options={(codes as readonly string[]).map((code) => ({ value: code, label: l((labels as Record<string, { zh: string; en: string }>)[code]) }))}
                data-testid={`filter-${kind}`}
              />
            </div>
          );
        })}
      </div>
      {(search.q || CASE_TAG_KINDS.some((k) => search[k])) && (
        <Button type="link" style={{ paddingLeft: 0, marginTop: 8 }} onClick={() => onSearch({ q: undefined, page: undefined, cityTypes: undefined, regions: undefined, industries: undefined, themes: undefined })}>
          {t('cases.clear')}
        </Button>
      )}
    </div>
  );
}
