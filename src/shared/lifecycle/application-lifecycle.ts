/**
 * The application's lifecycle, defined once. The server runs transitions from this table
 * (compare-and-set on the status); the web reads it to decide which buttons to offer.
 *
 *   draft ──submit──▶ submitted ──forward (last authority)──▶ forwarded ──receive──▶ received
 *     ▲                 │   ▲ └─forward (other authorities still pending)─┘
 *     │                 │   └──────────── submit (resubmission) ◀── returned
 *     └── save          └──return──▶ returned ◀──send_back── received / under_review
 *
 *   received ──open_review──▶ under_review ──approve──▶ approved
 *   received / under_review ──reject──▶ rejected
 */
import type { Role } from '../roles/roles.js';

export const APPLICATION_STATES = ['draft', 'submitted', 'returned', 'forwarded', 'received', 'under_review', 'approved', 'rejected'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const STATE_LABELS: Record<ApplicationState, { zh: string; en: string; color: string }> = {
  draft: { zh: '草稿', en: 'Draft', color: 'default' },
  submitted: { zh: '待省级初审', en: 'Awaiting provincial review', color: 'processing' },
  returned: { zh: '退回修改', en: 'Returned for revision', color: 'warning' },
  forwarded: { zh: '已转报工信部', en: 'Forwarded to the ministry', color: 'cyan' },
  received: { zh: '工信部已受理', en: 'Received by the ministry', color: 'success' },
  under_review: { zh: '部级评审中', en: 'Under ministry review', color: 'purple' },
  approved: { zh: '已批复（试点城市）', en: 'Approved (pilot city)', color: 'green' },
  rejected: { zh: '未予批复', en: 'Rejected', color: 'red' },
};

export const APPLICATION_ACTIONS = ['save', 'submit', 'forward', 'return', 'receive', 'open_review', 'approve', 'send_back', 'reject'] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const ACTION_LABELS: Record<ApplicationAction, { zh: string; en: string }> = {
  save: { zh: '保存', en: 'Save' },
  submit: { zh: '提交省级初审', en: 'Submit to the province' },
  forward: { zh: '初审通过并转报', en: 'Forward to the ministry' },
  return: { zh: '退回修改', en: 'Return for revision' },
  receive: { zh: '受理并登记纸质材料', en: 'Receive and record paper copies' },
  open_review: { zh: '组建专家评审组', en: 'Open the review with an expert panel' },
  approve: { zh: '批复同意', en: 'Approve' },
  send_back: { zh: '退回城市修改', en: 'Return to the city for revision' },
  reject: { zh: '不予批复', en: 'Reject' },
};

/** Facts about one application and one actor that the guards need; gathered by the server. */
export interface TransitionContext {
  /** Blocking findings of the plan checker on the current plan. */
  blockingFindings: number;
  /** The actor's review authority has a pending decision in the current round. */
  actorAuthorityPending: boolean;
  /** Authorities other than the actor's still pending in the current round. */
  otherAuthoritiesPending: number;
  /** Panel members (not recused) who have not yet submitted their scores in the current round. */
  scoresOutstanding?: number;
}

export type GuardFailure = 'PLAN_HAS_BLOCKING_FINDINGS' | 'ALREADY_DECIDED' | 'SCORES_INCOMPLETE';

export interface TransitionRule {
  action: ApplicationAction;
  from: readonly ApplicationState[];
  roles: readonly Role[];
  /** Target state; a function where it depends on the context. */
  to: ApplicationState | ((ctx: TransitionContext, from: ApplicationState) => ApplicationState);
  guard?: (ctx: TransitionContext) => GuardFailure | null;
}

export const APPLICATION_LIFECYCLE: readonly TransitionRule[] = [
  { action: 'save', from: ['draft', 'returned'], roles: ['city_applicant'], to: (_c, from) => from },
  {
    action: 'submit',
    from: ['draft', 'returned'],
    roles: ['city_applicant'],
    to: 'submitted',
    guard: (c) => (c.blockingFindings > 0 ? 'PLAN_HAS_BLOCKING_FINDINGS' : null),
  },
  {
    action: 'forward',
    from: ['submitted'],
    roles: ['provincial_authority'],
    // A cluster spanning provinces reaches the ministry once every province has forwarded it.
    to: (c) => (c.otherAuthoritiesPending > 0 ? 'submitted' : 'forwarded'),
    guard: (c) => (c.actorAuthorityPending ? null : 'ALREADY_DECIDED'),
  },
  {
    action: 'return',
    from: ['submitted'],
    roles: ['provincial_authority'],
    to: 'returned',
    guard: (c) => (c.actorAuthorityPending ? null : 'ALREADY_DECIDED'),
  },
  { action: 'receive', from: ['forwarded'], roles: ['ministry_planning'], to: 'received' },
  // Ministry review: one application at a time (成熟一个、推进一个).
  { action: 'open_review', from: ['received'], roles: ['ministry_planning'], to: 'under_review' },
  {
    action: 'approve',
    from: ['under_review'],
    roles: ['ministry_planning'],
    to: 'approved',
    guard: (c) => ((c.scoresOutstanding ?? 0) > 0 ? 'SCORES_INCOMPLETE' : null),
  },
  // The city revises; its resubmission passes the province again.
  { action: 'send_back', from: ['received', 'under_review'], roles: ['ministry_planning'], to: 'returned' },
  { action: 'reject', from: ['received', 'under_review'], roles: ['ministry_planning'], to: 'rejected' },
];

export type TransitionResult =
  | { ok: true; to: ApplicationState }
  | { ok: false; reason: 'FORBIDDEN' | 'INVALID_TRANSITION' | GuardFailure };

/**
 * Decides one transition. Role is checked before state so that a stranger learns nothing
 * about an application's state from the error.
 */
export function decideTransition(
  state: ApplicationState,
  action: ApplicationAction,
  role: Role,
  ctx: TransitionContext,
): TransitionResult {
  const rule = APPLICATION_LIFECYCLE.find((r) => r.action === action);
  if (!rule || !rule.roles.includes(role)) return { ok: false, reason: 'FORBIDDEN' };
  if (!rule.from.includes(state)) return { ok: false, reason: 'INVALID_TRANSITION' };
  const failure = rule.guard?.(ctx) ?? null;
  if (failure) return { ok: false, reason: failure };
  const to = typeof rule.to === 'function' ? rule.to(ctx, state) : rule.to;
  return { ok: true, to };
}

/** Actions the role may take from this state (guards not applied: the UI shows why a guard fails). */
export function availableActions(state: ApplicationState, role: Role): ApplicationAction[] {
  return APPLICATION_LIFECYCLE.filter((r) => r.roles.includes(role) && r.from.includes(state)).map((r) => r.action);
}

export function isEditable(state: ApplicationState): boolean {
  return state === 'draft' || state === 'returned';
}
