/**
 * The one database schema, shared by the embedded PGlite and PostgreSQL 15+.
 * drizzle-kit generates the SQL migrations in src/db/migrations from this file.
 */
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  doublePrecision,
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
import type { PhaseSchedule } from '../shared/monitoring/pilot-lifecycle.js';
import type { Plan } from '../shared/plan/plan-schema.js';
import type { CaseEvidence } from '../shared/cases/case-evidence.js';

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
    /** SM4-sealed (src/kernel/field-crypto.ts), written and opened only by the accounts queries (others: accounts' public.ts). */
    email: text('email'),
    /** Blind index (HMAC-SM3 of the normalised e-mail) for finding an account by e-mail without decrypting. */
    emailIndex: text('email_bidx'),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    /** When the password was last set; it expires after the policy's days (src/shared/identity). */
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    /** A temporary password set by an administrator, or an expired one: changed at the next sign-in before anything else. */
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** argon2 hashes of the last passwords, newest first (the current one included). */
    passwordHistory: jsonb('password_history').$type<string[]>().notNull().default([]),
    /** The TOTP secret (base32); set at enrolment start, in force once totpEnabledAt is set. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last TOTP step accepted: a code of that step or an earlier one is a replay. */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** SHA-256 digests of the unused recovery codes. */
    recoveryCodes: jsonb('recovery_codes').$type<string[]>().notNull().default([]),
  },
  (t) => [uniqueIndex('users_username_uq').on(t.username), index('users_email_bidx_idx').on(t.emailIndex)],
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
    /** Last activity, written at most once a minute; a session idle past the policy's minutes is over. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    /** Where the session was opened from (client address and user agent, as the user sees them). */
    address: text('address'),
    userAgent: text('user_agent'),
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
    /**
     * The codes and review authorities of the application's cities, ordered by city code: a copy of
     * application_cities kept by the database's trigger (migration 0017), so a list reads each row's
     * cities from the row itself. Never written by the code.
     */
    cityCodes: text('city_codes').array().notNull().default(sql`'{}'::text[]`),
    authorityIds: text('authority_ids').array().notNull().default(sql`'{}'::text[]`),
    /** The applicant organisation's name, kept by the database's triggers (migration 0018) for the lists. Never written by the code. */
    applicantName: text('applicant_name').notNull().default(''),
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
    /** The application's updated_at, kept by the database's triggers (migration 0017): a city's list reads its latest changes from the index. */
    appUpdatedAt: timestamp('app_updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.applicationId, t.cityCode] }),
    // With the application's id, a city's count comes from the index alone.
    index('application_cities_city_app_idx').on(t.cityCode, t.applicationId),
    // A city's list, latest change first, twenty index entries for a page.
    index('application_cities_city_updated_idx').on(t.cityCode, t.appUpdatedAt.desc().nullsFirst(), t.applicationId.desc().nullsFirst()),
    index('application_cities_authority_idx').on(t.authorityId),
  ],
);

/**
 * How many applications there are of each status, forwarded to the ministry or not: kept by the
 * database's triggers on applications (migration 0017), so the ministry's lists answer their total
 * without counting thousands of rows on every page.
 */
