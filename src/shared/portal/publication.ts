/**
 * What the public portal may show (ADR 0016), pure. The portal shows a pilot only once the ministry
 * has published its page (the plan summary and targets: subject 'plan'), and each year's progress
 * only when that year is published too ('attainment' with the year). A withdrawn publication counts
 * for nothing; withdrawing the page hides the published years with it. Notices and cases carry their
 * own flags (a notice's `published`, a case's status 'published'); these predicates are the portal's
 * second check on whatever it reads.
 */
import type { ErrorCode } from '../errors/error-codes.js';

export const PUBLICATION_SUBJECTS = ['plan', 'attainment'] as const;
export type PublicationSubject = (typeof PUBLICATION_SUBJECTS)[number];

export const PUBLICATION_SUBJECT_LABELS: Record<PublicationSubject, { zh: string; en: string }> = {
  plan: { zh: '试点公开页面（实施方案摘要与目标）', en: 'Public page (plan summary and targets)' },
  attainment: { zh: '年度进展（指标达成）', en: 'Progress of a year (attainment)' },
};

export interface PublicationFact {
  id: string;
  subject: string;
  year: number | null;
  summary: string;
  publishedAt: Date;
  withdrawnAt: Date | null;
}

export interface PublicPilotView {
  summary: string;
  publishedAt: Date;
  /** The years whose progress is public, ascending. */
  years: number[];
}

export function inForce<P extends PublicationFact>(pubs: readonly P[]): P[] {
  return pubs.filter((p) => p.withdrawnAt === null);
}

/** A pilot's public view, or null when its page is not published (then nothing of it is public). */
export function publicViewOf(pubs: readonly PublicationFact[], period: { periodStartYear: number; periodEndYear: number }): PublicPilotView | null {
  const live = inForce(pubs);
  const plan = live.filter((p) => p.subject === 'plan').sort((a, b) => b.publishedAt.getTime() - a.publishedAt.getTime())[0];
  if (!plan) return null;
  const years = [...new Set(live.filter((p) => p.subject === 'attainment' && p.year !== null && inPeriod(p.year, period)).map((p) => p.year!))].sort((a, b) => a - b);
  return { summary: plan.summary, publishedAt: plan.publishedAt, years };
}

function inPeriod(year: number, period: { periodStartYear: number; periodEndYear: number }): boolean {
  return year >= period.periodStartYear && year <= period.periodEndYear;
}

export interface PublishInput {
  subject: PublicationSubject;
  year: number | null;
}

/** Why the ministry may not publish this now, or null when it may. */
export function publishRefusal(input: PublishInput, pilot: { periodStartYear: number; periodEndYear: number }, existing: readonly PublicationFact[]): ErrorCode | null {
  const live = inForce(existing);
  if (input.subject === 'attainment') {
    if (input.year === null || !inPeriod(input.year, pilot)) return 'PORTAL_YEAR_OUTSIDE_PERIOD';
    if (!live.some((p) => p.subject === 'plan')) return 'PORTAL_PLAN_NOT_PUBLISHED';
    if (live.some((p) => p.subject === 'attainment' && p.year === input.year)) return 'PORTAL_ALREADY_PUBLISHED';
    return null;
  }
  return live.some((p) => p.subject === 'plan') ? 'PORTAL_ALREADY_PUBLISHED' : null;
}

export function withdrawRefusal(pub: PublicationFact): ErrorCode | null {
  return pub.withdrawnAt === null ? null : 'PORTAL_ALREADY_WITHDRAWN';
}

/** A notice is public when the ministry marked it published. */
export function isPublicNotice(n: { published: boolean }): boolean {
  return n.published === true;
}

/** A case is public while its status is 'published' (not a draft, in review, returned or unpublished). */
export function isPublicCase(c: { status: string }): boolean {
  return c.status === 'published';
}
