import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatSize, formatTime } from './format';

describe('display formats', () => {
  it("shows instants in China time whatever the machine's zone", () => {
    expect(formatDateTime('2018-01-20T02:00:00.000Z')).toBe('2018-01-20 10:00');
    expect(formatDateTime('2018-01-20T17:30:00.000Z')).toBe('2018-01-21 01:30');
    expect(formatDate('2016-12-31T16:00:00.000Z')).toBe('2017-01-01');
    expect(formatTime(new Date('2026-12-01T04:05:06.000Z'))).toBe('12:05:06');
  });
  it('shows a calendar date as it is, and nothing as a dash', () => {
    expect(formatDate('2019-03-31')).toBe('2019-03-31');
    expect(formatDateTime('2019-03-31')).toBe('2019-03-31');
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime(undefined)).toBe('—');
    expect(formatDate('not a date')).toBe('—');
  });
  it('shows sizes in B, KB and MB', () => {
    expect(formatSize(512)).toBe('512 B');
    expect(formatSize(2048)).toBe('2.0 KB');
    expect(formatSize(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
