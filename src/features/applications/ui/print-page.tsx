/**
 * The plan as a printable document (A4): the application form's cover page, then every chapter in
 * outline order with its tables. The toolbar is hidden on paper.
 */
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button } from 'antd';
import { useEffect } from 'react';
import { PageLoading } from '../../../web-kit/page-loading';
import { QueryError } from '../../../web-kit/query';
import { applicationsQueries } from './applications-queries';
import { useI18n } from './i18n';
import { PlanDocument } from './plan-document';

export default function PrintPage({ id }: { id: string }) {
  const { t } = useI18n();
  const query = useQuery(applicationsQueries.detail(id));
  const detail = query.data;

  // The tab's title names the document (it becomes the PDF's file name when printed to PDF).
  useEffect(() => {
    if (!detail) return;
    const previous = document.title;
    document.title = `${detail.application.refNo} ${detail.plan.cover.title || detail.application.title}`;
    return () => {
      document.title = previous;
    };
  }, [detail]);

  if (query.isError) {
    return (
      <div className="page">
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
        <Link to="/">{t('app.backHome')}</Link>
      </div>
    );
  }
  if (!detail) return <PageLoading />;

  return (
    <div className="print-page" data-testid="print-page">
      <div className="print-toolbar no-print">
        <Link to="/applications/$id" params={{ id }}>
          <ArrowLeftOutlined /> {t('print.back')}
        </Link>
        <span className="muted">{t('print.hint')}</span>
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()} data-testid="btn-do-print">
          {t('print.print')}
        </Button>
      </div>
      <div className="print-sheet">
        <PlanDocument plan={detail.plan} printLayout />
      </div>
    </div>
  );
}
