/** /notices — the public notices (通报): the ministry sees all, everyone else those published. */
import { FilePdfOutlined, FileWordOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table, Tag } from 'antd';
import { formatDate } from '../../../web-kit/format';
import { QueryState } from '../../../web-kit/query';
import { DemoTag } from '../../../web-kit/status-tag';
import type { PublicNotice } from '../rectifications.contract';
import { useI18n } from './i18n';
import { rectificationLinks } from './rectifications-api';
import { rectificationsQueries } from './rectifications-queries';

export default function NoticesPage() {
  const { t } = useI18n();
  const query = useQuery(rectificationsQueries.notices());
  return (
    <div className="page" data-testid="notices-page">
      <div className="page-head">
        <h1 className="page-title">{t('notice.title')}</h1>
      </div>
      <div className="panel">
        <QueryState query={query}>
          {(data) => (
            <Table<PublicNotice>
              size="small"
              rowKey="id"
              dataSource={data.items}
              pagination={false}
              locale={{ emptyText: t('notice.none') }}
              data-testid="notices"
              columns={[
                { key: 'documentNo', title: t('notice.documentNo'), render: (_, n) => n.documentNo },
                {
                  key: 'title',
                  title: t('notice.noticeTitle'),
                  render: (_, n) => (
                    <span data-testid={`notice-${n.id}`}>
                      {n.title} {n.isDemo && <DemoTag />}
                    </span>
                  ),
                },
                { key: 'issuedOn', title: t('notice.issuedOn'), render: (_, n) => formatDate(n.issuedOn) },
                {
                  key: 'published',
                  title: t('notice.published'),
                  render: (_, n) => <Tag color={n.published ? 'success' : 'default'}>{t(n.published ? 'notice.published' : 'notice.unpublished')}</Tag>,
                },
                {
                  key: 'downloads',
                  title: t('notice.downloads'),
                  render: (_, n) => (
                    <Space>
                      <Button size="small" icon={<FileWordOutlined />} href={rectificationLinks.noticeDocx(n.id)} download data-testid={`link-notice-docx-${n.id}`}>
                        Word
                      </Button>
                      <Button size="small" icon={<FilePdfOutlined />} href={rectificationLinks.noticePdf(n.id)} download data-testid={`link-notice-pdf-${n.id}`}>
                        PDF
                      </Button>
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </div>
    </div>
  );
}
