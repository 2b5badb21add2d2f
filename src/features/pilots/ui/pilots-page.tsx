/**
 * 试点城市 (/pilots): the approved pilots in the user's scope — name, cities, approval document
 * number and date, the three-year pilot period — with the approval reply as Word and PDF.
 * Also the home of the national leading group's observer.
 */
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { Result, Space, Table, Tag, type TableColumnsType } from 'antd';
import { useEffect, useState, type HTMLAttributes } from 'react';
import { DemoTag } from '../../../web/components/status-tag';
import { useI18n } from '../../../web/i18n';
import { useShowError } from '../../../web/lib/errors';
import { formatDate } from '../../../web/lib/format';
import { Link } from '../../../web/router';
import { useMe } from '../../../web/session';
import { pilotLinks, pilotsApi, type PilotItem } from './pilots-api';

export function periodText(p: Pick<PilotItem, 'periodStartYear' | 'periodEndYear'>, locale: string): string {
  return locale === 'zh-CN' ? `${p.periodStartYear}—${p.periodEndYear}年` : `${p.periodStartYear}–${p.periodEndYear}`;
}

export default function PilotsPage() {
  const { t, locale } = useI18n();
  const me = useMe();
  const showError = useShowError();
  const allowed = me.permissions.includes('pilot.read');
  const [items, setItems] = useState<PilotItem[] | null>(null);

  useEffect(() => {
    if (!allowed) return;
    let alive = true;
    pilotsApi.list().then(
      (r) => alive && setItems(r.items),
      (err: unknown) => {
        if (!alive) return;
        setItems([]);
        showError(err);
      },
    );
    return () => {
      alive = false;
    };
  }, [allowed, showError]);

  if (!allowed) return <Result status="403" title={t('pilots.noAccess')} />;

  const columns: TableColumnsType<PilotItem> = [
    {
      title: t('pilots.name'),
      dataIndex: 'name',
      width: 200,
      render: (v: string, r) => (
        <span>
          <Link to={`/pilots/${r.id}`} data-testid={`pilot-link-${v}`}>
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
    { title: t('pilots.targets'), dataIndex: 'targetCount', width: 90, align: 'right' },
    {
      title: t('pilots.reply'),
      key: 'downloads',
      width: 210,
      render: (_, r) => (
        <Space size="middle">
          <a href={pilotLinks.docx(r.id)} download data-testid="pilot-docx">
            <FileWordOutlined /> {t('pilots.replyDocx')}
          </a>
          <a href={pilotLinks.pdf(r.id)} download data-testid="pilot-pdf">
            <FilePdfOutlined /> {t('pilots.replyPdf')}
          </a>
        </Space>
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
        <Table<PilotItem>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items ?? []}
          loading={items === null}
          pagination={false}
          locale={{ emptyText: t('pilots.none') }}
          data-testid="pilots-table"
          onRow={(r) => ({ 'data-testid': `pilot-row-${r.name}` }) as HTMLAttributes<HTMLElement>}
        />
      </div>
    </div>
  );
}
