/**
 * Expert-panel assignment for the ministry review (专家评审分组): every application gets exactly its panel
 * size of distinct experts, no expert exceeds their load cap, conflicted (forbidden) pairs are never used,
 * and the combined objective
 *
 *     Σ c(a,e) over assigned pairs  +  λ · Σ_e L_e·(L_e − 1)/2        (L_e = load of expert e)
 *
 * is minimised exactly among the assignments that fill as many seats as possible. The second term is the
 * convex load-balance penalty: the j-th application given to an expert costs an extra λ·(j−1).
 *
 * Model (min-cost flow, see docs/assignment.md):
 *   source → application a   capacity k_a, cost 0
 *   application a → expert e  capacity 1,   cost c(a,e)        (only allowed pairs; at most once per panel)
 *   expert e → sink           cap_e parallel unit arcs with costs 0, λ, 2λ, …  (one arc of capacity cap_e if λ = 0)
 * Because the unit arcs of an expert have non-decreasing costs, a min-cost flow may be taken to fill them
 * in order, so a load of L costs exactly λ·(0+1+…+(L−1)); an integral min-cost maximum flow is therefore an
 * optimal assignment for the combined objective.
 *
 * Backups are proposed afterwards by a greedy pass over the capacity the main assignment left free; they
 * are not part of the optimality claim.
 *
 * Pure: no I/O. Costs and λ may be non-integers: they are scaled by a power of ten (at most 10^6) to integers
 * internally, so the solver stays exact; values with more than 6 decimals are rounded to 10^-6 first.
 */
import { MinCostFlow, type PhaseInfo } from './min-cost-flow.js';

export interface AllowedPair {
  /** Index into `applications`. */
  app: number;
  /** Index into `experts`. */
  expert: number;
  /** ≥ 0, lower is better. */
  cost: number;
}

/** The same pairs as parallel columns (typed arrays keep 2 M pairs cheap in memory). */
export interface AllowedColumns {
  app: ArrayLike<number>;
  expert: ArrayLike<number>;
  cost: ArrayLike<number>;
}

export interface AssignPanelsInput {
  applications: readonly { id: string; panelSize: number }[];
  experts: readonly { id: string; cap: number }[];
  /** Allowed pairs with their costs; any pair not listed is forbidden (conflict of interest). Duplicates keep the cheapest. */
  allowed: readonly AllowedPair[] | AllowedColumns;
  /** λ of the convex load penalty; default 1. 0 turns balancing off. */
  balanceWeight?: number;
  /** Backups proposed per application; default 2. */
  backups?: number;
}

export interface AssignedExpert {
  expertId: string;
  cost: number;
}

export interface PanelResult {
  appId: string;
  /** Panel members, cheapest first. */
  experts: AssignedExpert[];
  /** Backup experts, cheapest first (not part of the optimality claim). */
  backups: AssignedExpert[];
  /** Seats left empty: panelSize − experts.length. */
  shortfall: number;
}

export interface AssignPanelsResult {
  panels: PanelResult[];
  /** Σ c(a,e) over assigned pairs. */
  totalCost: number;
  /** λ · Σ_e L_e(L_e − 1)/2. */
  balancePenalty: number;
  /** totalCost + balancePenalty: the quantity the solver minimises. */
  objective: number;
  /** Every panel completely filled. */
  feasible: boolean;
  /** Applications with empty seats and how many (empty when feasible). */
  unfilled: { appId: string; shortfall: number }[];
  /** Panel load per expert id (backups not counted). */
  loads: Record<string, number>;
  stats: { seatsRequested: number; seatsFilled: number; pairs: number; phases: number };
}

export interface AssignPanelsOptions {
  /** Progress hook, called after each Dijkstra phase of the flow solver. */
  onPhase?: (info: PhaseInfo) => void;
}

/** Builds the sparse allowed list from a cost function (null = forbidden). */
export function allowedFromCostFunction(
  appCount: number,
  expertCount: number,
  cost: (app: number, expert: number) => number | null,
): AllowedColumns {
  const app: number[] = [];
  const expert: number[] = [];
  const costs: number[] = [];
  for (let a = 0; a < appCount; a++) {
    for (let e = 0; e < expertCount; e++) {
      const c = cost(a, e);
      if (c === null) continue;
      app.push(a);
      expert.push(e);
      costs.push(c);
    }
  }
  return { app: Int32Array.from(app), expert: Int32Array.from(expert), cost: Float64Array.from(costs) };
}

