/**
 * Events 活动 and their action items 督办事项 as they cross the wire: the list with its filters, one
 * event with its agenda, participants, materials, minutes and items; the ministry's create / edit /
 * transition bodies; the items, their updates log, closing, reopening and reassignment.
 */
import { z } from 'zod';
import { abilitiesOf, isoDate, isoDateTime, listOf } from '../../shared/contract/wire.js';
import { ACTION_ITEM_STATUSES } from '../../shared/events/action-item-rules.js';
import { ATTENDANCE, EVENT_KINDS, EVENT_STATES, EVENT_TRANSITION_NAMES, PARTICIPANT_ROLES } from '../../shared/events/event-lifecycle.js';
import { ACTION_ITEM_ABILITIES, EVENT_ABILITIES } from '../../shared/permissions/event-scope.js';

export const OWNER_KINDS = ['ministry_planning', 'ministry_department', 'province_authority', 'city'] as const;

export const eventParams = z.object({ id: z.uuid() });
export const materialParams = z.object({ id: z.uuid(), materialId: z.uuid() });
export const itemParams = z.object({ itemId: z.uuid() });

const text = (max: number) => z.string().trim().max(max);

export const agendaItemSchema = z.object({
  time: text(40).describe('e.g. 09:00–09:30, or 第一天上午'),
  topic: text(200).min(1),
  speaker: text(100),
});

export const participantSchema = z.object({
  organisationId: z.uuid().nullable().describe('The organisation on the platform, when it has one'),
  name: text(100).min(1).describe('Organisation (or person) taking part'),
  person: text(100).describe('Who attends for it'),
  role: z.enum(PARTICIPANT_ROLES),
  attendance: z.enum(ATTENDANCE),
});

export const eventBody = z
  .object({
    kind: z.enum(EVENT_KINDS),
    title: text(200).min(1),
    startsOn: isoDate,
    endsOn: isoDate,
    place: text(200).min(1),
    hostOrganisation: text(200).min(1),
    description: text(4000).default(''),
    national: z.boolean().describe('Concerns every province and pilot city'),
    authorityIds: z.array(z.string().min(1).max(20)).max(40).default([]).describe('Provincial authorities concerned'),
    pilotIds: z.array(z.uuid()).max(100).default([]).describe('Related pilots'),
    agenda: z.array(agendaItemSchema).max(100).default([]),
    participants: z.array(participantSchema).max(500).default([]),
  })
  .describe('An event as the planning department writes it');

export const eventUpdateBody = eventBody.extend({ version: z.number().int().min(1) });
export const transitionBody = z.object({
  action: z.enum(EVENT_TRANSITION_NAMES),
  version: z.number().int().min(1),
  reason: text(1000).optional(),
});
export const minutesBody = z.object({ version: z.number().int().min(1), minutes: text(50_000) });

export const materialSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  mimeType: z.string(),
  size: z.number().int(),
  uploadedAt: isoDateTime,
});


export const actionUpdateSchema = z.object({
  id: z.uuid(),
  kind: z.string().describe('create | update | close | reopen | reassign | edit'),
  note: z.string(),
  actorName: z.string().nullable(),
  createdAt: isoDateTime,
});

export const actionItemSchema = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    eventTitle: z.string(),
    eventKind: z.enum(EVENT_KINDS),
    title: z.string(),
    description: z.string(),
    ownerOrganisationId: z.uuid(),
    ownerName: z.string(),
    deadline: isoDate,
    status: z.enum(ACTION_ITEM_STATUSES).describe('open | overdue (computed from the deadline) | done'),
    daysLeft: z.number().int().describe('Days to the deadline; negative once past'),
    closingNote: z.string().nullable(),
    closedAt: isoDateTime.nullable(),
    version: z.number().int(),
    updates: z.array(actionUpdateSchema),
    abilities: abilitiesOf(ACTION_ITEM_ABILITIES),
  })
  .describe('An action item 督办事项');

