/**
 * Which scoring reminder is due for an expert, and what the notices say — pure functions, no I/O.
 *
 * With the offsets [first, second] (hours before the deadline, default [72, 24]):
 *   deadline − first  ≤ now < deadline − second  → 'due_in_3_days'
 *   deadline − second ≤ now < deadline           → 'due_in_1_day'
 *   deadline          ≤ now                      → 'overdue'
 * and nothing before that window, nor for an expert who has submitted the current round's sheet.
 * The kind names are stable identifiers (they go into dedupe keys); the texts use the configured offsets.
 */

export type ReminderKind = 'due_in_3_days' | 'due_in_1_day' | 'overdue';
export const REMINDER_KINDS: readonly ReminderKind[] = ['due_in_3_days', 'due_in_1_day', 'overdue'];

/** Hours before the deadline of the first and the second reminder; first > second > 0. */
export type ReminderOffsets = readonly [first: number, second: number];
export const DEFAULT_REMINDER_OFFSETS_HOURS: ReminderOffsets = [72, 24];

const HOUR = 3600_000;

/**
 * Reads REMINDER_OFFSETS_HOURS ("72,24" or "[72, 24]"); unset or empty gives the default.
 * Anything else than two positive numbers, the first larger, is a configuration error.
 */
export function parseReminderOffsets(value: string | undefined): ReminderOffsets {
  if (value === undefined || value.trim() === '') return DEFAULT_REMINDER_OFFSETS_HOURS;
  const parts = value
    .replace(/[[\]\s]/g, '')
    .split(',')
    .filter((p) => p !== '');
  const nums = parts.map(Number);
  const [first, second] = nums;
  if (nums.length !== 2 || first === undefined || second === undefined || !nums.every((n) => Number.isFinite(n) && n > 0) || first <= second) {
    throw new Error(`REMINDER_OFFSETS_HOURS must be two positive numbers of hours, the first larger (e.g. "72,24"); got "${value}"`);
  }
  return [first, second];
}

export interface ReminderInput {
  now: Date;
  deadline: Date;
  /** Whether the expert has submitted a score sheet for the panel's current round. */
  submitted: boolean;
  offsetsHours?: ReminderOffsets;
}

/** The reminder due now, or null. */
export function dueReminder({ now, deadline, submitted, offsetsHours = DEFAULT_REMINDER_OFFSETS_HOURS }: ReminderInput): ReminderKind | null {
  if (submitted) return null;
  const t = now.getTime();
  const d = deadline.getTime();
  const [first, second] = offsetsHours;
  if (t >= d) return 'overdue';
  if (t >= d - second * HOUR) return 'due_in_1_day';
  if (t >= d - first * HOUR) return 'due_in_3_days';
  return null;
}

export function isOverdue(deadline: Date, now: Date, submitted: boolean): boolean {
  return !submitted && now.getTime() >= deadline.getTime();
}

/** The dedupe key of an expert's reminder: one per panel, expert, score round and kind. */
export function reminderKey(panelId: string, expertId: string, round: number, kind: ReminderKind): string {
  return `reminder:${panelId}:${expertId}:${round}:${kind}`;
}

/**
 * The dedupe key of the ministry's overdue notice for a panel and round. The unique index is on the key
 * alone, so the key names the recipient too: every planning user gets the notice once.
 */
export function overdueKey(panelId: string, round: number, userId: string): string {
  return `overdue:${panelId}:${round}:${userId}`;
}

// ---- texts -----------------------------------------------------------------------------------

export interface Bilingual {
  zh: string;
  en: string;
}

/** Beijing time (UTC+8, no daylight saving) of an instant, as calendar fields. */
function beijing(d: Date) {
  const b = new Date(d.getTime() + 8 * HOUR);
  return {
    y: b.getUTCFullYear(),
    m: b.getUTCMonth() + 1,
    day: b.getUTCDate(),
    hh: String(b.getUTCHours()).padStart(2, '0'),
    mm: String(b.getUTCMinutes()).padStart(2, '0'),
  };
}

