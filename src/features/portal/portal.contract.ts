/**
 * The portal's publishing API as it crosses the wire (the public pages themselves are HTML, not API):
 * the ministry's list of pilots with what of each is public, publishing a pilot's page (with the plan
 * summary written for the public) or a year's progress, and withdrawing a publication.
 */
import { z } from 'zod';
import { PILOT_STATES } from '../../shared/monitoring/pilot-lifecycle.js';
import { isoDateTime, listOf } from '../../shared/contract/wire.js';
import { PUBLICATION_SUBJECTS } from '../../shared/portal/publication.js';

export const pilotParams = z.object({ id: z.uuid().describe('The pilot') });
export const publicationParams = z.object({ id: z.uuid().describe('The publication') });

export const publishBody = z.discriminatedUnion('subject', [
  z.object({
    subject: z.literal('plan').describe('The pilot\'s public page: its plan summary and targets'),
    summary: z.string().trim().min(1).max(2000).describe('实施方案摘要: the summary of the plan as the public reads it'),
  }),
  z.object({
    subject: z.literal('attainment').describe('The progress (attainment) of one year of the period'),
    year: z.number().int().min(2000).max(2100),
  }),
]);

export const publicationSchema = z.object({
  id: z.uuid(),
  pilotId: z.uuid(),
  subject: z.enum(PUBLICATION_SUBJECTS),
  year: z.number().int().nullable(),
  summary: z.string(),
  publishedAt: isoDateTime,
  publishedByName: z.string(),
  withdrawnAt: isoDateTime.nullable(),
});

export const publishingPilotSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  cityCodes: z.array(z.string()),
  state: z.enum(PILOT_STATES),
  periodStartYear: z.number().int(),
  periodEndYear: z.number().int(),
  page: publicationSchema.nullable().describe('The page publication in force, if any'),
  years: z.array(z.object({ year: z.number().int(), publication: publicationSchema.nullable() })).describe('Each year of the period and its publication in force'),
  history: z.array(publicationSchema).describe('Every publication of the pilot, withdrawn ones included, oldest first'),
  publicPath: z.string().nullable().describe('The public page, while it is published'),
});

export const publishingListSchema = listOf(publishingPilotSchema);

export type PublishBody = z.output<typeof publishBody>;
export type PublishInput = z.input<typeof publishBody>;
export type Publication = z.infer<typeof publicationSchema>;
export type PublishingPilot = z.infer<typeof publishingPilotSchema>;
export type PublishingList = z.infer<typeof publishingListSchema>;
