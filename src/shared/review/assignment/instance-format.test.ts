import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignPanels, greedyAssign } from './assign-panels.js';
import { instanceLines, instanceToInput, parseInstance, type FileInstance } from './instance-format.js';
import { bruteForce } from './test-support.js';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const EXAMPLE = fileURLToPath(new URL('../../../../bench/assignment/example.txt', import.meta.url));

describe('instance file format', () => {
  it('parses header and per-application lines, including empty lines, CRLF and trailing blank lines', () => {
    const inst = parseInstance(bytes('3 4 2 1\r\n0:5 3:0\r\n\r\n 2:7\t1:1 \r\n\r\n'));
    expect(inst).toMatchObject({ appCount: 3, expertCount: 4, panelSize: 2, cap: 1 });
    expect([...inst.app]).toEqual([0, 0, 2, 2]);
    expect([...inst.expert]).toEqual([0, 3, 2, 1]);
    expect([...inst.cost]).toEqual([5, 0, 7, 1]);
    // Missing lines at the end mean applications without allowed experts.
    expect(parseInstance(bytes('2 2 1 1\n0:1')).app.length).toBe(1);
  });

  it('rejects malformed files with the line number', () => {
    expect(() => parseInstance(bytes('1 2 1\n'))).toThrow(/line 1/);
    expect(() => parseInstance(bytes('1 2 1 1\n0-1\n'))).toThrow(/line 2: expected 'expert:cost'/);
    expect(() => parseInstance(bytes('1 2 1 1\n0:-1\n'))).toThrow(/line 2/);
    expect(() => parseInstance(bytes('1 2 1 1\n2:1\n'))).toThrow(/out of range/);
    expect(() => parseInstance(bytes('1 2 1 1\n0:1\n1:1\n'))).toThrow(/more than 1 application lines/);
  });

  it('round-trips through instanceLines', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.array(fc.option(fc.integer({ min: 0, max: 99 }), { nil: null }), { minLength: 6, maxLength: 6 }), { maxLength: 6 }),
        (k, cap, rows) => {
          const app: number[] = [];
          const expert: number[] = [];
          const cost: number[] = [];
          rows.forEach((row, a) => row.forEach((c, e) => c !== null && (app.push(a), expert.push(e), cost.push(c))));
          const inst: FileInstance = {
            appCount: rows.length,
            expertCount: 6,
            panelSize: k,
            cap,
            app: Int32Array.from(app),
            expert: Int32Array.from(expert),
            cost: Float64Array.from(cost),
          };
          const text = [...instanceLines(inst)].join('\n') + '\n';
          expect(parseInstance(bytes(text))).toEqual(inst);
        },
      ),
      { seed: 1, numRuns: 200 },
    );
  });

  it('bench/assignment/example.txt has the known optimum 14 (greedy: 26), balance term off', () => {
    const inst = parseInstance(readFileSync(EXAMPLE));
    expect(inst).toMatchObject({ appCount: 4, expertCount: 5, panelSize: 2, cap: 2 });
    const input = instanceToInput(inst);
    expect(input.balanceWeight).toBe(0);
    const r = assignPanels(input);
    expect(r.feasible).toBe(true);
    expect(r.totalCost).toBe(14);
    expect(greedyAssign(input).totalCost).toBe(26);
    // and the number is what exhaustive search says
    const costs: (number | null)[][] = Array.from({ length: 4 }, () => new Array<number | null>(5).fill(null));
    for (let i = 0; i < inst.app.length; i++) costs[inst.app[i]!]![inst.expert[i]!] = inst.cost[i]!;
    expect(bruteForce({ panelSizes: [2, 2, 2, 2], caps: [2, 2, 2, 2, 2], costs, lambda: 0 })).toEqual({ maxSeats: 8, bestObjective: 14 });
  });
});
