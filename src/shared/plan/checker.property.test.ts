/** Properties of the plan checker: total on any text in any field, and its findings always well-formed. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeCompletePlan } from '../../../test/fixtures/plans.js';
import { checkPlan, FINDING_CODES, hasBlocking, plainText } from './checker.js';
import { planSchema, type Plan } from './plan-schema.js';

const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.constantFrom('&#99999999;', '&#x110000;', '&#xD800;', '&#0;', '<script>x</script>', '<p', '&amp;lt;', '\u0000', '\u202e', '一'.repeat(5000)),
  fc.stringMatching(/^(<[a-z]{1,3}>|&#\d{1,9};|&#x[0-9a-f]{1,8};|&[a-z]{2,6};|[\u4e00-\u9fa5]|\d){0,20}$/),
);

describe('plainText', () => {
  it('never throws on any markup (character references beyond Unicode included), and leaves no tag behind', () => {
    fc.assert(
      fc.property(hostileText, (html) => {
        const text = plainText(html);
        // (An entity may spell a tag, &lt;p&gt;: that is text, not markup.)
        if (!html.includes('&')) expect(text).not.toMatch(/<[a-z][^>]*>/i);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('checkPlan', () => {
  it('never throws whatever the texts of a valid-shaped plan hold, and every finding has a known code, its severity and both languages', () => {
    fc.assert(
      fc.property(
        fc.record({ title: hostileText, applicant: hostileText, section: hostileText, wording: hostileText, indicator: hostileText, unit: hostileText, filingDate: hostileText }),
        fc.array(fc.oneof(fc.constant(null), fc.double(), fc.integer()), { maxLength: 3 }),
        (t, values) => {
          const plan: Plan = makeCompletePlan();
          plan.cover.title = t.title;
          plan.cover.applicant = t.applicant;
          plan.cover.filingDate = t.filingDate.slice(0, 10);
          const key = Object.keys(plan.sections)[0]!;
          plan.sections[key] = t.section;
          const target = plan.targets[0]!;
          target.wording = t.wording;
          target.indicator = t.indicator;
          target.unit = t.unit;
          target.values = values.map((v) => (v === null || Number.isFinite(v) ? v : null));
          const findings = checkPlan(plan);
          for (const f of findings) {
            expect(FINDING_CODES[f.code]?.severity).toBe(f.severity);
            expect(f.message['zh-CN'].length).toBeGreaterThan(0);
            expect(f.message['en-US'].length).toBeGreaterThan(0);
          }
          expect(hasBlocking(findings)).toBe(findings.some((f) => f.severity === 'blocking'));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is deterministic, and accepts the plan it is given unchanged (it does not mutate it)', () => {
    fc.assert(
      fc.property(hostileText, (wording) => {
        const plan = makeCompletePlan();
        plan.targets[0]!.wording = wording;
        const copy = structuredClone(plan);
        expect(checkPlan(plan)).toEqual(checkPlan(copy));
        expect(plan).toEqual(copy);
        expect(planSchema.safeParse(plan).success).toBe(wording.length <= 500);
      }),
      { numRuns: 100 },
    );
  });

  it('finds nothing blocking in the complete sample plan', () => {
    expect(hasBlocking(checkPlan(makeCompletePlan()))).toBe(false);
  });
});
