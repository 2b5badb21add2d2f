/**
 * 试点城市 (/pilots): the approved pilots in the user's scope — name, cities, approval document
 * number and date, the three-year pilot period — with the approval reply as Word and PDF.
 * Also the home of the national leading group's observer.
 */
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Result, Space, Table, Tag, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { formatDate } from '../../../web-kit/format';
import { QueryError } from '../../../web-kit/query';
import { DemoTag } from '../../../web-kit/status-tag';
import { useMe } from '../../auth/ui/public';
import type { Pilot } from '../pilots.contract';
import { useI18n } from './i18n';
import { PilotStateTag } from './pilot-state-tag';
import { pilotLinks } from './pilots-api';
import { pilotsQueries } from './pilots-queries';

export function periodText(p: Pick<Pilot, 'periodStartYear' | 'periodEndYear'>, locale: string): string {
  return locale === 'zh-CN' ? `${p.periodStartYear}—${p.periodEndYear}年` : `${p.periodStartYear}–${p.periodEndYear}`;
}

export default function PilotsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const allowed = me.permissions.includes('pilot.read');
  const pilots = useQuery({ ...pilotsQueries.list(), enabled: allowed });

  if (!allowed) return <Result status="403" title={t('pilots.noAccess')} />;

  const columns: TableColumnsType<Pilot> = [
    {
      title: t('pilots.name'),
      dataIndex: 'name',
      width: 200,
      render: (v: string, r) => (
        <span>
          <Link to="/pilots/$id" params={{ id: r.id }} data-testid={`pilot-link-${v}`}>
            {v}
          </Link>{' '}
          {r.isDemo && <DemoTag />}
        </span>
      ),
    },
    { title: t('pilots.cities'), dataIndex: 'cityNames', render: (v: string[]) => v.join('、') },
    { title: t('pilots.documentNo'), dataIndex: 'documentNo', width: 200, render: (v: string) => <span className="nowrap">{v}</span> },
    { title: t('pilots.approvalDate'), dataIndex: 'approvalDate', width: 110, render: (v: string) => formatDate(v) },
    { title: t('pilots.period'), key: 'period', width: 130, render: (_, r) => <Tag color="green">{periodText(r, locale)}</Tag> },
    { title: t('pilots.state'), dataIndex: 'state', width: 120, render: (v: Pilot['state']) => <PilotStateTag state={v} /> },
    { title: t('pilots.targets'), dataIndex: 'targetCount', width: 90, align: 'right' },
    {
      title: t('pilots.reply'),
      key: 'downloads',
      width: 210,
      render: (_, r) =>
        r.abilities.includes('downloadApproval') ? (
          <Space size="middle">
            <a href={pilotLinks.docx(r.id)} download data-testid="pilot-docx">
              <FileWordOutlined /> {t('pilots.replyDocx')}
            </a>
            <a href={pilotLinks.pdf(r.id)} download data-testid="pilot-pdf">
              <FilePdfOutlined /> {t('pilots.replyPdf')}
            </a>
          </Space>
        ) : (
          <span className="muted">—</span>
        ),
    },
  ];

  return (
    <div className="page" data-testid="pilots">
      <div className="page-head">
        <h1 className="page-title" data-testid="page-title">
          {t('menu.pilots')}
        </h1>
      </div>
      <div className="panel">
        <p className="muted">{t('pilots.intro')}</p>
        {pilots.isError && <QueryError error={pilots.error} onRetry={() => void pilots.refetch()} />}
        <Table<Pilot>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={pilots.data?.items ?? []}
          loading={pilots.isPending && !pilots.isError}
          pagination={false}
          locale={{ emptyText: t('pilots.none') }}
          data-testid="pilots-table"
          onRow={(r) => ({ 'data-testid': `pilot-row-${r.name}` }) as HTMLAttributes<HTMLElement>}
        />
      </div>
    </div>
  );
}