export const applicationCounts = pgTable(
  'application_counts',
  {
    status: text('status').notNull(),
    forwarded: boolean('forwarded').notNull(),
    n: integer('n').notNull(),
  },
  (t) => [primaryKey({ columns: [t.status, t.forwarded] })],
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
    /** Compare-and-set version: an edit names the version it was made on. */
    version: integer('version').notNull().default(1),
    loadCap: integer('load_cap').notNull().default(5),
    /** SM4-sealed (src/kernel/field-crypto.ts); plaintext only in rows written before encryption, until encrypt-data. */
    email: text('email'),
    /** SM4-sealed, like email. */
    phone: text('phone'),
    /** Blind indexes (HMAC-SM3 of the normalised value) for finding an expert by e-mail or phone without decrypting. */
    emailIndex: text('email_bidx'),
    phoneIndex: text('phone_bidx'),
    isDemo: boolean('is_demo').notNull().default(false),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('experts_user_uq').on(t.userId),
    index('experts_province_idx').on(t.provinceCode),
    index('experts_email_bidx_idx').on(t.emailIndex),
    index('experts_phone_bidx_idx').on(t.phoneIndex),
  ],
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
    // The three-year cycle (issue 7): one lifecycle (src/shared/monitoring/pilot-lifecycle.ts).
    /** implementation | midterm | summary | completed | rectification | suspended | cancelled */
    state: text('state').notNull().default('implementation'),
    /** While in rectification or suspended: the phase to return to when the case passes. */
    resumePhase: text('resume_phase'),
    /** Compare-and-set version of the pilot row (state, schedule, frequency). */
    version: integer('version').notNull().default(1),
    /** The dates of the three phases, from the period and the configured defaults. */
    schedule: jsonb('schedule').$type<PhaseSchedule | null>(),
    /** yearly | half_yearly | quarterly */
    reportFrequency: text('report_frequency').notNull().default('yearly'),
    /** The contract version in force now (pilot_contract_versions). */
    contractVersion: integer('contract_version').notNull().default(1),
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
    /** SM4-sealed (src/kernel/field-crypto.ts): sealed when queued, opened only to send and for the administrator's lists. */
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
  /** Compare-and-set version: a save names the version it edited (src/kernel/settings-store.ts). */
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------------
// The pilot's three years (issue 7): contract versions, reports, evaluations, rectification,
// notices, resources, consulting, the province's part, the summary and amendments.

/**
 * The pilot's contract, versioned: version 1 is the approved plan's targets; each approved amendment
 * adds a version that applies from its effective year. Attainment of a year reads the version in force.
 */
export const pilotContractVersions = pgTable(
  'pilot_contract_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    effectiveFromYear: integer('effective_from_year').notNull(),
    name: text('name').notNull(),
    cityCodes: jsonb('city_codes').$type<string[]>().notNull(),
    targets: jsonb('targets').$type<Plan['targets']>().notNull(),
    amendmentId: uuid('amendment_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('pilot_contract_versions_uq').on(t.pilotId, t.version)],
);

/** Audit of every pilot transition and decision: who, when, from, to, comment. */
export const pilotEvents = pgTable(
  'pilot_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    comment: text('comment'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('pilot_events_pilot_idx').on(t.pilotId, t.createdAt)],
);

/** Files of the cycle (report evidence, rectification evidence, summaries, policy documents), by content hash. */
export const pilotFiles = pgTable(
  'pilot_files',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Null for a province's own documents (policies, work plan). */
    pilotId: uuid('pilot_id').references(() => pilots.id, { onDelete: 'cascade' }),
    authorityId: text('authority_id'),
    /** report_evidence | rectification_evidence | summary | policy | work_plan | amendment */
    purpose: text('purpose').notNull(),
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('pilot_files_pilot_idx').on(t.pilotId)],
);

/** One progress report of a pilot for one reporting period (a year, a half-year or a quarter). */
export const progressReports = pgTable(
  'progress_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    /** 2017 | 2017-H1 | 2017-Q3 */
    period: text('period').notNull(),
    year: integer('year').notNull(),
    periodStart: text('period_start').notNull(),
    periodEnd: text('period_end').notNull(),
    dueDate: text('due_date').notNull(),
    /** draft | submitted | returned | confirmed */
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    /** The contract version the report was filled against. */
    contractVersion: integer('contract_version').notNull().default(1),
    narrative: text('narrative').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    submittedBy: uuid('submitted_by').references(() => users.id),
    provinceOpinion: text('province_opinion'),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewedBy: uuid('reviewed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    uniqueIndex('progress_reports_period_uq').on(t.pilotId, t.period),
    index('progress_reports_due_idx').on(t.status, t.dueDate),
  ],
);

/** The actual value of one indicator in one report, with its source and evidence. */
export const reportValues = pgTable(
  'report_values',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => progressReports.id, { onDelete: 'cascade' }),
    /** The target's id in the contract. */
    targetId: text('target_id').notNull(),
    actual: doublePrecision('actual'),
    dataSource: text('data_source').notNull().default(''),
    note: text('note').notNull().default(''),
    evidenceFileIds: jsonb('evidence_file_ids').$type<string[]>().notNull().default([]),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('report_values_uq').on(t.reportId, t.targetId)],
);