/** "2016年9月30日 18:00" in Beijing time. */
export function formatChineseDateTime(d: Date): string {
  const b = beijing(d);
  return `${b.y}年${b.m}月${b.day}日 ${b.hh}:${b.mm}`;
}

/** "2016-09-30 18:00 (Beijing time)". */
export function formatEnglishDateTime(d: Date): string {
  const b = beijing(d);
  return `${b.y}-${String(b.m).padStart(2, '0')}-${String(b.day).padStart(2, '0')} ${b.hh}:${b.mm} (Beijing time)`;
}

/** "3天" / "3 days", or hours when the offset is not whole days. */
export function spanLabel(hours: number): Bilingual {
  if (hours % 24 === 0) {
    const days = hours / 24;
    return { zh: `${days}天`, en: days === 1 ? '1 day' : `${days} days` };
  }
  return { zh: `${hours}小时`, en: hours === 1 ? '1 hour' : `${hours} hours` };
}

export interface ReminderTextInput {
  kind: ReminderKind;
  applicationTitle: string;
  deadline: Date;
  offsetsHours?: ReminderOffsets;
}

/** The one-line notice an expert sees in the bell (and the e-mail's subject in Chinese). */
export function reminderTitle({ kind, applicationTitle, deadline, offsetsHours = DEFAULT_REMINDER_OFFSETS_HOURS }: ReminderTextInput): Bilingual {
  const zhDate = formatChineseDateTime(deadline);
  const enDate = formatEnglishDateTime(deadline);
  if (kind === 'overdue') {
    return {
      zh: `【评审逾期】《${applicationTitle}》的专家评分已于${zhDate}截止，您尚未提交评分表，请尽快提交。`,
      en: `Overdue: scores for 《${applicationTitle}》 were due on ${enDate} and your score sheet is missing. Please submit it as soon as possible.`,
    };
  }
  const span = spanLabel(kind === 'due_in_3_days' ? offsetsHours[0] : offsetsHours[1]);
  return {
    zh: `【评审提醒】《${applicationTitle}》的专家评分将于${zhDate}截止（剩余不足${span.zh}），请及时提交评分表。`,
    en: `Reminder: scores for 《${applicationTitle}》 are due on ${enDate} (less than ${span.en} left). Please submit your score sheet.`,
  };
}

/** The ministry's notice that a panel passed its deadline with sheets missing. */
export function panelOverdueTitle(applicationTitle: string, deadline: Date, missing: number): Bilingual {
  return {
    zh: `【评审逾期】《${applicationTitle}》评审组已过评分截止时间（${formatChineseDateTime(deadline)}），尚有${missing}位专家未提交评分表。`,
    en: `Panel overdue: 《${applicationTitle}》 passed its scoring deadline (${formatEnglishDateTime(deadline)}); ${missing} expert${missing === 1 ? ' has' : 's have'} not submitted a score sheet.`,
  };
}

export interface EmailText {
  subject: string;
  body: string;
}

/**
 * A plain-text e-mail: the Chinese text first, then the English one. `link` is an absolute URL when the
 * platform's public address is configured; otherwise the e-mail points to the platform by name.
 */
export function emailFor(recipientName: string | null, title: Bilingual, link: string | null): EmailText {
  const greetingZh = recipientName ? `${recipientName}：\n\n您好！` : '您好！';
  const greetingEn = recipientName ? `Dear ${recipientName},` : 'Hello,';
  const where = link
    ? { zh: `请登录平台处理：${link}`, en: `Please sign in to the platform: ${link}` }
    : { zh: '请登录“中国制造2025”城市试点示范工作平台处理。', en: 'Please sign in to the Made in China 2025 City Pilot Demonstration Platform.' };
  const body = [
    greetingZh,
    '',
    title.zh,
    where.zh,
    '',
    '（本邮件由系统自动发送，请勿直接回复。）',
    '',
    '----',
    '',
    greetingEn,
    '',
    title.en,
    where.en,
    '',
    '(This message was sent automatically; please do not reply.)',
    '',
  ].join('\n');
  // The subject is the Chinese notice, without the closing request to keep it short.
  const subject = title.zh.replace(/，请[^，。]*。$/, '');
  return { subject, body };
}
