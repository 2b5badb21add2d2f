/**
 * Synthetic expert-assignment instances with a simulated expertise match (deterministic for a seed).
 *
 * Each application names 2–3 key industries out of `industries` (default 40); each expert covers 1–4
 * fields. A pair is forbidden (conflict of interest) with probability `forbidden`. Allowed pairs cost
 *   10            when no field matches,
 *   0..3          when fields match (3 − matches, less a random 0/1, floored at 0),
 * plus a random term 0..2. Caps are `cap` for every expert, or uniform in 2..6 with `variedCaps`.
 */
export interface GeneratorOptions {
  apps: number;
  experts: number;
  panelSize: number;
  cap: number;
  variedCaps: boolean;
  forbidden: number;
  industries: number;
  seed: number;
}

export interface GeneratedInstance {
  appCount: number;
  expertCount: number;
  panelSize: number;
  caps: Int32Array;
  app: Int32Array;
  expert: Int32Array;
  cost: Float64Array;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pickDistinct(rand: () => number, count: number, range: number): number[] {
  const out: number[] = [];
  while (out.length < count) {
    const x = Math.floor(rand() * range);
    if (!out.includes(x)) out.push(x);
  }
  return out;
}

export function generateInstance(o: GeneratorOptions): GeneratedInstance {
  const rand = rng(o.seed);
  const appFields = Array.from({ length: o.apps }, () => pickDistinct(rand, 2 + Math.floor(rand() * 2), o.industries));
  // Expert fields as bit masks (industries ≤ 52 fit exactly in a double's integer range; we use two 26-bit words).
  const expertLo = new Int32Array(o.experts);
  const expertHi = new Int32Array(o.experts);
  for (let e = 0; e < o.experts; e++) {
    for (const f of pickDistinct(rand, 1 + Math.floor(rand() * 4), o.industries)) {
      if (f < 26) expertLo[e]! |= 1 << f;
      else expertHi[e]! |= 1 << (f - 26);
    }
  }
  const caps = new Int32Array(o.experts);
  for (let e = 0; e < o.experts; e++) caps[e] = o.variedCaps ? 2 + Math.floor(rand() * 5) : o.cap;

  const total = o.apps * o.experts;
  const app = new Int32Array(total);
  const expert = new Int32Array(total);
  const cost = new Float64Array(total);
  let k = 0;
  for (let a = 0; a < o.apps; a++) {
    let lo = 0;
    let hi = 0;
    for (const f of appFields[a]!) {
      if (f < 26) lo |= 1 << f;
      else hi |= 1 << (f - 26);
    }
    for (let e = 0; e < o.experts; e++) {
      if (rand() < o.forbidden) continue;
      const matches = popcount(lo & expertLo[e]!) + popcount(hi & expertHi[e]!);
      const base = matches === 0 ? 10 : Math.max(0, 3 - matches - (rand() < 0.5 ? 1 : 0));
      app[k] = a;
      expert[k] = e;
      cost[k] = base + Math.floor(rand() * 3);
      k++;
    }
  }
  return {
    appCount: o.apps,
    expertCount: o.experts,
    panelSize: o.panelSize,
    caps,
    app: app.slice(0, k),
    expert: expert.slice(0, k),
    cost: cost.slice(0, k),
  };
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
