/**
 * Plain-text exchange format for assignment instances (used by the benchmark and to compare with other
 * solvers). Pure: bytes in, bytes/strings out; the caller does the file I/O.
 *
 *   line 1:       A E k cap              applications, experts, panel size, load cap per expert
 *   line 2 + a:   e:c e:c …              allowed experts of application a (0-based, in order), integer cost c ≥ 0
 *
 * An empty line means an application with no allowed expert; missing lines at the end mean the same.
 * Tokens are separated by spaces or tabs; CRLF line ends are accepted.
 */
import type { AssignPanelsInput } from './assign-panels.js';

export interface FileInstance {
  appCount: number;
  expertCount: number;
  panelSize: number;
  cap: number;
  /** Allowed pairs as columns, grouped by application in file order. */
  app: Int32Array;
  expert: Int32Array;
  cost: Float64Array;
}

const NL = 10;
const CR = 13;
const SP = 32;
const TAB = 9;
const COLON = 58;
const ZERO = 48;
const NINE = 57;

/** Parses the format above; throws with the line number on malformed input. */
export function parseInstance(bytes: Uint8Array): FileInstance {
  let pos = 0;
  let line = 1;
  const len = bytes.length;
  const fail = (what: string): never => {
    throw new SyntaxError(`assignment instance, line ${line}: ${what}`);
  };
  const skipBlanks = (): void => {
    while (pos < len && (bytes[pos] === SP || bytes[pos] === TAB || bytes[pos] === CR)) pos++;
  };
  const readInt = (): number => {
    const begin = pos;
    let v = 0;
    while (pos < len) {
      const b = bytes[pos]!;
      if (b < ZERO || b > NINE) break;
      v = v * 10 + (b - ZERO);
      pos++;
    }
    if (pos === begin) fail('expected a non-negative integer');
    if (!Number.isSafeInteger(v)) fail('number too large');
    return v;
  };
  const endLine = (): void => {
    skipBlanks();
    if (pos < len && bytes[pos] !== NL) fail(`unexpected character '${String.fromCharCode(bytes[pos]!)}'`);
    if (pos < len) pos++;
    line++;
  };

  const header: number[] = [];
  for (let i = 0; i < 4; i++) {
    skipBlanks();
    header.push(readInt());
  }
  endLine();
  const [appCount, expertCount, panelSize, cap] = header as [number, number, number, number];
  if (appCount > 0x7fffffff || expertCount > 0x7fffffff) fail('too many applications or experts');

  let pairs = 0;
  for (let i = pos; i < len; i++) if (bytes[i] === COLON) pairs++;
  const app = new Int32Array(pairs);
  const expert = new Int32Array(pairs);
  const cost = new Float64Array(pairs);
  let k = 0;
  for (let a = 0; a < appCount && pos < len; a++) {
    for (;;) {
      skipBlanks();
      if (pos >= len || bytes[pos] === NL) break;
      const e = readInt();
      if (bytes[pos] !== COLON) fail("expected 'expert:cost'");
      pos++;
      const c = readInt();
      if (e >= expertCount) fail(`expert ${e} out of range (E = ${expertCount})`);
      app[k] = a;
      expert[k] = e;
      cost[k] = c;
      k++;
    }
    endLine();
  }
  for (;;) {
    skipBlanks();
    if (pos >= len) break;
    if (bytes[pos] !== NL) fail(`more than ${appCount} application lines`);
    pos++;
    line++;
  }
  return { appCount, expertCount, panelSize, cap, app: app.subarray(0, k), expert: expert.subarray(0, k), cost: cost.subarray(0, k) };
}

/** The lines of the format (header first), without line ends; pairs must be grouped by application. */
export function* instanceLines(inst: FileInstance): Generator<string> {
  yield `${inst.appCount} ${inst.expertCount} ${inst.panelSize} ${inst.cap}`;
  let j = 0;
  const n = inst.app.length;
  for (let a = 0; a < inst.appCount; a++) {
    const parts: string[] = [];
    if (j < n && inst.app[j]! < a) throw new RangeError('instanceLines: pairs must be grouped by application in order');
    while (j < n && inst.app[j] === a) {
      const c = inst.cost[j]!;
      if (!Number.isInteger(c) || c < 0) throw new RangeError(`instanceLines: costs must be non-negative integers, got ${c}`);
      parts.push(`${inst.expert[j]}:${c}`);
      j++;
    }
    yield parts.join(' ');
  }
  if (j < n) throw new RangeError('instanceLines: pair with application index out of range');
}

/** The solver input for a file instance (ids are the 0-based indices as strings). */
export function instanceToInput(inst: FileInstance, options: { balanceWeight?: number; backups?: number } = {}): AssignPanelsInput {
  return {
    applications: Array.from({ length: inst.appCount }, (_, a) => ({ id: String(a), panelSize: inst.panelSize })),
    experts: Array.from({ length: inst.expertCount }, (_, e) => ({ id: String(e), cap: inst.cap })),
    allowed: { app: inst.app, expert: inst.expert, cost: inst.cost },
    balanceWeight: options.balanceWeight ?? 0,
    backups: options.backups ?? 0,
  };
}
