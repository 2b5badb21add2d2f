/**
 * The pilot's states, without the rest of the lifecycle module: the web's route tree reads them to parse
 * URL filters, and this file keeps zod (which the lifecycle's schedule schema needs) off pages that do not
 * validate with it. The lifecycle table is in pilot-lifecycle.ts, which re-exports these.
 */
export const PILOT_STATES = ['implementation', 'midterm', 'summary', 'completed', 'rectification', 'suspended', 'cancelled'] as const;
export type PilotState = (typeof PILOT_STATES)[number];
