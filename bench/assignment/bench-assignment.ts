/**
 * Benchmark of the expert-panel assignment solver (docs/assignment.md).
 *
 *   npx tsx bench/assignment/bench-assignment.ts [options]           generated instance (default 1000 × 2000)
 *   npx tsx bench/assignment/bench-assignment.ts FILE                instance from a file (format in
 *                                                                    src/shared/review/assignment/instance-format.ts)
 * Options for the generator:
 *   --apps 1000 --experts 2000 --panel 5 --cap 4 [--varied-caps] --forbidden 0.1 --seed 1
 *   --lambda 1          balance weight λ for the generated run (file instances always use λ = 0)
 *   --objects           pass the allowed pairs as an array of objects instead of typed-array columns
 *   --write FILE        also write the generated instance to FILE (needs uniform caps)
 *
 * File instances are solved with the balance term OFF (balanceWeight 0) and no backups, so the printed
 * total cost is the plain min-cost assignment value, comparable with other solvers.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { assignPanels, greedyAssign, type AssignPanelsInput, type AssignPanelsResult } from '../../src/shared/review/assignment/assign-panels.js';
import { instanceLines, instanceToInput, parseInstance, type FileInstance } from '../../src/shared/review/assignment/instance-format.js';
import { generateInstance } from './generate-instance.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    apps: { type: 'string', default: '1000' },
    experts: { type: 'string', default: '2000' },
    panel: { type: 'string', default: '5' },
    cap: { type: 'string', default: '4' },
    'varied-caps': { type: 'boolean', default: false },
    forbidden: { type: 'string', default: '0.1' },
    seed: { type: 'string', default: '1' },
    lambda: { type: 'string', default: '1' },
    objects: { type: 'boolean', default: false },
    write: { type: 'string' },
  },
});

const MB = 1024 * 1024;
let peakRss = 0;
let peakHeap = 0;
function sample(): void {
  const m = process.memoryUsage();
  if (m.rss > peakRss) peakRss = m.rss;
  if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
}
/** Result, wall-clock ms, and this process's CPU ms (less sensitive to other load on the machine). */
function timed<T>(f: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const r = f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [r, wall, (c.user + c.system) / 1000];
}
const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(3));
function summary(label: string, r: AssignPanelsResult, ms: number, cpuMs: number): void {
  console.log(
    `${label.padEnd(32)} ${`${ms.toFixed(0)} ms`.padStart(8)} (cpu ${`${cpuMs.toFixed(0)} ms`.padStart(7)})  feasible=${r.feasible}  seats=${r.stats.seatsFilled}/${r.stats.seatsRequested}` +
      `  totalCost=${fmt(r.totalCost)}  balancePenalty=${fmt(r.balancePenalty)}  objective=${fmt(r.objective)}` +
      (r.stats.phases > 0 ? `  phases=${r.stats.phases}` : ''),
  );
}
function memoryLine(label: string): void {
  sample();
  const maxRss = process.resourceUsage().maxRSS * 1024; // kernel high-water mark (kB → bytes)
  console.log(
    `memory (${label}): peak rss (kernel high-water) ${(maxRss / MB).toFixed(0)} MB, sampled max rss ${(peakRss / MB).toFixed(0)} MB, ` +
      `sampled max heapUsed ${(peakHeap / MB).toFixed(0)} MB`,
  );
}
const onPhase = (): void => sample();