export const eventSummarySchema = z.object({
  id: z.uuid(),
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  startsOn: isoDate,
  endsOn: isoDate,
  place: z.string(),
  hostOrganisation: z.string(),
  national: z.boolean(),
  state: z.enum(EVENT_STATES),
  openItems: z.number().int(),
  overdueItems: z.number().int(),
  isDemo: z.boolean(),
});

export const eventSchema = eventSummarySchema
  .extend({
    description: z.string(),
    authorityIds: z.array(z.string()),
    authorities: z.array(z.object({ id: z.string(), name: z.string() })),
    pilots: z.array(z.object({ id: z.uuid(), name: z.string() })),
    agenda: z.array(agendaItemSchema),
    participants: z.array(participantSchema),
    materials: z.array(materialSchema),
    minutes: z.string().nullable().describe('null while the minutes are the ministry’s draft'),
    minutesPublishedAt: isoDateTime.nullable(),
    actionItems: z.array(actionItemSchema),
    history: z.array(z.object({ action: z.string(), fromState: z.string().nullable(), toState: z.string().nullable(), comment: z.string().nullable(), actorName: z.string().nullable(), at: isoDateTime })),
    version: z.number().int(),
    abilities: abilitiesOf(EVENT_ABILITIES),
  })
  .describe('An event 活动');

export const eventListQuery = z.object({
  kind: z.enum(EVENT_KINDS).optional(),
  year: z.coerce.number().int().min(2015).max(2100).optional(),
});
export const eventListSchema = listOf(eventSummarySchema).extend({
  years: z.array(z.number().int()).describe('Years that have events in scope, newest first'),
  canCreate: z.boolean(),
});

export const actionItemBody = z.object({
  title: text(300).min(1),
  description: text(4000).default(''),
  ownerOrganisationId: z.uuid(),
  deadline: isoDate,
});
export const actionItemEditBody = actionItemBody.extend({ version: z.number().int().min(1), note: text(1000).default('') });
export const actionUpdateBody = z.object({ version: z.number().int().min(1), note: text(2000) });
export const actionCloseBody = z.object({ version: z.number().int().min(1), note: text(2000).describe('The closing note 办结说明 (required)') });
export const actionReopenBody = z.object({ version: z.number().int().min(1), note: text(2000).describe('Why it is reopened (required)') });

export const actionListQuery = z.object({
  scope: z.enum(['mine', 'all']).default('mine').describe('mine: my organisation’s items; all: every item I may see'),
  status: z.enum(ACTION_ITEM_STATUSES).optional(),
  eventId: z.uuid().optional(),
});
export const actionListSchema = listOf(actionItemSchema);

export const ownerOptionsSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.enum(OWNER_KINDS) })),
  authorities: z.array(z.object({ id: z.string(), name: z.string() })),
  pilots: z.array(z.object({ id: z.uuid(), name: z.string() })),
});


export type EventBody = z.infer<typeof eventBody>;
export type EventUpdateBody = z.infer<typeof eventUpdateBody>;
export type TransitionBody = z.infer<typeof transitionBody>;
export type MinutesBody = z.infer<typeof minutesBody>;
export type EventDetail = z.infer<typeof eventSchema>;
export type EventSummary = z.infer<typeof eventSummarySchema>;
export type EventList = z.infer<typeof eventListSchema>;
export type EventListQuery = z.infer<typeof eventListQuery>;
export type ActionItem = z.infer<typeof actionItemSchema>;
export type ActionItemBody = z.infer<typeof actionItemBody>;
export type ActionItemEditBody = z.infer<typeof actionItemEditBody>;
export type ActionUpdateBody = z.infer<typeof actionUpdateBody>;
export type ActionCloseBody = z.infer<typeof actionCloseBody>;
export type ActionReopenBody = z.infer<typeof actionReopenBody>;
export type ActionListQuery = z.infer<typeof actionListQuery>;
export type ActionList = z.infer<typeof actionListSchema>;
export type OwnerOptions = z.infer<typeof ownerOptionsSchema>;
export type Material = z.infer<typeof materialSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type Participant = z.infer<typeof participantSchema>;
export type EventAbility = EventDetail['abilities'][number];
export type ActionItemAbility = ActionItem['abilities'][number];