/** A confirmed figure changes only through a correction with a reason; the old value stays here. */
export const reportValueCorrections = pgTable(
  'report_value_corrections',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportValueId: uuid('report_value_id')
      .notNull()
      .references(() => reportValues.id, { onDelete: 'cascade' }),
    oldActual: doublePrecision('old_actual'),
    newActual: doublePrecision('new_actual'),
    oldDataSource: text('old_data_source'),
    newDataSource: text('new_data_source'),
    reason: text('reason').notNull(),
    actorId: uuid('actor_id')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('report_value_corrections_value_idx').on(t.reportValueId)],
);

/** The status and narrative of one task of the task division (任务分工) in one report. */
export const reportTasks = pgTable(
  'report_tasks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => progressReports.id, { onDelete: 'cascade' }),
    taskIndex: integer('task_index').notNull(),
    task: text('task').notNull(),
    /** not_started | in_progress | done | delayed */
    status: text('status').notNull().default('not_started'),
    narrative: text('narrative').notNull().default(''),
  },
  (t) => [uniqueIndex('report_tasks_uq').on(t.reportId, t.taskIndex)],
);

/** An evaluation round 考核评估 (mid-term or final) opened by the ministry for one or more pilots. */
export const evaluationRounds = pgTable('evaluation_rounds', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** midterm | final */
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  /** The evaluation scheme in force when the round opened (src/shared/monitoring/evaluation.ts). */
  scheme: jsonb('scheme').$type<unknown>().notNull(),
  deadline: text('deadline').notNull(),
  /** open | closed */
  status: text('status').notNull().default('open'),
  openedBy: uuid('opened_by')
    .notNull()
    .references(() => users.id),
  openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  isDemo: boolean('is_demo').notNull().default(false),
});

/** One pilot's evaluation in a round: quantitative items from the reports, qualitative from experts and departments. */
export const evaluations = pgTable(
  'evaluations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => evaluationRounds.id, { onDelete: 'cascade' }),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    /** scoring | decided */
    status: text('status').notNull().default('scoring'),
    result: jsonb('result').$type<unknown>(),
    totalScore: doublePrecision('total_score'),
    /** excellent | good | pass | fail */
    grade: text('grade'),
    version: integer('version').notNull().default(1),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
  },
  (t) => [uniqueIndex('evaluations_round_pilot_uq').on(t.roundId, t.pilotId), index('evaluations_pilot_idx').on(t.pilotId)],
);

/** The experts seated on one evaluation (assigned with the review's conflict rules and solver). */
export const evaluationMembers = pgTable(
  'evaluation_members',
  {
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    declaredAt: timestamp('declared_at', { withTimezone: true }),
    recusedAt: timestamp('recused_at', { withTimezone: true }),
    recusalReason: text('recusal_reason'),
  },
  (t) => [primaryKey({ columns: [t.evaluationId, t.expertId] })],
);

/** An expert's scores of the qualitative items; hidden from the others until they have submitted. */
export const evaluationScores = pgTable(
  'evaluation_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    expertId: uuid('expert_id')
      .notNull()
      .references(() => experts.id),
    scores: jsonb('scores').$type<Record<string, number>>().notNull(),
    comments: text('comments').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_scores_uq').on(t.evaluationId, t.expertId)],
);

/** A ministry department's opinion (and scores of the department items) on one evaluation. */
export const evaluationOpinions = pgTable(
  'evaluation_opinions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    evaluationId: uuid('evaluation_id')
      .notNull()
      .references(() => evaluations.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    opinion: text('opinion').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('evaluation_opinions_uq').on(t.evaluationId, t.organisationId)],
);