/** Validated problem with allowed pairs grouped by application and de-duplicated. */
interface Problem {
  appIds: string[];
  expertIds: string[];
  panelSize: Int32Array;
  cap: Int32Array;
  lambda: number;
  backups: number;
  /** Pairs of application a are pairStart[a] .. pairStart[a+1]-1. */
  pairStart: Int32Array;
  pairExpert: ArrayLike<number>;
  pairCost: ArrayLike<number>;
}

const MAX_SCALE = 1_000_000;

function normalise(input: AssignPanelsInput): Problem {
  const A = input.applications.length;
  const E = input.experts.length;
  const appIds: string[] = [];
  const panelSize = new Int32Array(A);
  const seenApp = new Set<string>();
  input.applications.forEach((app, i) => {
    if (typeof app.id !== 'string') throw new TypeError(`applications[${i}].id must be a string`);
    if (seenApp.has(app.id)) throw new RangeError(`duplicate application id ${app.id}`);
    seenApp.add(app.id);
    if (!Number.isInteger(app.panelSize) || app.panelSize < 0 || app.panelSize > 1e6) {
      throw new RangeError(`applications[${i}].panelSize must be a non-negative integer`);
    }
    appIds.push(app.id);
    panelSize[i] = app.panelSize;
  });
  const expertIds: string[] = [];
  const cap = new Int32Array(E);
  const seenExpert = new Set<string>();
  input.experts.forEach((ex, i) => {
    if (typeof ex.id !== 'string') throw new TypeError(`experts[${i}].id must be a string`);
    if (seenExpert.has(ex.id)) throw new RangeError(`duplicate expert id ${ex.id}`);
    seenExpert.add(ex.id);
    if (!Number.isInteger(ex.cap) || ex.cap < 0 || ex.cap > 1e6) throw new RangeError(`experts[${i}].cap must be a non-negative integer`);
    expertIds.push(ex.id);
    cap[i] = ex.cap;
  });
  const lambda = input.balanceWeight ?? 1;
  if (!Number.isFinite(lambda) || lambda < 0) throw new RangeError('balanceWeight must be a finite number ≥ 0');
  const backups = input.backups ?? 2;
  if (!Number.isInteger(backups) || backups < 0) throw new RangeError('backups must be a non-negative integer');

  let cols: AllowedColumns;
  if (Array.isArray(input.allowed)) {
    const list = input.allowed as readonly AllowedPair[];
    const n = list.length;
    const app = new Int32Array(n);
    const expert = new Int32Array(n);
    const cost = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = list[i]!;
      checkPair(p.app, p.expert, p.cost, A, E, i);
      app[i] = p.app;
      expert[i] = p.expert;
      cost[i] = p.cost;
    }
    cols = { app, expert, cost };
  } else {
    cols = input.allowed as AllowedColumns;
    const n = cols.app.length;
    if (cols.expert.length !== n || cols.cost.length !== n) throw new RangeError('allowed columns must have equal lengths');
    for (let i = 0; i < n; i++) checkPair(cols.app[i]!, cols.expert[i]!, cols.cost[i]!, A, E, i);
  }

  // Canonical order (application, then expert) so the answer never depends on the input order; duplicate
  // (application, expert) pairs keep the cheapest cost. Input already strictly in that order is used as is.
  const n = cols.app.length;
  let canonical = true;
  for (let i = 1; i < n && canonical; i++) {
    const da = cols.app[i]! - cols.app[i - 1]!;
    canonical = da > 0 || (da === 0 && cols.expert[i]! > cols.expert[i - 1]!);
  }
  if (canonical) {
    const pairStart = new Int32Array(A + 1);
    for (let i = 0; i < n; i++) pairStart[cols.app[i]! + 1]!++;
    for (let a = 0; a < A; a++) pairStart[a + 1] = pairStart[a + 1]! + pairStart[a]!;
    return { appIds, expertIds, panelSize, cap, lambda, backups, pairStart, pairExpert: cols.expert, pairCost: cols.cost };
  }
  // LSD radix sort: stable counting sort by expert, then by application.
  const byExpert = countingOrder(n, E, (i) => cols.expert[i]!, null);
  const order = countingOrder(n, A, (i) => cols.app[i]!, byExpert);
  const pairStart = new Int32Array(A + 1);
  const pairExpert = new Int32Array(n);
  const pairCost = new Float64Array(n);
  let k = 0;
  let prevApp = -1;
  let prevExpert = -1;
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    const a = cols.app[i]!;
    const e = cols.expert[i]!;
    const c = cols.cost[i]!;
    if (a === prevApp && e === prevExpert) {
      if (c < pairCost[k - 1]!) pairCost[k - 1] = c;
      continue;
    }
    for (let x = prevApp + 1; x <= a; x++) pairStart[x] = k;
    prevApp = a;
    prevExpert = e;
    pairExpert[k] = e;
    pairCost[k] = c;
    k++;
  }
  for (let x = prevApp + 1; x <= A; x++) pairStart[x] = k;
  return {
    appIds,
    expertIds,
    panelSize,
    cap,
    lambda,
    backups,
    pairStart,
    pairExpert: pairExpert.subarray(0, k),
    pairCost: pairCost.subarray(0, k),
  };
}

