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

// ---------------------------------------------------------------------------------------------
// Ministry review (issue 3): the expert pool, panels, scores, departmental opinions, decisions, pilots.

/** The expert pool (专家库). An expert may have a user account to sign in with. */
export const experts = pgTable(
  'experts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id),
    name: text('name').notNull(),
    /** e.g. 中国工程院, 中国科学院, 哈尔滨工业大学, an enterprise. */
    organisation: text('organisation').notNull(),
    organisationType: text('organisation_type').notNull().default('other'),
    title: text('title').notNull().default(''),
    provinceCode: text('province_code').notNull(),
    cityCode: text('city_code'),
    /** Fields of expertise: industry names as the plans write them (装备制造, 新材料, …). */
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    /** Declared relations with cities: [{ cityCode, kind, note }]. */
    relations: jsonb('relations').$type<{ cityCode: string; kind: string; note: string }[]>().notNull().default([]),
    available: boolean('available').notNull().default(true),
    loadCap: integer('load_cap').notNull().default(5),
    email: text('email'),
    phone: text('phone'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('experts_user_uq').on(t.userId), index('experts_province_idx').on(t.provinceCode)],
);

/** One expert panel per application and review round (评审组). */
export const panels = pgTable(
  'panels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    /** Bumped when the department asks for a re-score. */
    scoreRound: integer('score_round').notNull().default(1),
    panelSize: integer('panel_size').notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    /** The rubric as configured when the panel was confirmed (criteria, weights, guidance). */
    rubric: jsonb('rubric').$type<Record<string, unknown>>().notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('panels_application_idx').on(t.applicationId, t.createdAt)],
);

export const panelMembers = pgTable(
  'panel_members',
  {
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    /** member | backup */
    role: text('role').notNull(),
    cost: integer('cost').notNull().default(0),
    /** Why the expert was proposed (matched fields, load) or that the department chose them by hand. */
    reasons: jsonb('reasons').$type<{ zh: string; en: string }[]>().notNull().default([]),
    declaredAt: timestamp('declared_at', { withTimezone: true }),
    recusedAt: timestamp('recused_at', { withTimezone: true }),
    recusalReason: text('recusal_reason'),
  },
  (t) => [primaryKey({ columns: [t.panelId, t.expertId] }), index('panel_members_expert_idx').on(t.expertId)],
);

/** One expert's score sheet for one round (评分表). */
export const scoreSheets = pgTable(
  'score_sheets',
  {
    panelId: uuid('panel_id')
      .notNull()
      .references(() => panels.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    round: integer('round').notNull(),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    opinion: text('opinion').notNull(),
    comments: text('comments').notNull(),
    total: integer('total_x100').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.panelId, t.expertId, t.round] })],
);

/** Departmental review (司局审查): written opinions, in parallel with the experts. */
export const departmentOpinions = pgTable(
  'department_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    /** support | support_with_conditions | object */
    stance: text('stance').notNull(),
    opinion: text('opinion').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('department_opinions_uq').on(t.applicationId, t.organisationId)],
);

/** Discussion on an application when experts diverge (and anything else the review needs to say). */
export const reviewComments = pgTable(
  'review_comments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('review_comments_app_idx').on(t.applicationId, t.createdAt)],
);

/** An approved pilot city (试点城市) with its three-year period and its frozen target contract. */
export const pilots = pgTable(
  'pilots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    name: text('name').notNull(),
    cityCodes: jsonb('city_codes').$type<string[]>().notNull(),
    documentNo: text('document_no').notNull(),
    approvedAt: timestamp('approved_at', { withTimezone: true }).notNull(),
    approvalDate: text('approval_date').notNull(),
    periodStartYear: integer('period_start_year').notNull(),
    periodEndYear: integer('period_end_year').notNull(),
    /** The approved plan's targets, frozen as the baseline contract the three years are measured against. */
    targets: jsonb('targets').$type<Plan['targets']>().notNull(),
    planVersion: integer('plan_version').notNull(),
    /** 报备: filed with the national leading group. */
    filedAt: timestamp('filed_at', { withTimezone: true }).notNull(),
    approvedBy: uuid('approved_by')
      .notNull()
      .references(() => users.id),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [uniqueIndex('pilots_application_uq').on(t.applicationId), uniqueIndex('pilots_document_no_uq').on(t.documentNo)],
);

/** In-app notices (reminders, overdue flags, decisions). */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    /** Deduplicates: one notice per key (e.g. reminder:<panel>:<expert>:3d). */
    dedupeKey: text('dedupe_key').notNull(),
    title: jsonb('title').$type<{ zh: string; en: string }>().notNull(),
    link: text('link'),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('notifications_dedupe_uq').on(t.dedupeKey), index('notifications_user_idx').on(t.userId, t.createdAt)],
);

/** E-mail outbox: rows are claimed with FOR UPDATE SKIP LOCKED, so any server process may send. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    /** pending | sent | failed */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    sendAfter: timestamp('send_after', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('email_outbox_dedupe_uq').on(t.dedupeKey), index('email_outbox_pending_idx').on(t.status, t.sendAfter)],
);

/** Platform settings configured in the browser (e.g. the review rubric and divergence threshold). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<unknown>().notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
