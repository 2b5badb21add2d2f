import { describe, expect, it } from 'vitest';
import { allowedFromCostFunction, assignPanels, greedyAssign, type AllowedPair, type AssignPanelsInput, type AssignPanelsResult } from './assign-panels.js';

/** Input from a cost matrix (null = forbidden). */
function input(
  costs: (number | null)[][],
  opts: { k?: number | number[]; caps?: number | number[]; lambda?: number; backups?: number } = {},
): AssignPanelsInput {
  const A = costs.length;
  const E = costs[0]?.length ?? 0;
  const allowed: AllowedPair[] = [];
  costs.forEach((row, a) => row.forEach((c, e) => c !== null && allowed.push({ app: a, expert: e, cost: c })));
  const k = opts.k ?? 1;
  const caps = opts.caps ?? 1;
  return {
    applications: Array.from({ length: A }, (_, a) => ({ id: `a${a}`, panelSize: Array.isArray(k) ? k[a]! : k })),
    experts: Array.from({ length: E }, (_, e) => ({ id: `e${e}`, cap: Array.isArray(caps) ? caps[e]! : caps })),
    allowed,
    balanceWeight: opts.lambda ?? 0,
    backups: opts.backups ?? 0,
  };
}

const panelIds = (r: AssignPanelsResult): string[][] => r.panels.map((p) => p.experts.map((x) => x.expertId).sort());

