/**
 * The demo's history, replayed in order. Each step is one thing a user did through the services (a
 * submission, a confirmation, a score), at the instant it happened: the seed hands that instant to the
 * services that take a clock, and the timestamps the database writes on its own (created_at, updated_at
 * defaults, clock_timestamp()) are moved to it afterwards, so histories, lists and "latest first"
 * orders read as they would have at the time.
 *
 * How the move works: the database's clock is read before and after each step; every timestamp of
 * the public tables that falls inside that window was written by the step in the present, and is
 * shifted by (step instant − window start), which keeps the order and the milliseconds between the
 * writes of one step. The clock may tick in whole milliseconds (PGlite), so the next step waits for it
 * to move past the end of the last window: windows never share an instant. Explicit instants the services were given (historical, or deadlines in the
 * future) lie outside every window and stay as written. The audit log is left alone: it records when
 * things were really written, and its rows may be chained by hash.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.js';

/** Tables whose timestamps record the real writing time and must not move. */
const UNTOUCHED = /^(audit|sessions$|login_throttle$)/;

interface Step {
  at: Date;
  order: number;
  label: string;
  run: (now: Date) => Promise<unknown>;
}

interface Window {
  from: string;
  to: string;
  deltaMs: number;
}

async function rows<T>(db: Tx, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

async function clock(db: Tx): Promise<{ at: string; ms: number }> {
  const [r] = await rows<{ at: string; ms: string | number }>(db, sql`select clock_timestamp()::text as at, (extract(epoch from clock_timestamp()) * 1000)::bigint as ms`);
  return { at: r!.at, ms: Number(r!.ms) };
}

export class DemoTimeline {
  private readonly steps: Step[] = [];

  /** `now`: the seed's present; no step may happen after it. */
  constructor(private readonly now: Date) {}

  /** Schedules a step at `at`; steps run in the order of their instants (ties in the order added). */
  add(at: Date, label: string, run: (now: Date) => Promise<unknown>): void {
    if (Number.isNaN(at.getTime())) throw new Error(`demo step "${label}" has no valid instant`);
    if (at.getTime() > this.now.getTime()) throw new Error(`demo step "${label}" (${at.toISOString()}) is after the seed's now (${this.now.toISOString()})`);
    this.steps.push({ at, order: this.steps.length, label, run });
  }

  /** Runs every step, then moves the timestamps the database wrote by itself to each step's instant. */
  async run(db: Db): Promise<void> {
    const ordered = [...this.steps].sort((a, b) => a.at.getTime() - b.at.getTime() || a.order - b.order);
    const windows: Window[] = [];
    for (const step of ordered) {
      const before = await clock(db);
      try {
        await step.run(step.at);
      } catch (err) {
        throw new Error(`demo step "${step.label}" at ${step.at.toISOString()} failed: ${(err as Error).message}`, { cause: err });
      }
      const after = await clock(db);
      windows.push({ from: before.at, to: after.at, deltaMs: step.at.getTime() - before.ms });
      // The database's clock may tick in whole milliseconds: let it move on, so that no two windows share an instant.
      while ((await clock(db)).ms <= after.ms) await new Promise((r) => setTimeout(r, 1));
    }
    await shiftTimestamps(db, windows);
  }
}

async function shiftTimestamps(db: Db, windows: readonly Window[]): Promise<void> {
  if (windows.length === 0) return;
  await db.transaction(async (tx) => {
    const columns = await rows<{ table_name: string; column_name: string }>(
      tx,
      sql`select table_name, column_name from information_schema.columns
          where table_schema = 'public' and data_type = 'timestamp with time zone'
          order by table_name, column_name`,
    );
    // One connection (the transaction's), so the temporary table is visible to every statement.
    await tx.execute(sql`create temporary table demo_windows (lo timestamptz not null, hi timestamptz not null, delta interval not null) on commit drop`);
    for (let i = 0; i < windows.length; i += 200) {
      const values = windows
        .slice(i, i + 200)
        .map((w) => sql`(${w.from}::timestamptz, ${w.to}::timestamptz, ${w.deltaMs}::bigint * interval '1 millisecond')`);
      await tx.execute(sql`insert into demo_windows (lo, hi, delta) values ${sql.join(values, sql`, `)}`);
    }
    const first = windows[0]!.from;
    const last = windows[windows.length - 1]!.to;
    for (const { table_name: table, column_name: column } of columns) {
      if (UNTOUCHED.test(table)) continue;
      const t = sql.identifier(table);
      const c = sql.identifier(column);
      await tx.execute(
        sql`update ${t} set ${c} = ${t}.${c} + w.delta from demo_windows w
            where ${t}.${c} between ${first}::timestamptz and ${last}::timestamptz and ${t}.${c} between w.lo and w.hi`,
      );
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Dates in China (UTC+8), where the programme's calendar lives.

const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The instant of a calendar day in China at a given hour (default 10:00). */
export function chinaInstant(year: number, month: number, day: number, hour = 10, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour - 8, minute));
}

/** The calendar date in China, YYYY-MM-DD. */
export function chinaDay(d: Date): string {
  return new Date(d.getTime() + 8 * HOUR).toISOString().slice(0, 10);
}

export function chinaYear(d: Date): number {
  return Number(chinaDay(d).slice(0, 4));
}

/** `days` days before `d` (after it, when negative), at the given hour in China. */
export function daysBefore(d: Date, days: number, hour = 10, minute = 0): Date {
  const day = chinaDay(new Date(d.getTime() - days * DAY));
  const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
  return chinaInstant(y, m, dd, hour, minute);
}

/** The latest year y for which `instantIn(y)` is not after `limit`. */
export function latestYearWith(limit: Date, instantIn: (year: number) => Date): number {
  let y = chinaYear(limit) + 1;
  while (instantIn(y).getTime() > limit.getTime()) y -= 1;
  return y;
}
