import { describe, expect, it } from 'vitest';
import { EVENT_KINDS } from '../../../shared/events/event-lifecycle';
import { parseEventsSearch } from './events-search';

describe('the events list search', () => {
  it('keeps a known kind and a plausible year, and drops anything else', () => {
    const kind = EVENT_KINDS[0];
    expect(parseEventsSearch({ kind, year: 2018 })).toEqual({ kind, year: 2018 });
    expect(parseEventsSearch({ year: '2019' })).toEqual({ year: 2019 });
    expect(parseEventsSearch({})).toEqual({});
    expect(parseEventsSearch({ kind: 'party', year: 2018.5 })).toEqual({});
    expect(parseEventsSearch({ kind: 1, year: '二〇一八' })).toEqual({});
    expect(parseEventsSearch({ year: 1999 })).toEqual({});
    expect(parseEventsSearch({ year: 2101, page: 2 })).toEqual({});
  });
});