describe('assignPanels, hand-made cases with a known optimum', () => {
  it('gives up a locally cheap pick to reach the global optimum (greedy does not)', () => {
    const inp = input([
      [1, 2],
      [1, 10],
    ]);
    const opt = assignPanels(inp);
    expect(panelIds(opt)).toEqual([['e1'], ['e0']]);
    expect(opt.totalCost).toBe(3);
    expect(opt.feasible).toBe(true);
    const greedy = greedyAssign(inp);
    expect(panelIds(greedy)).toEqual([['e0'], ['e1']]);
    expect(greedy.totalCost).toBe(11);
  });

  it('trades cost against the convex balance term according to λ', () => {
    const costs = [
      [0, 3],
      [0, 2],
    ];
    // λ = 0: both on e0 (cost 0). λ = 1: still both on e0 (0 + penalty 1 < 2). λ = 3: split (2 < 3).
    const r0 = assignPanels(input(costs, { caps: 2, lambda: 0 }));
    expect(panelIds(r0)).toEqual([['e0'], ['e0']]);
    expect(r0.objective).toBe(0);
    const r1 = assignPanels(input(costs, { caps: 2, lambda: 1 }));
    expect(panelIds(r1)).toEqual([['e0'], ['e0']]);
    expect(r1).toMatchObject({ totalCost: 0, balancePenalty: 1, objective: 1 });
    const r3 = assignPanels(input(costs, { caps: 2, lambda: 3 }));
    expect(panelIds(r3)).toEqual([['e0'], ['e1']]);
    expect(r3).toMatchObject({ totalCost: 2, balancePenalty: 0, objective: 2, loads: { e0: 1, e1: 1 } });
  });

  it('charges 0 + λ + 2λ for a load of 3 and spreads load when costs tie', () => {
    const one = assignPanels(input([[5], [5], [5]], { caps: 3, lambda: 2 }));
    expect(one).toMatchObject({ totalCost: 15, balancePenalty: 6, objective: 21, loads: { e0: 3 } });
    const spread = assignPanels(input([[1, 1, 1], [1, 1, 1], [1, 1, 1]], { caps: 3, lambda: 1 }));
    expect(Object.values(spread.loads)).toEqual([1, 1, 1]);
    expect(spread.objective).toBe(3);
  });

  it('fills panels of different sizes with distinct experts', () => {
    const r = assignPanels(
      input(
        [
          [1, 2, 3, 4],
          [4, 3, 2, 1],
          [1, 1, 1, 1],
        ],
        { k: [3, 2, 0], caps: 2 },
      ),
    );
    expect(panelIds(r)).toEqual([['e0', 'e1', 'e2'], ['e2', 'e3'], []]);
    expect(r.totalCost).toBe(6 + 3);
    expect(r.panels[0]!.experts.map((x) => x.cost)).toEqual([1, 2, 3]); // cheapest first
    expect(r.feasible).toBe(true);
  });

  it('never uses a forbidden pair, even when that leaves a seat empty', () => {
    const r = assignPanels(
      input(
        [
          [null, 0],
          [null, 0],
        ],
        { caps: [5, 1] },
      ),
    );
    expect(r.feasible).toBe(false);
    expect(r.stats).toMatchObject({ seatsRequested: 2, seatsFilled: 1 });
    expect(r.panels.flatMap((p) => p.experts.map((x) => x.expertId))).toEqual(['e1']);
  });

  it('reports which applications could not be filled and by how much, with the best partial assignment', () => {
    // a0 needs 3 but only has two allowed experts; a1 needs 2 and gets them.
    const r = assignPanels(
      input(
        [
          [1, 1, null, null],
          [5, 5, 2, 2],
        ],
        { k: [3, 2], caps: 1 },
      ),
    );
    expect(r.feasible).toBe(false);
    expect(r.unfilled).toEqual([{ appId: 'a0', shortfall: 1 }]);
    expect(r.panels.map((p) => p.shortfall)).toEqual([1, 0]);
    expect(panelIds(r)).toEqual([['e0', 'e1'], ['e2', 'e3']]);
    expect(r.totalCost).toBe(6);
  });

  it('maximises filled seats first, then cost (a cheaper partial assignment is not preferred)', () => {
    // Assigning a0→e0 (cost 0) would leave a1 empty; the optimum fills both seats.
    const r = assignPanels(
      input([
        [0, 100],
        [7, null],
      ]),
    );
    expect(r.feasible).toBe(true);
    expect(panelIds(r)).toEqual([['e1'], ['e0']]);
    expect(r.totalCost).toBe(107);
  });

  it('keeps the cheapest of duplicate pairs and still uses an expert at most once per panel', () => {
    const inp: AssignPanelsInput = {
      applications: [{ id: 'x', panelSize: 2 }],
      experts: [
        { id: 'p', cap: 5 },
        { id: 'q', cap: 5 },
        { id: 'r', cap: 5 },
      ],
      allowed: [
        { app: 0, expert: 0, cost: 4 },
        { app: 0, expert: 0, cost: 1 },
        { app: 0, expert: 0, cost: 2 },
        { app: 0, expert: 1, cost: 9 },
        { app: 0, expert: 2, cost: 3 },
      ],
      balanceWeight: 0,
      backups: 1,
    };
    const r = assignPanels(inp);
    expect(r.panels[0]!.experts).toEqual([
      { expertId: 'p', cost: 1 },
      { expertId: 'r', cost: 3 },
    ]);
    expect(r.panels[0]!.backups).toEqual([{ expertId: 'q', cost: 9 }]);
    expect(r.stats.pairs).toBe(3);
  });

  it('is exact with decimal costs and a fractional λ', () => {
    const r = assignPanels(
      input(
        [
          [0.1, 0.35],
          [0.1, 0.7],
        ],
        { caps: 2, lambda: 0.5 },
      ),
    );
    // both on e0: 0.2 + 0.5 = 0.7; a0→e1, a1→e0: 0.45 (optimal); a0→e0, a1→e1: 0.8.
    expect(panelIds(r)).toEqual([['e1'], ['e0']]);
    expect(r.objective).toBeCloseTo(0.45, 12);
  });

  it('accepts typed-array columns, unsorted pairs and a cost function with the same answer', () => {
    const costs = [
      [3, 1, null, 2],
      [1, null, 4, 4],
      [2, 2, 2, null],
    ];
    const base = input(costs, { k: 2, caps: 2, lambda: 1, backups: 1 });
    const expected = assignPanels(base);
    const shuffled = [...(base.allowed as AllowedPair[])].reverse();
    expect(assignPanels({ ...base, allowed: shuffled })).toEqual(expected);
    const cols = allowedFromCostFunction(3, 4, (a, e) => costs[a]![e]!);
    expect(cols.app.length).toBe(9);
    expect(assignPanels({ ...base, allowed: cols })).toEqual(expected);
    expect(expected.objective).toBe(expected.totalCost + expected.balancePenalty);
  });

  it('proposes backups from the capacity left over, cheapest first, reserving it', () => {
    // Main panels: a0 → e0, a1 → e1 (each cap 1 except e2 with cap 1 and e3 with cap 2).
    const r = assignPanels(
      input(
        [
          [0, 5, 1, 2],
          [5, 0, 1, 3],
        ],
        { caps: [1, 1, 1, 2], backups: 2 },
      ),
    );
    expect(panelIds(r)).toEqual([['e0'], ['e1']]);
    // Round 1: a0 takes e2 (cost 1, reserving its only unit); a1 cannot have e2 any more → e3 (3).
    // Round 2: a0 takes e3 (2, its last unit); a1 has nothing left (e0 is full).
    expect(r.panels[0]!.backups).toEqual([
      { expertId: 'e2', cost: 1 },
      { expertId: 'e3', cost: 2 },
    ]);
    expect(r.panels[1]!.backups).toEqual([{ expertId: 'e3', cost: 3 }]);
    expect(r.loads).toEqual({ e0: 1, e1: 1, e2: 0, e3: 0 }); // backups are not load
  });

  it('handles empty inputs', () => {
    const r = assignPanels({ applications: [], experts: [], allowed: [] });
    expect(r).toMatchObject({ panels: [], totalCost: 0, feasible: true, loads: {} });
    const noExperts = assignPanels({ applications: [{ id: 'a', panelSize: 1 }], experts: [], allowed: [] });
    expect(noExperts.unfilled).toEqual([{ appId: 'a', shortfall: 1 }]);
  });

  it('rejects malformed input', () => {
    const ok = input([[1]]);
    expect(() => assignPanels({ ...ok, allowed: [{ app: 0, expert: 1, cost: 1 }] })).toThrow(/expert index/);
    expect(() => assignPanels({ ...ok, allowed: [{ app: 1, expert: 0, cost: 1 }] })).toThrow(/application index/);
    expect(() => assignPanels({ ...ok, allowed: [{ app: 0, expert: 0, cost: -1 }] })).toThrow(/cost/);
    expect(() => assignPanels({ ...ok, allowed: [{ app: 0, expert: 0, cost: NaN }] })).toThrow(/cost/);
    expect(() => assignPanels({ ...ok, balanceWeight: -1 })).toThrow(/balanceWeight/);
    expect(() => assignPanels({ ...ok, backups: 1.5 })).toThrow(/backups/);
    expect(() => assignPanels({ ...ok, applications: [{ id: 'a', panelSize: -1 }] })).toThrow(/panelSize/);
    expect(() => assignPanels({ ...ok, experts: [{ id: 'e', cap: 0.5 }] })).toThrow(/cap/);
    expect(() => assignPanels({ ...ok, experts: [{ id: 'e', cap: 1 }, { id: 'e', cap: 1 }] })).toThrow(/duplicate expert/);
    expect(() => assignPanels({ ...ok, allowed: { app: [0], expert: [0, 0], cost: [1] } })).toThrow(/equal lengths/);
  });
});
