import { describe, expect, it } from 'vitest';
import { availableTransitions, CASE_LIFECYCLE, CASE_STATES, CASE_TRANSITIONS, decideCaseTransition, isEditable, missingForReview, type CaseContent, type CaseSide } from './case-lifecycle';

const full: CaseContent = { title: '宁波智能制造', summary: '摘要', body: '正文', cityTypes: [], regions: ['east'], industries: ['equipment'], themes: ['smart_manufacturing'] };
const author: CaseSide[] = ['author'];
const editor: CaseSide[] = ['editor'];

describe('the case lifecycle table', () => {
  it('runs draft → submitted → under review → published, with return and unpublish', () => {
    const path: [string, (typeof CASE_TRANSITIONS)[number], CaseSide[], string][] = [
      ['draft', 'submit', author, 'submitted'],
      ['submitted', 'start_review', editor, 'under_review'],
      ['under_review', 'publish', editor, 'published'],
      ['published', 'unpublish', editor, 'unpublished'],
      ['unpublished', 'submit', author, 'submitted'],
      ['submitted', 'return', editor, 'returned'],
      ['under_review', 'return', editor, 'returned'],
      ['returned', 'submit', author, 'submitted'],
    ];
    for (const [state, action, sides, to] of path) {
      expect(decideCaseTransition(action, { state: state as never, sides, comment: '理由', content: full }), `${state} ${action}`).toEqual({ ok: true, to });
    }
  });

  it('gives every action to one side only: the author submits, the editorial office does the rest', () => {
    for (const action of CASE_TRANSITIONS) {
      const rule = CASE_LIFECYCLE[action];
      const other: CaseSide[] = rule.side === 'author' ? editor : author;
      expect(decideCaseTransition(action, { state: rule.from[0]!, sides: other, comment: '理由', content: full })).toEqual({ ok: false, reason: 'not_allowed' });
      expect(decideCaseTransition(action, { state: rule.from[0]!, sides: [], comment: '理由', content: full })).toEqual({ ok: false, reason: 'not_allowed' });
    }
    expect(CASE_TRANSITIONS.filter((a) => CASE_LIFECYCLE[a].side === 'author')).toEqual(['submit']);
  });

  it('refuses an action from any state it does not start from', () => {
    for (const action of CASE_TRANSITIONS) {
      const rule = CASE_LIFECYCLE[action];
      for (const state of CASE_STATES.filter((s) => !rule.from.includes(s))) {
        expect(decideCaseTransition(action, { state, sides: ['author', 'editor'], comment: '理由', content: full }), `${state} ${action}`).toEqual({ ok: false, reason: 'invalid_state' });
      }
    }
    // A published case is never published again, nor republished unreviewed once unpublished.
    expect(decideCaseTransition('publish', { state: 'unpublished', sides: editor, content: full })).toEqual({ ok: false, reason: 'invalid_state' });
    expect(decideCaseTransition('publish', { state: 'submitted', sides: editor, content: full })).toEqual({ ok: false, reason: 'invalid_state' });
  });

  it('needs a reason to return or unpublish', () => {
    for (const [action, state] of [['return', 'submitted'], ['return', 'under_review'], ['unpublish', 'published']] as const) {
      for (const comment of [undefined, '', '   ']) expect(decideCaseTransition(action, { state, sides: editor, comment, content: full })).toEqual({ ok: false, reason: 'comment_required' });
    }
    expect(decideCaseTransition('publish', { state: 'under_review', sides: editor, content: full })).toEqual({ ok: true, to: 'published' });
  });

  it('submits and publishes complete cases only, naming what is missing', () => {
    expect(missingForReview(full)).toEqual([]);
    const empty: CaseContent = { title: ' ', summary: '', body: '\n', cityTypes: [], regions: [], industries: [], themes: [] };
    expect(missingForReview(empty)).toEqual(['title', 'summary', 'body', 'regions', 'industries', 'themes']);
    expect(decideCaseTransition('submit', { state: 'draft', sides: author, content: { ...full, themes: [] } })).toEqual({ ok: false, reason: 'incomplete', missing: ['themes'] });
    expect(decideCaseTransition('publish', { state: 'under_review', sides: editor, content: { ...full, body: '' } })).toEqual({ ok: false, reason: 'incomplete', missing: ['body'] });
    // City types are optional.
    expect(decideCaseTransition('submit', { state: 'draft', sides: author, content: { ...full, cityTypes: [] } }).ok).toBe(true);
  });

  it('lets the author edit a draft, a returned and an unpublished case only', () => {
    expect(CASE_STATES.filter(isEditable)).toEqual(['draft', 'returned', 'unpublished']);
  });

  it('lists the transitions a side may take from a state', () => {
    expect(availableTransitions('draft', author)).toEqual(['submit']);
    expect(availableTransitions('draft', editor)).toEqual([]);
    expect(availableTransitions('submitted', editor)).toEqual(['start_review', 'return']);
    expect(availableTransitions('under_review', editor)).toEqual(['return', 'publish']);
    expect(availableTransitions('published', ['author', 'editor'])).toEqual(['unpublish']);
    expect(availableTransitions('unpublished', ['author', 'editor'])).toEqual(['submit']);
  });
});