/** A rectification case 限期整改: findings, required actions, deadline, the city's answer, re-assessment. */
export const rectificationCases = pgTable(
  'rectification_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    evaluationId: uuid('evaluation_id').references(() => evaluations.id),
    /** evaluation | indicators | manual */
    origin: text('origin').notNull(),
    findings: jsonb('findings').$type<{ kind: string; ref: string | null; text: string }[]>().notNull(),
    requiredActions: text('required_actions').notNull(),
    deadline: text('deadline').notNull(),
    /** open | answered | province_reviewed | passed | failed */
    status: text('status').notNull().default('open'),
    /** The phase the pilot left; it returns there when the case passes. */
    resumePhase: text('resume_phase').notNull(),
    response: text('response'),
    responseFileIds: jsonb('response_file_ids').$type<string[]>().notNull().default([]),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    respondedBy: uuid('responded_by').references(() => users.id),
    provinceOpinion: text('province_opinion'),
    provinceReviewedAt: timestamp('province_reviewed_at', { withTimezone: true }),
    reassessment: text('reassessment'),
    /** The re-assessment's grade (excellent | good | pass | fail), null until it is held. */
    reassessmentGrade: text('reassessment_grade'),
    reassessedAt: timestamp('reassessed_at', { withTimezone: true }),
    reassessedBy: uuid('reassessed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('rectification_cases_pilot_idx').on(t.pilotId), index('rectification_cases_status_idx').on(t.status, t.deadline)],
);

/** Public notices 通报 (a cancellation, for one), published on the public pages when marked so. */
export const publicNotices = pgTable(
  'public_notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** cancellation | other */
    kind: text('kind').notNull(),
    pilotId: uuid('pilot_id').references(() => pilots.id, { onDelete: 'set null' }),
    documentNo: text('document_no').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    issuedOn: text('issued_on').notNull(),
    published: boolean('published').notNull().default(false),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [uniqueIndex('public_notices_document_no_uq').on(t.documentNo)],
);

/** Funds and projects given to a pilot under a named programme, and the indicators they should move. */
export const policyResources = pgTable(
  'policy_resources',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    /** A programme key from the configured list (工业转型升级, 技术改造, …). */
    programme: text('programme').notNull(),
    /** 万元 */
    amount: doublePrecision('amount').notNull(),
    year: integer('year').notNull(),
    department: text('department').notNull(),
    project: text('project').notNull(),
    targetIds: jsonb('target_ids').$type<string[]>().notNull().default([]),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('policy_resources_pilot_idx').on(t.pilotId), index('policy_resources_programme_idx').on(t.programme, t.year)],
);

/** Think-tank consulting 智库咨询: a pilot asks, the ministry matches experts, the service is recorded. */
export const consultingRequests = pgTable(
  'consulting_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    topic: text('topic').notNull(),
    description: text('description').notNull(),
    fields: jsonb('fields').$type<string[]>().notNull().default([]),
    /** requested | matched | served | closed */
    status: text('status').notNull().default('requested'),
    expertIds: jsonb('expert_ids').$type<string[]>().notNull().default([]),
    serviceRecord: text('service_record'),
    servedOn: text('served_on'),
    version: integer('version').notNull().default(1),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('consulting_requests_pilot_idx').on(t.pilotId)],
);

