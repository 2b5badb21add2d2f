/** The portal publishing page's texts (公开门户发布), zh-CN first. */
import { defineMessages } from '../../../web-kit/i18n';

export const messages = defineMessages({
  'portal.title': { zh: '公开门户发布', en: 'Public portal publishing' },
  'portal.intro': {
    zh: '公开门户（无需登录）只显示本页发布的试点页面和年度进展，以及已发布的通报和典型案例。撤回后，内容在五分钟内从门户消失。',
    en: 'The public portal (no sign-in) shows only the pilot pages and yearly progress published here, and the published notices and cases. A withdrawal leaves the portal within five minutes.',
  },
  'portal.openPortal': { zh: '打开公开门户', en: 'Open the public portal' },
  'portal.pilot': { zh: '试点', en: 'Pilot' },
  'portal.state': { zh: '阶段', en: 'Phase' },
  'portal.page': { zh: '试点页面（方案摘要与目标）', en: 'Page (plan summary and targets)' },
  'portal.years': { zh: '年度进展', en: 'Progress by year' },
  'portal.published': { zh: '已发布', en: 'Published' },
  'portal.unpublished': { zh: '未发布', en: 'Not published' },
  'portal.publishedOn': { zh: '{date} 由{name}发布', en: 'Published {date} by {name}' },
  'portal.publishPage': { zh: '发布页面', en: 'Publish the page' },
  'portal.withdrawPage': { zh: '撤回页面', en: 'Withdraw the page' },
  'portal.publishYear': { zh: '发布{year}年进展', en: 'Publish {year}' },
  'portal.withdrawYear': { zh: '撤回{year}年进展', en: 'Withdraw {year}' },
  'portal.yearNeedsPage': { zh: '先发布页面', en: 'Publish the page first' },
  'portal.view': { zh: '查看公开页面', en: 'View the public page' },
  'portal.summary': { zh: '实施方案摘要（公开）', en: 'Plan summary (public)' },
  'portal.summaryHelp': { zh: '面向公众的摘要，将原样显示在试点的公开页面上。', en: 'The summary for the public, shown as it is on the pilot’s public page.' },
  'portal.summaryRequired': { zh: '请填写方案摘要。', en: 'Write the plan summary.' },
  'portal.publishTitle': { zh: '发布 {name} 的公开页面', en: 'Publish the public page of {name}' },
  'portal.confirmWithdraw': { zh: '确定撤回？撤回后公开门户不再显示该内容。', en: 'Withdraw? The portal will no longer show it.' },
  'portal.done': { zh: '已完成。', en: 'Done.' },
  'portal.none': { zh: '暂无试点。', en: 'No pilots yet.' },
  'portal.history': { zh: '{n} 条发布记录', en: '{n} publication records' },
});
