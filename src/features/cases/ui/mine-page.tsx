/** /cases/mine — the author's cases in every state, and (for a city) its nominated experience to turn into drafts. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { Button, List, Space } from 'antd';
import { useShowError } from '../../../web-kit/errors';
import { formatDate } from '../../../web-kit/format';
import { QueryState } from '../../../web-kit/query';
import { useMe } from '../../auth/ui/public';
import { CaseResults } from './case-parts';
import { casesApi } from './cases-api';
import { caseKeys, casesQueries } from './cases-queries';
import './cases.css';
import { useI18n } from './i18n';

function Nominations() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const showError = useShowError();
  const query = useQuery(casesQueries.nominations());
  const make = useMutation({
    mutationFn: (id: string) => casesApi.fromNomination(id),
    onSuccess: async (c) => {
      await queryClient.invalidateQueries({ queryKey: caseKeys.all });
      void navigate({ to: '/cases/$id', params: { id: c.id } });
    },
    onError: showError,
  });
  return (
    <section className="panel" aria-labelledby="nominations-title">
      <h2 id="nominations-title">{t('cases.nominations')}</h2>
      <p className="muted">{t('cases.nominationsIntro')}</p>
      <QueryState query={query}>
        {(data) => (
          <List
            dataSource={data.items}
            locale={{ emptyText: t('cases.nominationsNone') }}
            data-testid="case-nominations"
            renderItem={(n) => (
              <List.Item
                key={n.id}
                actions={[
                  n.caseId ? (
                    <Link key="open" to="/cases/$id" params={{ id: n.caseId }}>
                      {t('cases.openDraft')}
                    </Link>
                  ) : n.canCreateCase ? (
                    <Button key="make" size="small" loading={make.isPending && make.variables === n.id} onClick={() => make.mutate(n.id)} data-testid={`make-draft-${n.id}`}>
                      {t('cases.makeDraft')}
                    </Button>
                  ) : null,
                ]}
              >
                <List.Item.Meta title={n.title} description={`${n.pilotName} · ${formatDate(n.createdAt)} · ${n.summary}`} />
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </section>
  );
}

export default function MineCasesPage() {
  const { t } = useI18n();
  const me = useMe();
  const query = useQuery(casesQueries.search('mine', {}, 100));
  return (
    <div className="page" data-testid="cases-mine">
      <div className="page-head">
        <h1 className="page-title">{t('cases.mine')}</h1>
        <Space>
          <Link to="/cases">
            <Button>{t('cases.library')}</Button>
          </Link>
          <Link to="/cases/new">
            <Button type="primary" data-testid="case-new">
              {t('cases.new')}
            </Button>
          </Link>
        </Space>
      </div>
      <p className="muted">{t('cases.mineIntro')}</p>
      <div className="panel">
        <QueryState query={query}>{(data) => <CaseResults items={data.items} showStatus />}</QueryState>
      </div>
      {me.user.role === 'city_applicant' && <Nominations />}
    </div>
  );
}