/** A provincial authority's refined work plan (通知 一): one per authority, versioned by compare-and-set. */
export const provincialWorkPlans = pgTable('provincial_work_plans', {
  authorityId: text('authority_id').primaryKey(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  fileId: uuid('file_id').references(() => pilotFiles.id),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A province's supporting policy document: number, date, summary, attachment. */
export const provincialPolicies = pgTable(
  'provincial_policies',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    authorityId: text('authority_id').notNull(),
    documentNo: text('document_no').notNull(),
    issuedOn: text('issued_on').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    fileId: uuid('file_id').references(() => pilotFiles.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('provincial_policies_authority_idx').on(t.authorityId)],
);

/** The city's final summary report 总结报告 at the end of the three years. */
export const summaryReports = pgTable('summary_reports', {
  pilotId: uuid('pilot_id')
    .primaryKey()
    .references(() => pilots.id, { onDelete: 'cascade' }),
  body: text('body').notNull(),
  fileIds: jsonb('file_ids').$type<string[]>().notNull().default([]),
  /** draft | submitted */
  status: text('status').notNull().default('draft'),
  version: integer('version').notNull().default(1),
  submittedAt: timestamp('submitted_at', { withTimezone: true }),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Typical experience a city nominates; kept as drafts for the case library (issue 10). */
export const experienceNominations = pgTable(
  'experience_nominations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    body: text('body').notNull(),
    /** draft (the case library's editorial workflow takes it from there) */
    status: text('status').notNull().default('draft'),
    /** Compare-and-set version: an edit names the version it was made on. */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('experience_nominations_pilot_idx').on(t.pilotId)],
);

/** An amendment 调整优化 of a pilot's contract: a member city joins, or targets are revised, with reasons. */
export const amendments = pgTable(
  'amendments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    /** add_member | revise_targets */
    kind: text('kind').notNull(),
    /** add_member: { cityCodes, name }; revise_targets: { targets } */
    proposal: jsonb('proposal').$type<Record<string, unknown>>().notNull(),
    reasons: text('reasons').notNull(),
    effectiveFromYear: integer('effective_from_year').notNull(),
    /** proposed | province_reviewed | approved | refused | withdrawn */
    status: text('status').notNull().default('proposed'),
    provinceOpinion: text('province_opinion'),
    provinceSupports: boolean('province_supports'),
    provinceReviewedAt: timestamp('province_reviewed_at', { withTimezone: true }),
    decisionComment: text('decision_comment'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('amendments_pilot_idx').on(t.pilotId)],
);

/**
 * The ministry's overview of attainment, kept per pilot (src/features/attainment): the status counts
 * and mean progress per dimension, computed by the shared rules. `fingerprint` names what it was
 * computed from (the confirmed reports and their versions, the contract versions, the rules); a
 * confirmation, a correction or an amendment changes it, and the next read recomputes the pilot.
 */
export const attainmentSummaries = pgTable('attainment_summaries', {
  pilotId: uuid('pilot_id')
    .primaryKey()
    .references(() => pilots.id, { onDelete: 'cascade' }),
  fingerprint: text('fingerprint').notNull(),
  /** AttainmentSummary (src/shared/monitoring/contract-attainment.ts). */
  summary: jsonb('summary').$type<Record<string, unknown>>().notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------------
// The audit log (issue 8): append-only, hash-chained with SM3 (src/features/audit, ADR 0013).

/**
 * One audited event: a sign-in, a refusal, a change, an export, a download, the auditor's own work,
 * or a checkpoint left by pruning. `hash` is SM3 over the record's content and `prevHash`, the hash
 * of the record before it, so a changed, removed or moved record breaks the chain. A trigger in the
 * migration refuses UPDATE, DELETE and TRUNCATE (pruning alone may delete, inside its transaction).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: uuid('id').primaryKey(),
    /** Position in the chain, 1, 2, 3 … without gaps (a gap is a removed record). */
    seq: bigint('seq', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    /** Who: the signed-in user, or for a sign-in the account it named (no foreign key: the log outlives accounts). */
    actorId: uuid('actor_id'),
    username: text('username'),
    role: text('role'),
    /** From where: the client address as the trusted proxies report it (req.ip). */
    ip: text('ip'),
    method: text('method').notNull(),
    /** The route pattern (/api/v1/applications/:id/submit), or the path when no route matched. */
    route: text('route').notNull(),
    /** sign_in | sign_out | read | write | export | download | audit | checkpoint (src/shared/audit). */
    action: text('action').notNull(),
    /** success | failure (refused, 4xx) | error (5xx). */
    outcome: text('outcome').notNull(),
    status: integer('status').notNull(),
    objectType: text('object_type'),
    objectId: text('object_id'),
    /** Params, the refusal's code, a summary of the request, old and new values where known. */
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    uniqueIndex('audit_log_seq_uq').on(t.seq),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_idx').on(t.actorId, t.at),
    /** The records of given objects (the dossier's audit section: one query for all its object ids). */
    index('audit_log_object_idx').on(t.objectId),
  ],
);

/**
 * The chain's head, one row: the last record's position and hash. An append moves it by compare-and-set
 * in the statement that inserts the records (src/features/audit/audit.queries.ts), so records are
 * chained one after the other even with several server processes; pruning locks it.
 */
export const auditChainHead = pgTable('audit_chain_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

// ---------------------------------------------------------------------------------------------
// The typical-case library 典型案例 (issue 10, src/features/cases).

/** PostgreSQL's full-text document type; the cases feature writes it from jieba's words. */
const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});

/**
 * A typical case: written by a city of its pilot or by the ministry, tagged, citing its pilot's
 * indicator evidence, through the editorial lifecycle (src/shared/cases/case-lifecycle.ts). The
 * search columns are written with the text: `search_vector` holds jieba's words of the title (weight
 * A), summary (B) and body (C) under the `simple` configuration; `search_words` the same text as
 * words separated by spaces, for pg_trgm (the fuzzy fallback; a one-character query is a prefix
 * query on `search_vector`); `search_plain` the normalised text, for exact phrase matches.
 */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pilotId: uuid('pilot_id').references(() => pilots.id),
    /** The nomination of typical experience this draft was made from (one case per nomination). */
    nominationId: uuid('nomination_id').references(() => experienceNominations.id, { onDelete: 'set null' }),
    /** city | ministry */
    authorKind: text('author_kind').notNull(),
    authorOrganisationId: uuid('author_organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** The pilot's cities when the case was started: the cities that author it. */
    cityCodes: jsonb('city_codes').$type<string[]>().notNull().default([]),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    body: text('body').notNull().default(''),
    cityTypes: jsonb('city_types').$type<string[]>().notNull().default([]),
    regions: jsonb('regions').$type<string[]>().notNull().default([]),
    industries: jsonb('industries').$type<string[]>().notNull().default([]),
    themes: jsonb('themes').$type<string[]>().notNull().default([]),
    evidence: jsonb('evidence').$type<CaseEvidence[]>().notNull().default([]),
    /** draft | submitted | under_review | returned | published | unpublished */
    status: text('status').notNull().default('draft'),
    version: integer('version').notNull().default(1),
    /** The editor's last reason for returning or unpublishing. */
    reviewComment: text('review_comment'),
    searchVector: tsvector('search_vector').notNull(),
    searchWords: text('search_words').notNull().default(''),
    searchPlain: text('search_plain').notNull().default(''),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('cases_search_vector_idx').using('gin', t.searchVector),
    index('cases_search_words_trgm_idx').using('gin', sql`${t.searchWords} gin_trgm_ops`),
    index('cases_status_idx').on(t.status, t.publishedAt),
    index('cases_pilot_idx').on(t.pilotId),
    uniqueIndex('cases_nomination_uq').on(t.nominationId),
  ],
);

/** The case's own history: every save and transition, who, when, from, to and the reason. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    /** The case's version after the event (1 for its creation): the history's order. */
    version: integer('version').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    comment: text('comment'),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('case_events_case_version_uq').on(t.caseId, t.version)],
);

/**
 * The public portal's publication record (issue 10, ADR 0016): what of a pilot the ministry has made
 * public — its page with the plan summary and targets ('plan'), or the attainment of one year
 * ('attainment', with the year). Withdrawing keeps the row (who, when); publishing again adds one.
 * At most one row per pilot, subject and year is in force (not withdrawn).
 */
export const portalPublications = pgTable(
  'portal_publications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pilotId: uuid('pilot_id')
      .notNull()
      .references(() => pilots.id, { onDelete: 'cascade' }),
    /** plan | attainment */
    subject: text('subject').notNull(),
    /** The year of the attainment published; null for the plan. */
    year: integer('year'),
    /** The public summary of the plan, as the ministry wrote it for the page ('plan' only). */
    summary: text('summary').notNull().default(''),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [
    index('portal_publications_pilot_idx').on(t.pilotId),
    uniqueIndex('portal_publications_in_force_uq').on(t.pilotId, t.subject, sql`coalesce(${t.year}, 0)`).where(sql`${t.withdrawnAt} is null`),
  ],
);

// ── Events 活动 and action items 督办事项 (issue 10: promotion and coordination) ─────────────────
/**
 * An event of the ministry: on-site meeting 现场会, exchange meeting 经验交流会, training 培训研讨班,
 * or the yearly ministry–province–city meeting 年度会议. The agenda and participants are ordered lists
 * kept with the event; the lifecycle is src/shared/events/event-lifecycle.ts (compare-and-set on version).
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** onsite_meeting | exchange_meeting | training | annual_meeting */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    startsOn: text('starts_on').notNull(),
    endsOn: text('ends_on').notNull(),
    place: text('place').notNull(),
    hostOrganisation: text('host_organisation').notNull(),
    description: text('description').notNull().default(''),
    /** A national event concerns every province and pilot; otherwise the authorities and pilots named. */
    national: boolean('national').notNull().default(false),
    authorityIds: jsonb('authority_ids').$type<string[]>().notNull().default([]),
    pilotIds: jsonb('pilot_ids').$type<string[]>().notNull().default([]),
    agenda: jsonb('agenda').$type<{ time: string; topic: string; speaker: string }[]>().notNull().default([]),
    participants: jsonb('participants')
      .$type<{ organisationId: string | null; name: string; person: string; role: string; attendance: string }[]>()
      .notNull()
      .default([]),
    minutes: text('minutes').notNull().default(''),
    minutesPublishedAt: timestamp('minutes_published_at', { withTimezone: true }),
    /** planned | held | minutes_published | cancelled */
    state: text('state').notNull().default('planned'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('events_starts_on_idx').on(t.startsOn)],
);

