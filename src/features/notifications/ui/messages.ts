/** The notifications feature's interface strings in zh-CN and en-US. Placeholders: {n}, {queue}, {to}. */
import { defineMessages } from '../../../web-kit/i18n';

export const messages = defineMessages({
  'notifications.title': { zh: '通知', en: 'Notifications' },
  'notifications.unreadN': { zh: '{n} 条未读通知', en: '{n} unread' },
  'notifications.empty': { zh: '暂无通知', en: 'No notifications' },
  'notifications.markAllRead': { zh: '全部标为已读', en: 'Mark all read' },

  'jobs.title': { zh: '失败任务', en: 'Failed jobs' },
  'jobs.subtitle': {
    zh: '提醒、逾期检查和邮件发送作为后台任务运行，失败后自动重试；重试用尽的任务列在这里，可在排除故障后重新执行。',
    en: 'Reminders, overdue checks and e-mail run as background jobs and are retried when they fail; jobs whose retries are spent are listed here and can be run again once the cause is fixed.',
  },
  'jobs.noAccess': { zh: '只有平台管理员可以查看后台任务。', en: 'Only the platform administrator may see the background jobs.' },
  'jobs.notInstalled': {
    zh: '后台任务尚未在本数据库中启用（尚无服务进程启动任务运行器）。',
    en: 'Background jobs are not set up in this database yet (no server process has started the job runner).',
  },
  'jobs.empty': { zh: '没有失败的任务', en: 'No failed jobs' },
  'jobs.total': { zh: '共 {n} 个', en: '{n} in all' },
  'jobs.col.failedAt': { zh: '失败时间', en: 'Failed at' },
  'jobs.col.job': { zh: '任务', en: 'Job' },
  'jobs.col.detail': { zh: '内容', en: 'Details' },
  'jobs.col.error': { zh: '最后一次错误', en: 'Last error' },
  'jobs.col.actions': { zh: '操作', en: 'Actions' },
  'jobs.email': { zh: '收件人 {to}', en: 'To {to}' },
  'jobs.attempts': { zh: '已尝试 {n} 次', en: '{n} attempts' },
  'jobs.retry': { zh: '重试', en: 'Retry' },
  'jobs.retried': { zh: '已重新排队：{queue}', en: 'Queued again: {queue}' },
  'jobs.notRetryable': { zh: '不属于本平台的任务队列', en: 'Not a queue of this platform' },
  'jobs.refresh': { zh: '刷新', en: 'Refresh' },
  'jobs.queue.email.send': { zh: '发送邮件', en: 'Send an e-mail' },
  'jobs.queue.outbox.dispatch': { zh: '邮件排队', en: 'Queue the outbox e-mails' },
  'jobs.queue.sweep.review-reminders': { zh: '评审截止提醒', en: 'Review deadline reminders' },
  'jobs.queue.sweep.report-reminders': { zh: '进度报告提醒', en: 'Progress report reminders' },
  'jobs.queue.unknown': { zh: '未知队列', en: 'Unknown queue' },
});
