import { describe, expect, it } from 'vitest';
import { inForce, isPublicCase, isPublicNotice, publicViewOf, publishRefusal, withdrawRefusal, type PublicationFact } from './publication.js';

const period = { periodStartYear: 2017, periodEndYear: 2019 };
let n = 0;
const pub = (subject: string, year: number | null, opts: { withdrawn?: boolean; at?: string; summary?: string } = {}): PublicationFact => ({
  id: `p${++n}`,
  subject,
  year,
  summary: opts.summary ?? '摘要',
  publishedAt: new Date(opts.at ?? '2018-01-01T00:00:00Z'),
  withdrawnAt: opts.withdrawn ? new Date('2018-06-01T00:00:00Z') : null,
});

describe('what of a pilot is public', () => {
  it('nothing without a page in force, whatever years were published', () => {
    expect(publicViewOf([], period)).toBeNull();
    expect(publicViewOf([pub('attainment', 2017)], period)).toBeNull();
    expect(publicViewOf([pub('plan', null, { withdrawn: true }), pub('attainment', 2017)], period)).toBeNull();
  });

  it('the page in force and the years in force within the period, each once and ascending', () => {
    const view = publicViewOf(
      [pub('plan', null, { summary: '旧', at: '2017-01-01T00:00:00Z', withdrawn: true }), pub('plan', null, { summary: '新' }), pub('attainment', 2018), pub('attainment', 2017), pub('attainment', 2019, { withdrawn: true }), pub('attainment', 2021)],
      period,
    );
    expect(view).toEqual({ summary: '新', publishedAt: new Date('2018-01-01T00:00:00Z'), years: [2017, 2018] });
  });

  it('in force means not withdrawn', () => {
    expect(inForce([pub('plan', null), pub('plan', null, { withdrawn: true })]).map((p) => p.withdrawnAt)).toEqual([null]);
  });
});

describe('publishing and withdrawing', () => {
  const table: [string, Parameters<typeof publishRefusal>[0], PublicationFact[], string | null][] = [
    ['the page, first time', { subject: 'plan', year: null }, [], null],
    ['the page again', { subject: 'plan', year: null }, [pub('plan', null)], 'PORTAL_ALREADY_PUBLISHED'],
    ['the page after a withdrawal', { subject: 'plan', year: null }, [pub('plan', null, { withdrawn: true })], null],
    ['a year before the page', { subject: 'attainment', year: 2017 }, [], 'PORTAL_PLAN_NOT_PUBLISHED'],
    ['a year after the page', { subject: 'attainment', year: 2017 }, [pub('plan', null)], null],
    ['the same year again', { subject: 'attainment', year: 2017 }, [pub('plan', null), pub('attainment', 2017)], 'PORTAL_ALREADY_PUBLISHED'],
    ['a withdrawn year again', { subject: 'attainment', year: 2017 }, [pub('plan', null), pub('attainment', 2017, { withdrawn: true })], null],
    ['a year before the period', { subject: 'attainment', year: 2016 }, [pub('plan', null)], 'PORTAL_YEAR_OUTSIDE_PERIOD'],
    ['a year after the period', { subject: 'attainment', year: 2020 }, [pub('plan', null)], 'PORTAL_YEAR_OUTSIDE_PERIOD'],
    ['progress without a year', { subject: 'attainment', year: null }, [pub('plan', null)], 'PORTAL_YEAR_OUTSIDE_PERIOD'],
  ];
  it.each(table)('%s', (_name, input, existing, expected) => {
    expect(publishRefusal(input, period, existing)).toBe(expected);
  });

  it('withdraws once', () => {
    expect(withdrawRefusal(pub('plan', null))).toBeNull();
    expect(withdrawRefusal(pub('plan', null, { withdrawn: true }))).toBe('PORTAL_ALREADY_WITHDRAWN');
  });
});

describe('notices and cases', () => {
  it('a notice is public when marked published', () => {
    expect(isPublicNotice({ published: true })).toBe(true);
    expect(isPublicNotice({ published: false })).toBe(false);
  });
  it.each([
    ['published', true],
    ['draft', false],
    ['submitted', false],
    ['under_review', false],
    ['returned', false],
    ['unpublished', false],
  ])('a case in %s is public: %s', (status, expected) => {
    expect(isPublicCase({ status })).toBe(expected);
  });
});
