/**
 * The expert record as clients send it (API body) and as the import produces it: one zod schema,
 * so the form, the API and the Excel import agree on the limits. Division codes are checked
 * against the reference data separately (expert-places.ts), since zod cannot see it.
 */
import { z } from 'zod';
import { EXPERT_LIMITS as L, ORGANISATION_TYPES, RELATION_KINDS } from './expert-labels.js';

const code = z.string().regex(/^\d{6}$/, 'a 6-digit GB/T 2260 code');

/** Whether a text is an email address (the same rule for the API and the import). */
export function isEmail(text: string): boolean {
  return z.email().safeParse(text).success;
}

/** Separators people put between fields of expertise (装备制造、新材料). */
export const FIELD_SEPARATORS = /[、,，;；/／\n\r]+/;

/** Fields of expertise: entries split at separators, trimmed, without empty entries or repeats, in order. */
export function distinctFields(fields: readonly string[]): string[] {
  const all = fields.flatMap((f) => f.split(FIELD_SEPARATORS)).map((f) => f.trim());
  return [...new Set(all.filter((f) => f.length > 0))];
}

export const relationSchema = z.object({
  cityCode: code,
  kind: z.enum(RELATION_KINDS),
  note: z.string().trim().max(L.noteMax).default(''),
});

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const expertInputSchema = z.object({
  name: z.string().trim().min(1).max(L.nameMax),
  organisation: z.string().trim().min(1).max(L.organisationMax),
  organisationType: z.enum(ORGANISATION_TYPES).default('other'),
  title: z.string().trim().max(L.titleMax).default(''),
  provinceCode: code,
  cityCode: code.nullish().transform((v) => v ?? null),
  fields: z
    .array(z.string().trim().min(1).max(L.fieldMax))
    .min(1)
    .transform((f) => distinctFields(f))
    .pipe(z.array(z.string()).min(1).max(L.fieldsMax)),
  relations: z.array(relationSchema).max(L.relationsMax).default([]),
  available: z.boolean().default(true),
  loadCap: z.number().int().min(L.loadCapMin).max(L.loadCapMax).default(L.loadCapDefault),
  email: optionalText(L.emailMax).refine((v) => v === null || isEmail(v), { message: 'not a valid email address' }),
  phone: optionalText(L.phoneMax),
});

/** A complete expert record after validation (what is stored, minus id, userId and timestamps). */
export type ExpertInput = z.output<typeof expertInputSchema>;
