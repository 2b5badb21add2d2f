/** The notifications feature's interface strings in zh-CN and en-US. Placeholders: {name}. */
import { defineMessages } from '../../../web-kit/i18n';

export const messages = defineMessages({
  'notifications.title': { zh: '通知', en: 'Notifications' },
  'notifications.unreadN': { zh: '{n} 条未读通知', en: '{n} unread' },
  'notifications.empty': { zh: '暂无通知', en: 'No notifications' },
  'notifications.markAllRead': { zh: '全部标为已读', en: 'Mark all read' },
});