/** Stable counting sort of the items `within` (or 0..n-1) by key(i) in [0, range). */
function countingOrder(n: number, range: number, key: (i: number) => number, within: Int32Array | null): Int32Array {
  const count = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) count[key(i) + 1]!++;
  for (let r = 0; r < range; r++) count[r + 1] = count[r + 1]! + count[r]!;
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = within ? within[j]! : j;
    out[count[key(i)]!++] = i;
  }
  return out;
}

function checkPair(app: number, expert: number, cost: number, A: number, E: number, i: number): void {
  if (!Number.isInteger(app) || app < 0 || app >= A) throw new RangeError(`allowed[${i}].app ${app} is not an application index`);
  if (!Number.isInteger(expert) || expert < 0 || expert >= E) throw new RangeError(`allowed[${i}].expert ${expert} is not an expert index`);
  if (!Number.isFinite(cost) || cost < 0) throw new RangeError(`allowed[${i}].cost must be a finite number ≥ 0, got ${cost}`);
}

function isNearInteger(x: number): boolean {
  return Math.abs(x - Math.round(x)) <= 1e-9 * Math.max(1, Math.abs(x));
}

/**
 * Smallest power of ten (≤ 10^6) that turns every cost and λ into an integer, so the flow solver stays
 * exact. Values with more than 6 decimals are rounded to 10^-6 (the optimum is then exact for the rounded
 * values).
 */
function integerScale(p: Problem): number {
  let scale = 1;
  const bump = (x: number): void => {
    while (scale < MAX_SCALE && !isNearInteger(x * scale)) scale *= 10;
  };
  bump(p.lambda);
  const c = p.pairCost;
  for (let i = 0; i < c.length && scale < MAX_SCALE; i++) {
    const x = c[i]!;
    if (!Number.isInteger(x)) bump(x);
  }
  return scale;
}

function penalty(lambda: number, load: Int32Array): number {
  let s = 0;
  for (let e = 0; e < load.length; e++) s += (load[e]! * (load[e]! - 1)) / 2;
  return lambda * s;
}

