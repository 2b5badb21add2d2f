/**
 * The ministry review's own vocabulary, shared by server and web: the states of a panel, the
 * kinds of seat on it, the stances a department may take, and the form of an approval reply's
 * document number. Plain constants, no I/O, so the web may import them at runtime.
 */

/** A panel is open while its experts score; the decision closes it. */
export const PANEL_STATUSES = ['open', 'closed'] as const;
export type PanelStatus = (typeof PANEL_STATUSES)[number];

/** A member scores; a backup waits until the planning department seats them as a member. */
export const SEAT_ROLES = ['member', 'backup'] as const;
export type SeatRole = (typeof SEAT_ROLES)[number];

/** A ministry department's stance in its written opinion (司局审查意见). */
export const DEPARTMENT_STANCES = ['support', 'support_with_conditions', 'object'] as const;
export type DepartmentStance = (typeof DEPARTMENT_STANCES)[number];

/** The document number of an approval reply (批复文号), e.g. 工信部规函〔2016〕242号. */
export const DOCUMENT_NO_PATTERN = /^工信部[\u4e00-\u9fa5]{1,3}〔\d{4}〕\d{1,4}号$/;
