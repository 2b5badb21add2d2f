/**
 * The editorial lifecycle of a typical case 典型案例, one table like the application's and the pilot's:
 *
 *   draft ──submit (城市提交)──▶ submitted ──start_review──▶ under_review ──publish──▶ published
 *     ▲                            │                            │                         │
 *     │                          return                       return                  unpublish
 *     │                            ▼                            ▼                         ▼
 *     └───────(edit)──────────── returned ◀─────────────────────┘                   unpublished
 *                                  └──submit──▶ submitted ◀──────────submit───────────────┘
 *
 * Every action names the side that takes it: the author (the city of the pilot for a city's case,
 * the planning department for the ministry's own) or the ministry's editorial office (the planning
 * department, holding `case.review`). Returning and unpublishing need a reason; submitting needs a
 * complete case. Editing is no transition: the author edits while the case is a draft, returned or
 * unpublished (an unpublished case is revised and submitted again, never republished unreviewed).
 * Pure: the server decides every transition with `decideCaseTransition`; the web only shows the
 * abilities the server computed.
 */
import type { CaseTags } from './case-tags.js';

export const CASE_STATES = ['draft', 'submitted', 'under_review', 'returned', 'published', 'unpublished'] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Record<CaseState, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交待审核', en: 'Submitted for review' },
  under_review: { zh: '部里审核中', en: 'Under ministry review' },
  returned: { zh: '退回修改', en: 'Returned for revision' },
  published: { zh: '已发布', en: 'Published' },
  unpublished: { zh: '已撤销发布', en: 'Unpublished' },
};

export const CASE_TRANSITIONS = ['submit', 'start_review', 'return', 'publish', 'unpublish'] as const;
export type CaseTransition = (typeof CASE_TRANSITIONS)[number];

/** Who takes an action: the case's author side, or the ministry's editorial office. */
export type CaseSide = 'author' | 'editor';

export interface CaseTransitionRule {
  from: readonly CaseState[];
  to: CaseState;
  side: CaseSide;
  /** A reason is required (return, unpublish). */
  needsComment: boolean;
  /** The case must be complete (title, summary, body and the required tags). */
  needsComplete: boolean;
  label: { zh: string; en: string };
}

export const CASE_LIFECYCLE: Record<CaseTransition, CaseTransitionRule> = {
  submit: { from: ['draft', 'returned', 'unpublished'], to: 'submitted', side: 'author', needsComment: false, needsComplete: true, label: { zh: '提交审核', en: 'Submit for review' } },
  start_review: { from: ['submitted'], to: 'under_review', side: 'editor', needsComment: false, needsComplete: false, label: { zh: '开始审核', en: 'Start the review' } },
  return: { from: ['submitted', 'under_review'], to: 'returned', side: 'editor', needsComment: true, needsComplete: false, label: { zh: '退回修改', en: 'Return for revision' } },
  publish: { from: ['under_review'], to: 'published', side: 'editor', needsComment: false, needsComplete: true, label: { zh: '发布', en: 'Publish' } },
  unpublish: { from: ['published'], to: 'unpublished', side: 'editor', needsComment: true, needsComplete: false, label: { zh: '撤销发布', en: 'Unpublish' } },
};

/** The states in which the author may edit the case's text, tags and evidence. */
export const EDITABLE_STATES: readonly CaseState[] = ['draft', 'returned', 'unpublished'];

export function isEditable(state: CaseState): boolean {
  return EDITABLE_STATES.includes(state);
}

export interface CaseContent extends CaseTags {
  title: string;
  summary: string;
  body: string;
}

export type CaseField = 'title' | 'summary' | 'body' | 'regions' | 'industries' | 'themes';

/**
 * What a case still lacks before it can be reviewed: its title, summary and body, its region, at
 * least one industry and one theme. City types are optional (a ministry's policy case may fit none).
 */
export function missingForReview(c: CaseContent): CaseField[] {
  const out: CaseField[] = [];
  if (c.title.trim() === '') out.push('title');
  if (c.summary.trim() === '') out.push('summary');
  if (c.body.trim() === '') out.push('body');
  if (c.regions.length === 0) out.push('regions');
  if (c.industries.length === 0) out.push('industries');
  if (c.themes.length === 0) out.push('themes');
  return out;
}

export type CaseDecision =
  | { ok: true; to: CaseState }
  | { ok: false; reason: 'invalid_state' }
  | { ok: false; reason: 'not_allowed' }
  | { ok: false; reason: 'comment_required' }
  | { ok: false; reason: 'incomplete'; missing: CaseField[] };

export interface CaseTransitionFacts {
  state: CaseState;
  /** The sides the actor is on for this case (author, editor, both or none). */
  sides: readonly CaseSide[];
  comment?: string;
  content: CaseContent;
}

/** Decides one transition: the side first (a refusal says nothing of the state), then state, reason, completeness. */
export function decideCaseTransition(action: CaseTransition, facts: CaseTransitionFacts): CaseDecision {
  const rule = CASE_LIFECYCLE[action];
  if (!facts.sides.includes(rule.side)) return { ok: false, reason: 'not_allowed' };
  if (!rule.from.includes(facts.state)) return { ok: false, reason: 'invalid_state' };
  if (rule.needsComment && (facts.comment ?? '').trim() === '') return { ok: false, reason: 'comment_required' };
  if (rule.needsComplete) {
    const missing = missingForReview(facts.content);
    if (missing.length > 0) return { ok: false, reason: 'incomplete', missing };
  }
  return { ok: true, to: rule.to };
}

/** The transitions the sides may take from a state (what the web shows as buttons). */
export function availableTransitions(state: CaseState, sides: readonly CaseSide[]): CaseTransition[] {
  return CASE_TRANSITIONS.filter((a) => sides.includes(CASE_LIFECYCLE[a].side) && CASE_LIFECYCLE[a].from.includes(state));
}
