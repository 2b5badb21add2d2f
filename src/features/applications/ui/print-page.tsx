/**
 * The plan as a printable document (A4): the application form's cover page, then every chapter in
 * outline order with its tables. The toolbar is hidden on paper.
 */
import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api, type ApplicationDetail } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { errorText } from '../../../web/lib/errors';
import { Link } from '../../../web/router';
import { PlanDocument } from './plan-document';

export default function PrintPage({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    api.application(id).then(
      (d) => alive && setDetail(d),
      (err: unknown) => alive && setError(err),
    );
    return () => {
      alive = false;
    };
  }, [id]);

  useEffect(() => {
    if (!detail) return;
    const previous = document.title;
    document.title = `${detail.application.refNo} ${detail.plan.cover.title || detail.application.title}`;
    return () => {
      document.title = previous;
    };
  }, [detail]);

  if (error) return <Result status="warning" title={t('detail.loadFailed')} subTitle={errorText(error, locale)} extra={<Link to="/">{t('app.backHome')}</Link>} />;
  if (!detail) return <Spin className="page-loading" size="large" />;

  return (
    <div className="print-page" data-testid="print-page">
      <div className="print-toolbar no-print">
        <Link to={`/applications/${id}`}>
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