/** Builds the result from the chosen pair indices per application. */
function finish(p: Problem, chosen: number[][], load: Int32Array, phases: number): AssignPanelsResult {
  const A = p.appIds.length;
  const byCost = (x: number, y: number): number => p.pairCost[x]! - p.pairCost[y]! || p.pairExpert[x]! - p.pairExpert[y]!;
  for (const list of chosen) list.sort(byCost);
  const backups = proposeBackups(p, chosen, load);
  const toEntry = (j: number): AssignedExpert => ({ expertId: p.expertIds[p.pairExpert[j]!]!, cost: p.pairCost[j]! });
  let totalCost = 0;
  let filled = 0;
  let requested = 0;
  const panels: PanelResult[] = [];
  const unfilled: { appId: string; shortfall: number }[] = [];
  for (let a = 0; a < A; a++) {
    const list = chosen[a]!;
    for (const j of list) totalCost += p.pairCost[j]!;
    const shortfall = p.panelSize[a]! - list.length;
    filled += list.length;
    requested += p.panelSize[a]!;
    if (shortfall > 0) unfilled.push({ appId: p.appIds[a]!, shortfall });
    panels.push({ appId: p.appIds[a]!, experts: list.map(toEntry), backups: backups[a]!.map(toEntry), shortfall });
  }
  const balancePenalty = penalty(p.lambda, load);
  return {
    panels,
    totalCost,
    balancePenalty,
    objective: totalCost + balancePenalty,
    feasible: unfilled.length === 0,
    unfilled,
    loads: Object.fromEntries(p.expertIds.map((id, e) => [id, load[e]!])),
    stats: { seatsRequested: requested, seatsFilled: filled, pairs: p.pairExpert.length, phases },
  };
}

/**
 * Greedy backups over the capacity left after the main assignment, in rounds: round r gives every
 * application (in input order) its r-th backup — the cheapest allowed expert not on its panel and not
 * already its backup whose spare capacity (cap − load − backup reservations) is positive; ties go to the
 * less committed expert, then the lower index. Each backup reserves one unit of spare capacity, so any
 * combination of backups can be called in without breaking a cap.
 */
function proposeBackups(p: Problem, chosen: number[][], load: Int32Array): number[][] {
  const A = p.appIds.length;
  const E = p.expertIds.length;
  const result: number[][] = Array.from({ length: A }, () => []);
  if (p.backups === 0) return result;
  const committed = Int32Array.from(load);
  const mark = new Int32Array(E).fill(-1);
  let stampValue = 0;
  for (let round = 0; round < p.backups; round++) {
    for (let a = 0; a < A; a++) {
      const stampNow = stampValue++;
      for (const j of chosen[a]!) mark[p.pairExpert[j]!] = stampNow;
      for (const j of result[a]!) mark[p.pairExpert[j]!] = stampNow;
      let best = -1;
      for (let j = p.pairStart[a]!; j < p.pairStart[a + 1]!; j++) {
        const e = p.pairExpert[j]!;
        if (mark[e] === stampNow || committed[e]! >= p.cap[e]!) continue;
        if (best < 0) {
          best = j;
          continue;
        }
        const d = p.pairCost[j]! - p.pairCost[best]!;
        const be = p.pairExpert[best]!;
        if (d < 0 || (d === 0 && (committed[e]! < committed[be]! || (committed[e] === committed[be] && e < be)))) best = j;
      }
      if (best >= 0) {
        result[a]!.push(best);
        committed[p.pairExpert[best]!]!++;
      }
    }
  }
  return result;
}