/** An event's materials 会议材料: files in the blob store (src/kernel/blob-store.ts) under their SHA-256. */
export const eventMaterials = pgTable(
  'event_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    sha256: text('sha256').notNull(),
    filename: text('filename').notNull(),
    mimeType: text('mime_type').notNull(),
    size: integer('size').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('event_materials_event_idx').on(t.eventId)],
);

/** The event's own history: every change and transition, who, when, from, to and the reason. */
export const eventHistory = pgTable(
  'event_history',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id),
    action: text('action').notNull(),
    /** The event's version after the entry (1 for its creation): the history's order. */
    version: integer('version').notNull().default(1),
    fromState: text('from_state'),
    toState: text('to_state'),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [index('event_history_event_idx').on(t.eventId)],
);

/** An action item 督办事项 of an event: owned by one organisation, due by a date; overdue is computed. */
export const eventActionItems = pgTable(
  'event_action_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    ownerOrganisationId: uuid('owner_organisation_id')
      .notNull()
      .references(() => organisations.id),
    deadline: text('deadline').notNull(),
    /** open | done (overdue is computed from the deadline) */
    status: text('status').notNull().default('open'),
    closingNote: text('closing_note'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    isDemo: boolean('is_demo').notNull().default(false),
  },
  (t) => [index('event_action_items_event_idx').on(t.eventId), index('event_action_items_owner_idx').on(t.ownerOrganisationId, t.status)],
);

/** The updates log of an action item: progress notes, closing, reopening, reassignment, edits. */
export const eventActionUpdates = pgTable(
  'event_action_updates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => eventActionItems.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id').references(() => users.id),
    /** create | update | close | reopen | reassign | edit */
    kind: text('kind').notNull(),
    /** The item's version after the entry (1 for its creation): the log's order. */
    version: integer('version').notNull().default(1),
    note: text('note').notNull().default(''),
    data: jsonb('data').$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [index('event_action_updates_item_idx').on(t.itemId)],
);

/**
 * SM3-HMAC integrity seals of key records (decisions, scores, confirmed report values), one per record,
 * keyed by the kind (src/kernel/record-integrity.ts names each kind's table, key and fields) and the
 * record's key. `integrity-verify` recomputes every seal.
 */
export const recordMacs = pgTable(
  'record_macs',
  {
    kind: text('kind').notNull(),
    recordKey: text('record_key').notNull(),
    mac: text('mac').notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.recordKey] })],
);
