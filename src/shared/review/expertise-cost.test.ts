import { describe, expect, it } from 'vitest';
import { expertiseMatch, fieldMatches, MIN_COST, NO_MATCH_COST, uncoveredIndustries } from './expertise-cost.js';

describe('expertise cost', () => {
  it.each([
    ['汽车及零部件', '汽车及零部件产业', true],
    ['新材料', '先进新材料', true],
    ['装备制造', '高端装备制造业', true],
    ['电子信息', '生物医药', false],
    ['材', '新材料', false],
  ])('field %s vs industry %s → %s', (f, i, expected) => {
    expect(fieldMatches(f, i)).toBe(expected);
  });

  it('costs less the more key industries the expert covers, never below the minimum', () => {
    expect(expertiseMatch(['生物医药'], ['汽车', '新材料']).cost).toBe(NO_MATCH_COST);
    expect(expertiseMatch(['汽车'], ['汽车', '新材料']).cost).toBe(6);
    expect(expertiseMatch(['汽车', '新材料'], ['汽车', '新材料']).cost).toBe(2);
    expect(expertiseMatch(['汽车', '新材料', '电子信息'], ['汽车', '新材料', '电子信息']).cost).toBe(MIN_COST);
    expect(expertiseMatch(['汽车'], ['汽车']).reasons[0]!.zh).toContain('汽车');
  });

  it('lists the key industries no panel member covers', () => {
    expect(uncoveredIndustries(['汽车', '新材料', '纺织服装'], [['汽车'], ['新材料', '化工']])).toEqual(['纺织服装']);
  });
});
