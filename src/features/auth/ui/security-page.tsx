/**
 * Account security (账号安全), for every signed-in user: change the password, set up the authenticator,
 * and one's open sessions (signed in, last activity, address, browser), any of which one may end.
 */
import { Button, Card, Popconfirm, Space, Table, Tag, Typography, message } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { OpenSession } from '../auth.contract';
import { formatDateTime } from '../../../web-kit/format';
import { authApi } from './auth-api';
import { useI18n } from './i18n';
import { PasswordChangeForm, TotpEnrolment } from './identity-forms';
import { useMe, useSession } from './session';

const sessionsKey = ['auth', 'sessions'] as const;

export default function SecurityPage() {
  const { t } = useI18n();
  const me = useMe();
  const { refresh, logout } = useSession();
  const queryClient = useQueryClient();
  const sessions = useQuery({ queryKey: sessionsKey, queryFn: () => authApi.sessions() });
  const when = (s: string) => formatDateTime(s);
  const end = async (s: OpenSession) => {
    await authApi.endSession(s.id);
    if (s.current) return logout();
    void message.success(t('security.ended'));
    await queryClient.invalidateQueries({ queryKey: sessionsKey });
  };
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 22, margin: 0 }}>
        {t('security.title')}
      </Typography.Title>
      <Card title={t('security.password')}>
        {me.identity.passwordExpiresAt && <p>{t('security.expires', { date: when(me.identity.passwordExpiresAt) })}</p>}
        <PasswordChangeForm username={me.user.username} onDone={async () => {
          void message.success(t('password.done'));
          await queryClient.invalidateQueries({ queryKey: sessionsKey });
        }} />
      </Card>
      <Card title={t('security.totp')}>
        {me.identity.totpEnabled ? (
          <p data-testid="totp-status">{t('totp.enabled', { n: me.identity.recoveryCodesLeft })}</p>
        ) : (
          <>
            <p data-testid="totp-status">{t('totp.notEnabled')}</p>
            <TotpEnrolment onDone={refresh} />
          </>
        )}
      </Card>
      <Card title={t('security.sessions')}>
        <Table<OpenSession>
          rowKey="id"
          size="small"
          loading={sessions.isPending}
          dataSource={sessions.data?.items ?? []}
          pagination={false}
          data-testid="my-sessions"
          columns={[
            { title: t('security.createdAt'), dataIndex: 'createdAt', render: (v: string) => when(v) },
            { title: t('security.lastSeenAt'), dataIndex: 'lastSeenAt', render: (v: string) => when(v) },
            { title: t('security.address'), dataIndex: 'address', render: (v: string | null) => v ?? '—' },
            { title: t('security.userAgent'), dataIndex: 'userAgent', ellipsis: true, render: (v: string | null) => v ?? '—' },
            {
              title: '',
              key: 'end',
              render: (_v, s) => (
                <Space>
                  {s.current && <Tag color="blue">{t('security.current')}</Tag>}
                  <Popconfirm title={t('security.endConfirm')} onConfirm={() => end(s)}>
                    <Button size="small" danger data-testid="btn-end-session">
                      {t('security.end')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </Space>
  );
}
