/**
 * The server's clock. Every rule that depends on the date (deadlines, due reports, overdue
 * flags) reads it from here, so tests can move time forward without waiting.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** A clock for tests: starts at `start` and moves only when told. */
export function manualClock(start: Date): Clock & { set(d: Date): void; advanceDays(days: number): void } {
  let now = new Date(start);
  const clock = (() => new Date(now)) as Clock & { set(d: Date): void; advanceDays(days: number): void };
  clock.set = (d) => void (now = new Date(d));
  clock.advanceDays = (days) => void (now = new Date(now.getTime() + days * 86_400_000));
  return clock;
}

/** Today's date in China (UTC+8) as YYYY-MM-DD: deadlines are calendar dates there. */
export function chinaDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The app's clock (systemClock in production, a manual clock in tests). */
    clock: Clock;
  }
}