/** Optimal assignment by min-cost flow (see the module comment). */
export function assignPanels(input: AssignPanelsInput, options: AssignPanelsOptions = {}): AssignPanelsResult {
  const p = normalise(input);
  const A = p.appIds.length;
  const E = p.expertIds.length;
  const P = p.pairExpert.length;
  const scale = integerScale(p);
  const lambdaScaled = Math.round(p.lambda * scale);

  // Useful units per expert: no more than the cap, nor than the applications allowing the expert.
  const degree = new Int32Array(E);
  for (let j = 0; j < P; j++) degree[p.pairExpert[j]!]!++;
  let sinkArcs = 0;
  let maxUnits = 0;
  for (let e = 0; e < E; e++) {
    const units = Math.min(p.cap[e]!, degree[e]!);
    if (units > maxUnits) maxUnits = units;
    sinkArcs += lambdaScaled === 0 ? (units > 0 ? 1 : 0) : units;
  }
  let demand = 0;
  for (let a = 0; a < A; a++) demand += p.panelSize[a]!;
  let maxCost = lambdaScaled * Math.max(0, maxUnits - 1);
  for (let j = 0; j < P; j++) maxCost = Math.max(maxCost, Math.round(p.pairCost[j]! * scale));
  const nodes = A + E + 2;
  // Potentials stay below nodes·maxCost and the flow's cost below demand·2·maxCost: keep both exact.
  if (Math.max(nodes, demand + 1) * (maxCost + 1) * 4 > Number.MAX_SAFE_INTEGER) {
    throw new RangeError('costs too large for exact arithmetic; scale them down');
  }

  const source = 0;
  const sink = nodes - 1;
  const appNode = (a: number): number => 1 + a;
  const expertNode = (e: number): number => 1 + A + e;
  // Exact arc counts per node let the solver write its CSR arrays directly (no staging copy).
  const arcsPerNode = new Int32Array(nodes);
  arcsPerNode[source] = A;
  arcsPerNode[sink] = sinkArcs;
  for (let a = 0; a < A; a++) arcsPerNode[appNode(a)] = 1 + p.pairStart[a + 1]! - p.pairStart[a]!;
  for (let e = 0; e < E; e++) {
    const units = Math.min(p.cap[e]!, degree[e]!);
    arcsPerNode[expertNode(e)] = degree[e]! + (lambdaScaled === 0 ? (units > 0 ? 1 : 0) : units);
  }
  const mcf = new MinCostFlow(nodes, { expectedEdges: A + P + sinkArcs, arcsPerNode });
  mcf.onPhase = options.onPhase;
  for (let a = 0; a < A; a++) mcf.addEdge(source, appNode(a), p.panelSize[a]!, 0);
  const firstPairEdge = A;
  for (let a = 0; a < A; a++) {
    const u = appNode(a);
    for (let j = p.pairStart[a]!; j < p.pairStart[a + 1]!; j++) {
      mcf.addEdge(u, expertNode(p.pairExpert[j]!), 1, Math.round(p.pairCost[j]! * scale));
    }
  }
  for (let e = 0; e < E; e++) {
    const units = Math.min(p.cap[e]!, degree[e]!);
    if (units === 0) continue;
    if (lambdaScaled === 0) mcf.addEdge(expertNode(e), sink, units, 0);
    else for (let j = 0; j < units; j++) mcf.addEdge(expertNode(e), sink, 1, lambdaScaled * j);
  }
  const { phases } = mcf.solve(source, sink);

  const chosen: number[][] = Array.from({ length: A }, () => []);
  const load = new Int32Array(E);
  for (let a = 0; a < A; a++) {
    for (let j = p.pairStart[a]!; j < p.pairStart[a + 1]!; j++) {
      if (mcf.flowOf(firstPairEdge + j) > 0) {
        chosen[a]!.push(j);
        load[p.pairExpert[j]!]!++;
      }
    }
  }
  return finish(p, chosen, load, phases);
}

/**
 * Greedy baseline: applications in input order each take their cheapest allowed experts with remaining
 * capacity (ties: lower expert index). Not optimal; for comparison only. Same result shape (objective
 * includes the balance penalty with the same λ so the two are comparable).
 */
export function greedyAssign(input: AssignPanelsInput): AssignPanelsResult {
  const p = normalise(input);
  const A = p.appIds.length;
  const E = p.expertIds.length;
  const remaining = Int32Array.from(p.cap);
  const load = new Int32Array(E);
  const taken = new Int32Array(E).fill(-1);
  const chosen: number[][] = Array.from({ length: A }, () => []);
  for (let a = 0; a < A; a++) {
    for (let seat = 0; seat < p.panelSize[a]!; seat++) {
      let best = -1;
      for (let j = p.pairStart[a]!; j < p.pairStart[a + 1]!; j++) {
        const e = p.pairExpert[j]!;
        if (taken[e] === a || remaining[e]! <= 0) continue;
        if (best < 0 || p.pairCost[j]! < p.pairCost[best]! || (p.pairCost[j] === p.pairCost[best] && e < p.pairExpert[best]!)) best = j;
      }
      if (best < 0) break;
      const e = p.pairExpert[best]!;
      taken[e] = a;
      remaining[e]!--;
      load[e]!++;
      chosen[a]!.push(best);
    }
  }
  return finish(p, chosen, load, 0);
}
