/**
 * The pilots API as it crosses the wire: the list of pilot cities in the user's scope, one pilot
 * with the targets frozen at approval, and the approval reply (批复) downloads. The routes validate
 * and serialise with these schemas; the web takes its types from them (type-only imports).
 */
import { z } from 'zod';
import { abilitiesOf, isoDate, isoDateTime, listOf } from '../../shared/contract/wire.js';
import { PILOT_ACTIONS } from '../../shared/permissions/pilot-scope.js';
import { targetSchema } from '../../shared/plan/plan-schema.js';

export const pilotParams = z.object({ id: z.uuid() });

export const pilotSchema = z
  .object({
    id: z.uuid(),
    applicationId: z.uuid(),
    name: z.string(),
    cityCodes: z.array(z.string()),
    cityNames: z.array(z.string()),
    documentNo: z.string().describe('批复文号, e.g. 工信部规函〔2016〕901号'),
    approvalDate: isoDate.describe('The date printed on the approval reply'),
    periodStartYear: z.number().int(),
    periodEndYear: z.number().int(),
    filedAt: isoDateTime.describe('Filed with the national leading group'),
    targetCount: z.number().int(),
    isDemo: z.boolean(),
    abilities: abilitiesOf(PILOT_ACTIONS),
  })
  .describe('A pilot city (试点城市)');

export const pilotListSchema = listOf(pilotSchema);

export const pilotDetailSchema = pilotSchema
  .extend({ targets: z.array(targetSchema).describe('The approved plan\'s targets, frozen at approval') })
  .describe('A pilot city with its frozen target contract');

export type Pilot = z.infer<typeof pilotSchema>;
export type PilotList = z.infer<typeof pilotListSchema>;
export type PilotDetail = z.infer<typeof pilotDetailSchema>;
export type PilotAbility = Pilot['abilities'][number];
