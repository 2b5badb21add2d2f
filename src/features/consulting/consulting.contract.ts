/**
 * Think-tank consulting (智库咨询) as it crosses the wire: a pilot city's request on a topic, the
 * candidate experts the ministry may match (ranked by expertise, with the excluded ones and why),
 * matching, recording the service given, and closing a request that cannot be served.
 */
import { z } from 'zod';
import { abilitiesOf, isoDate, isoDateTime, listOf } from '../../shared/contract/wire.js';
import { CONFLICT_RULE_CODES } from '../../shared/review/conflicts.js';
import { CONSULTING_ACTIONS, CONSULTING_STATUSES } from '../../shared/permissions/consulting-scope.js';

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const pilotParams = z.object({ id: z.uuid() });
export const requestParams = z.object({ requestId: z.uuid() });

export const consultingBody = z
  .object({
    topic: z.string().trim().min(1).max(200),
    description: z.string().trim().min(1).max(4000),
    fields: z.array(z.string().trim().min(1).max(50)).min(1).max(10).describe('Fields of expertise wanted, e.g. 智能制造, 新材料'),
  })
  .describe('A request for think-tank consulting');

export const consultingExpertSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  organisation: z.string(),
  title: z.string(),
  fields: z.array(z.string()),
});

export const consultingSchema = z
  .object({
    id: z.uuid(),
    pilotId: z.uuid(),
    pilotName: z.string(),
    cityNames: z.array(z.string()),
    topic: z.string(),
    description: z.string(),
    fields: z.array(z.string()),
    status: z.enum(CONSULTING_STATUSES),
    experts: z.array(consultingExpertSchema).describe('The matched experts'),
    serviceRecord: z.string().nullable(),
    servedOn: isoDate.nullable(),
    version: z.number().int(),
    requestedAt: isoDateTime,
    isDemo: z.boolean(),
    abilities: abilitiesOf(CONSULTING_ACTIONS),
  })
  .describe('A consulting request');

export const consultingListQuery = z.object({ status: z.enum(CONSULTING_STATUSES).optional() });
export const consultingListSchema = listOf(consultingSchema);
export const pilotConsultingSchema = listOf(consultingSchema).extend({ canRequest: z.boolean() });

export const candidatesSchema = z
  .object({
    requestId: z.uuid(),
    candidates: z.array(
      z.object({
        expertId: z.uuid(),
        name: z.string(),
        organisation: z.string(),
        title: z.string(),
        place: z.string().describe('Province and city of the expert'),
        fields: z.array(z.string()),
        cost: z.number().describe('Expertise cost: lower is a better fit'),
        matchedFields: z.array(z.string()),
        reasons: z.array(bilingual),
        chosen: z.boolean(),
      }),
    ),
    excluded: z.array(
      z.object({
        expertId: z.uuid(),
        name: z.string(),
        organisation: z.string(),
        rules: z.array(z.enum(CONFLICT_RULE_CODES)),
        reasons: z.array(bilingual),
      }),
    ),
  })
  .describe('Experts of the pool for a request: candidates by fit, and those a conflict rule excludes');

const versioned = { version: z.number().int().min(1) };
export const matchBody = z.object({ ...versioned, expertIds: z.array(z.uuid()).min(1).max(10) });
export const serveBody = z.object({ ...versioned, servedOn: isoDate, record: z.string().trim().min(1).max(4000) });
export const closeBody = z.object({ ...versioned, comment: z.string().trim().min(1).max(1000) });

export type ConsultingBody = z.infer<typeof consultingBody>;
export type ConsultingRequest = z.infer<typeof consultingSchema>;
export type ConsultingList = z.infer<typeof consultingListSchema>;
export type PilotConsulting = z.infer<typeof pilotConsultingSchema>;
export type Candidates = z.infer<typeof candidatesSchema>;
export type MatchBody = z.infer<typeof matchBody>;
export type ServeBody = z.infer<typeof serveBody>;
export type CloseBody = z.infer<typeof closeBody>;
export type ConsultingStatus = ConsultingRequest['status'];
export type ConsultingAbility = ConsultingRequest['abilities'][number];
