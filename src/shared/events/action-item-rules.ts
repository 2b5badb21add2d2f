/**
 * Action items 督办事项 of an event (the yearly meeting's above all): each has an owner
 * organisation, a deadline and a status. Stored statuses are open and done; overdue is computed from
 * the deadline and today (China's calendar), never stored. The reminders before the deadline and the
 * overdue notice are decided here too. Pure.
 */

export const ACTION_ITEM_STORED_STATUSES = ['open', 'done'] as const;
export type ActionItemStoredStatus = (typeof ACTION_ITEM_STORED_STATUSES)[number];

export const ACTION_ITEM_STATUSES = ['open', 'overdue', 'done'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];

export const ACTION_ITEM_STATUS_LABELS: Record<ActionItemStatus, { zh: string; en: string }> = {
  open: { zh: '办理中', en: 'Open' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  done: { zh: '已办结', en: 'Done' },
};

/** The item's transitions: who may take them is the scope rule's (src/shared/permissions/event-scope.ts). */
export const ACTION_ITEM_TRANSITIONS = {
  close: { from: ['open'], to: 'done' },
  reopen: { from: ['done'], to: 'open' },
} as const satisfies Record<string, { from: readonly ActionItemStoredStatus[]; to: ActionItemStoredStatus }>;
export type ActionItemTransition = keyof typeof ACTION_ITEM_TRANSITIONS;

/** Whole days from `today` to `deadline` (both YYYY-MM-DD): 0 on the day, negative once past. */
export function daysUntil(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

/** Open and past its deadline (the deadline day itself still counts as in time) is overdue. */
export function actionItemStatus(item: { status: string; deadline: string }, today: string): ActionItemStatus {
  if (item.status === 'done') return 'done';
  return daysUntil(item.deadline, today) < 0 ? 'overdue' : 'open';
}

/** Days before the deadline a reminder goes out, by default: a week, and the day before. */
export const DEFAULT_ACTION_REMINDER_DAYS: readonly number[] = [7, 1];
/** The overdue notice goes out only within this many days after the deadline (old data raises no flood). */
export const OVERDUE_NOTICE_WINDOW_DAYS = 30;

export type ActionReminderKind = `remind_${number}d` | 'overdue';

/**
 * Which reminder is owed today, if any: the latest reminder whose day has come (a sweep that starts
 * late sends only that one, not every earlier one), or the overdue notice once the deadline has
 * passed, within the window. None for a done item.
 */
export function actionReminderDue(
  item: { status: string; deadline: string },
  today: string,
  reminderDays: readonly number[] = DEFAULT_ACTION_REMINDER_DAYS,
): ActionReminderKind | null {
  if (item.status === 'done') return null;
  const left = daysUntil(item.deadline, today);
  if (left < 0) return -left <= OVERDUE_NOTICE_WINDOW_DAYS ? 'overdue' : null;
  const reached = [...reminderDays].filter((d) => d >= 0 && left <= d).sort((a, b) => a - b);
  return reached.length > 0 ? `remind_${reached[0]!}d` : null;
}

/**
 * The dedupe key of one reminder to one user. It names the deadline, so that moving the deadline
 * owes the reminders again, and the user, so that a reassigned item reminds its new owner.
 */
export function actionReminderKey(itemId: string, deadline: string, kind: ActionReminderKind, userId: string): string {
  return `action:${itemId}:${deadline}:${kind}:${userId}`;
}

export function actionReminderTitle(
  kind: ActionReminderKind,
  f: { title: string; eventTitle: string; deadline: string; daysLeft: number },
): { zh: string; en: string } {
  if (kind === 'overdue') {
    return {
      zh: `督办事项“${f.title}”（${f.eventTitle}）已逾期，办理期限为 ${f.deadline}`,
      en: `The action item "${f.title}" (${f.eventTitle}) is overdue: it was due on ${f.deadline}`,
    };
  }
  return {
    zh: `督办事项“${f.title}”（${f.eventTitle}）将于 ${f.deadline} 到期（还有 ${f.daysLeft} 天）`,
    en: `The action item "${f.title}" (${f.eventTitle}) is due on ${f.deadline} (${f.daysLeft} day(s) left)`,
  };
}
