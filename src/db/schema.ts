/**
 * The one database schema, shared by the embedded PGlite and PostgreSQL 15+.
 * drizzle-kit generates the SQL migrations in src/db/migrations from this file.
 */
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Plan } from '../shared/plan/plan-schema.js';

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  /** city | province_authority | ministry_planning | ministry_department | expert_committee | leading_group | platform */
  kind: text('kind').notNull(),
  /** GB/T 2260 code of the division the organisation belongs to (a city's, a province's, 100000 for central bodies). */
  divisionCode: text('division_code').notNull(),
  /** For provincial authorities: the review authority id (province code, 计划单列市 code, or 'xpcc'). */
  authorityId: text('authority_id'),
  isDemo: boolean('is_demo').notNull().default(false),
  createdAt: createdAt(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username)],
);

export const sessions = pgTable(
  'sessions',
  {
    /** sha256 of the cookie token; the token itself is never stored. */
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Fixed-window counters for login throttling, shared by every server process. */
export const loginThrottle = pgTable('login_throttle', {
  key: text('key').primaryKey(),
  count: integer('count').notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
});

export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    refNo: text('ref_no').notNull(),
    title: text('title').notNull(),
    applicantOrgId: uuid('applicant_org_id')
      .notNull()
      .references(() => organisations.id),
    applicationYear: integer('application_year').notNull(),
    status: text('status').notNull(),
    /** Optimistic-lock counter, bumped by every write of the plan or the status. */
    version: integer('version').notNull().default(1),
    /** How many times the plan has been submitted to the province(s). */
    round: integer('round').notNull().default(0),
    plan: jsonb('plan').$type<Plan>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    forwardedAt: timestamp('forwarded_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    uniqueIndex('applications_ref_no_uq').on(t.refNo),
    index('applications_status_idx').on(t.status, t.updatedAt),
    index('applications_applicant_idx').on(t.applicantOrgId, t.updatedAt),
    index('applications_forwarded_idx').on(t.forwardedAt),
    index('applications_status_forwarded_idx').on(t.status, t.forwardedAt, t.id),
  ],
);

/** The cities an application names, and the review authority of each: the scope index. */
export const applicationCities = pgTable(
  'application_cities',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    cityCode: text('city_code').notNull(),
    authorityId: text('authority_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.cityCode] }),
    index('application_cities_city_idx').on(t.cityCode),
    index('application_cities_authority_idx').on(t.authorityId),
  ],
);

/** One row per review authority and submission round: the provincial preliminary review (初审). */
export const provincialReviews = pgTable(
  'provincial_reviews',
  {
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    authorityId: text('authority_id').notNull(),
    round: integer('round').notNull(),
    /** pending | forwarded | returned */
    decision: text('decision').notNull(),
    checklist: jsonb('checklist').$type<Record<string, boolean>>(),
    opinion: text('opinion'),
    opinionDate: text('opinion_date'),
    reviewerId: uuid('reviewer_id').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.authorityId, t.round] }),
    index('provincial_reviews_authority_idx').on(t.authorityId, t.decision),
  ],
);

/** Every saved state of a plan: autosaves and, kept for good, each submitted version. */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** save | submitted | import */
    kind: text('kind').notNull(),
    round: integer('round').notNull().default(0),
    plan: jsonb('plan').$type<Plan>().notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('plan_versions_app_idx').on(t.applicationId, t.version)],
);

/** Audit trail: who did what, when, from which state to which. */
export const applicationEvents = pgTable(
  'application_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status'),
    comment: text('comment'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('application_events_app_idx').on(t.applicationId, t.createdAt)],
);

export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('attachments_app_idx').on(t.applicationId)],
);

/** The ministry's formal check on receipt (形式审查), with the paper copies. */
export const ministryIntakes = pgTable('ministry_intakes', {
  applicationId: uuid('application_id')
    .primaryKey()
    .references(() => applications.id, { onDelete: 'cascade' }),
  /** received | waived */
  printedCopies: text('printed_copies').notNull(),
  discs: text('discs').notNull(),
  formalCheckPassed: boolean('formal_check_passed').notNull(),
  note: text('note'),
  recordedBy: uuid('recorded_by')
    .notNull()
    .references(() => users.id),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
});