sample();
const file = positionals[0];
if (file !== undefined) {
  const [inst, parseMs] = timed(() => parseInstance(readFileSync(file)));
  console.log(`instance ${file}: A=${inst.appCount} E=${inst.expertCount} k=${inst.panelSize} cap=${inst.cap} allowed pairs=${inst.app.length} (parsed in ${parseMs.toFixed(0)} ms)`);
  console.log('balance term OFF (balanceWeight 0), no backups: totalCost is the plain min-cost assignment value');
  const input = instanceToInput(inst, { balanceWeight: 0, backups: 0 });
  const [opt, optMs, optCpu] = timed(() => assignPanels(input, { onPhase }));
  summary('min-cost flow (optimal)', opt, optMs, optCpu);
  if (!opt.feasible) console.log(`infeasible: ${opt.unfilled.length} applications short of experts, ${opt.stats.seatsRequested - opt.stats.seatsFilled} seats empty`);
  sample();
  const [greedy, greedyMs, greedyCpu] = timed(() => greedyAssign(input));
  summary('greedy baseline', greedy, greedyMs, greedyCpu);
  memoryLine('parse + solver + greedy');
} else {
  const options = {
    apps: Number(values.apps),
    experts: Number(values.experts),
    panelSize: Number(values.panel),
    cap: Number(values.cap),
    variedCaps: values['varied-caps'],
    forbidden: Number(values.forbidden),
    industries: 40,
    seed: Number(values.seed),
  };
  const lambda = Number(values.lambda);
  if (values.write !== undefined && options.variedCaps) throw new Error('--write needs uniform caps (the file format has one cap for all experts)');
  const [gen, genMs] = timed(() => generateInstance(options));
  sample();
  console.log(
    `generated ${gen.appCount} applications × ${gen.expertCount} experts, panel ${gen.panelSize}, ` +
      `${options.variedCaps ? 'caps 2–6' : `cap ${options.cap}`}, ${gen.app.length} allowed pairs ` +
      `(${((100 * gen.app.length) / (gen.appCount * gen.expertCount)).toFixed(1)}%), seed ${options.seed} in ${genMs.toFixed(0)} ms`,
  );
  const input: AssignPanelsInput = {
    applications: Array.from({ length: gen.appCount }, (_, a) => ({ id: `A${a}`, panelSize: gen.panelSize })),
    experts: Array.from({ length: gen.expertCount }, (_, e) => ({ id: `E${e}`, cap: gen.caps[e]! })),
    allowed: values.objects
      ? Array.from({ length: gen.app.length }, (_, i) => ({ app: gen.app[i]!, expert: gen.expert[i]!, cost: gen.cost[i]! }))
      : { app: gen.app, expert: gen.expert, cost: gen.cost },
    balanceWeight: lambda,
    backups: 2,
  };
  sample();
  console.log(`allowed pairs passed as ${values.objects ? 'an array of objects' : 'typed-array columns'}`);
  const [opt, optMs, optCpu] = timed(() => assignPanels(input, { onPhase }));
  summary(`min-cost flow λ=${lambda} (optimal)`, opt, optMs, optCpu);
  memoryLine('generation + solver');
  const [greedy, greedyMs, greedyCpu] = timed(() => greedyAssign(input));
  summary(`greedy baseline λ=${lambda}`, greedy, greedyMs, greedyCpu);
  if (lambda !== 0) {
    const plain = { ...input, balanceWeight: 0, backups: 0 };
    const [opt0, opt0Ms, opt0Cpu] = timed(() => assignPanels(plain, { onPhase }));
    summary('min-cost flow λ=0 (optimal)', opt0, opt0Ms, opt0Cpu);
    const [greedy0, greedy0Ms, greedy0Cpu] = timed(() => greedyAssign(plain));
    summary('greedy baseline λ=0', greedy0, greedy0Ms, greedy0Cpu);
  }
  const loads = Object.values(opt.loads);
  const hist = new Map<number, number>();
  for (const l of loads) hist.set(l, (hist.get(l) ?? 0) + 1);
  console.log(`load histogram (λ=${lambda}): ${[...hist].sort((x, y) => x[0] - y[0]).map(([l, c]) => `${l}:${c}`).join(' ')}`);
  memoryLine('after all runs (earlier graphs may not be collected yet)');
  // Written last so the string building does not inflate the solver's memory figures.
  if (values.write !== undefined) {
    const inst: FileInstance = {
      appCount: gen.appCount,
      expertCount: gen.expertCount,
      panelSize: gen.panelSize,
      cap: options.cap,
      app: gen.app,
      expert: gen.expert,
      cost: gen.cost,
    };
    const fd = openSync(values.write, 'w');
    let batch: string[] = [];
    for (const l of instanceLines(inst)) {
      batch.push(l);
      if (batch.length === 200) {
        writeSync(fd, batch.join('\n') + '\n');
        batch = [];
      }
    }
    if (batch.length > 0) writeSync(fd, batch.join('\n') + '\n');
    closeSync(fd);
    console.log(`wrote ${values.write}`);
  }
}
