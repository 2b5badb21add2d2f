/**
 * 公开门户发布 (/portal-publishing): the planning department decides what of each pilot the public
 * portal shows — the pilot's page (with the plan summary it writes for the public) and the progress of
 * each year — and withdraws it again. The portal itself is server-rendered HTML at /portal.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { PILOT_STATE_LABELS } from '../../../shared/monitoring/pilot-lifecycle';
import { useShowError } from '../../../web-kit/errors';
import { formatDate } from '../../../web-kit/format';
import { QueryState } from '../../../web-kit/query';
import type { Publication, PublishingPilot } from '../portal.contract';
import { useI18n } from './i18n';
import { portalApi } from './portal-api';
import { portalKeys, portalQueries } from './portal-queries';

export default function PortalPublishingPage() {
  const { t, l } = useI18n();
  const { message, modal } = App.useApp();
  const showError = useShowError();
  const queryClient = useQueryClient();
  const query = useQuery(portalQueries.publishing());
  const [publishing, setPublishing] = useState<PublishingPilot | null>(null);
  const [form] = Form.useForm<{ summary: string }>();

  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: portalKeys.all });
    void message.success(t('portal.done'));
  };
  const publish = useMutation({
    mutationFn: (v: { pilotId: string; body: Parameters<typeof portalApi.publish>[1] }) => portalApi.publish(v.pilotId, v.body),
    onSuccess: async () => {
      setPublishing(null);
      form.resetFields();
      await done();
    },
    onError: showError,
  });
  const withdraw = useMutation({ mutationFn: (id: string) => portalApi.withdraw(id), onSuccess: done, onError: showError });
  const confirmWithdraw = (p: Publication) =>
    modal.confirm({ title: t('portal.confirmWithdraw'), okButtonProps: { danger: true }, onOk: () => withdraw.mutateAsync(p.id) });

  const publishedBy = (p: Publication) => t('portal.publishedOn', { date: formatDate(p.publishedAt), name: p.publishedByName });

  return (
    <div className="page" data-testid="portal-publishing-page">
      <div className="page-head">
        <h1 className="page-title">{t('portal.title')}</h1>
        <Button href="/portal" target="_blank" rel="noopener" data-testid="open-portal">
          {t('portal.openPortal')}
        </Button>
      </div>
      <Typography.Paragraph>{t('portal.intro')}</Typography.Paragraph>
      <div className="panel">
        <QueryState query={query}>
          {(data) => (
            <Table<PublishingPilot>
              size="small"
              rowKey="id"
              dataSource={data.items}
              pagination={false}
              locale={{ emptyText: t('portal.none') }}
              data-testid="portal-pilots"
              scroll={{ x: 900 }}
              columns={[
                { key: 'name', title: t('portal.pilot'), render: (_, p) => <span data-testid={`portal-pilot-${p.id}`}>{p.name}</span> },
                { key: 'state', title: t('portal.state'), render: (_, p) => l(PILOT_STATE_LABELS[p.state]) },
                {
                  key: 'page',
                  title: t('portal.page'),
                  render: (_, p) =>
                    p.page ? (
                      <Space orientation="vertical" size={2}>
                        <Tag color="success">{t('portal.published')}</Tag>
                        <Typography.Text type="secondary">{publishedBy(p.page)}</Typography.Text>
                        <Space wrap>
                          <Button size="small" href={p.publicPath ?? undefined} target="_blank" rel="noopener">
                            {t('portal.view')}
                          </Button>
                          <Button size="small" danger onClick={() => confirmWithdraw(p.page!)} data-testid={`withdraw-page-${p.id}`}>
                            {t('portal.withdrawPage')}
                          </Button>
                        </Space>
                      </Space>
                    ) : (
                      <Space orientation="vertical" size={2}>
                        <Tag>{t('portal.unpublished')}</Tag>
                        <Button size="small" type="primary" onClick={() => setPublishing(p)} data-testid={`publish-page-${p.id}`}>
                          {t('portal.publishPage')}
                        </Button>
                      </Space>
                    ),
                },
                {
                  key: 'years',
                  title: t('portal.years'),
                  render: (_, p) => (
                    <Space wrap>
                      {p.years.map((y) =>
                        y.publication ? (
                          <Button key={y.year} size="small" danger onClick={() => confirmWithdraw(y.publication!)} data-testid={`withdraw-year-${p.id}-${y.year}`}>
                            {t('portal.withdrawYear', { year: y.year })}
                          </Button>
                        ) : (
                          <Button
                            key={y.year}
                            size="small"
                            disabled={!p.page}
                            title={p.page ? undefined : t('portal.yearNeedsPage')}
                            loading={publish.isPending && publish.variables?.pilotId === p.id && publish.variables.body.subject === 'attainment' && publish.variables.body.year === y.year}
                            onClick={() => publish.mutate({ pilotId: p.id, body: { subject: 'attainment', year: y.year } })}
                            data-testid={`publish-year-${p.id}-${y.year}`}
                          >
                            {t('portal.publishYear', { year: y.year })}
                          </Button>
                        ),
                      )}
                    </Space>
                  ),
                },
              ]}
            />
          )}
        </QueryState>
      </div>
      <Modal
        open={publishing !== null}
        title={publishing ? t('portal.publishTitle', { name: publishing.name }) : ''}
        okText={t('portal.publishPage')}
        confirmLoading={publish.isPending}
        onCancel={() => setPublishing(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => publishing && publish.mutate({ pilotId: publishing.id, body: { subject: 'plan', summary: v.summary } })}
        >
          <Form.Item name="summary" label={t('portal.summary')} extra={t('portal.summaryHelp')} rules={[{ required: true, whitespace: true, message: t('portal.summaryRequired') }]}>
            <Input.TextArea rows={6} maxLength={2000} showCount data-testid="portal-summary" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
