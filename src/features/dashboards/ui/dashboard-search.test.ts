import { describe, expect, it } from 'vitest';
import { parseDashboardSearch } from './dashboard-search';

describe('the dashboard search', () => {
  it('keeps a province code, a region, a city type and a phase, and drops anything else', () => {
    expect(parseDashboardSearch({ province: '330000', region: 'east', cityType: 'old_industrial_base', phase: 'midterm' })).toEqual({
      province: '330000',
      region: 'east',
      cityType: 'old_industrial_base',
      phase: 'midterm',
    });
    expect(parseDashboardSearch({ province: 330000 })).toEqual({ province: '330000' });
    expect(parseDashboardSearch({ province: '330100', region: 'north', cityType: 'x', phase: 1 })).toEqual({});
  });
});
