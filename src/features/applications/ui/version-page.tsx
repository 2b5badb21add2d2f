/** One saved version of the plan, read-only. */
import { ArrowLeftOutlined, HistoryOutlined } from '@ant-design/icons';
import { Alert, Result, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api, type PlanVersionDetail } from '../../../web/api';
import { useI18n } from '../../../web/i18n';
import { errorText } from '../../../web/lib/errors';
import { formatDateTime } from '../../../web/lib/format';
import { Link } from '../../../web/router';
import { PlanDocument } from './plan-document';
import { VERSION_KIND_KEYS } from './versions-table';

export default function VersionPage({ id, versionId }: { id: string; versionId: string }) {
  const { t, locale } = useI18n();
  const [data, setData] = useState<PlanVersionDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let alive = true;
    api.version(id, versionId).then(
      (v) => alive && setData(v),
      (err: unknown) => alive && setError(err),
    );
    return () => {
      alive = false;
    };
  }, [id, versionId]);

  const back = (
    <Link to={`/applications/${id}?tab=versions`} data-testid="link-back">
      <ArrowLeftOutlined /> {t('version.back')}
    </Link>
  );

  if (error) return <Result status="warning" title={t('detail.loadFailed')} subTitle={errorText(error, locale)} extra={back} />;
  if (!data) return <Spin className="page-loading" size="large" />;

  const kind = VERSION_KIND_KEYS[data.kind] ? t(VERSION_KIND_KEYS[data.kind]!) : data.kind;
  return (
    <div className="page" data-testid="version-page">
      <div className="page-head">
        <h1 className="page-title">
          <HistoryOutlined /> {t('version.title', { n: data.version })}
        </h1>
        {back}
      </div>
      <Alert
        type="info"
        showIcon
        className="block-gap"
        title={t('version.readOnly', { kind, time: formatDateTime(data.createdAt) })}
        data-testid="version-readonly"
      />
      <div className="panel">
        <PlanDocument plan={data.plan} />
      </div>
    </div>
  );
}
