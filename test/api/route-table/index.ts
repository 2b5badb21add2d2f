/** Every feature's route table file, in one list (format: README.md). Add your feature's file here. */
import type { RouteEntry } from './types.js';
import { accountsRoutes } from './accounts.js';
import { amendmentsRoutes } from './amendments.js';
import { applicationsRoutes } from './applications.js';
import { attachmentsRoutes } from './attachments.js';
import { attainmentRoutes } from './attainment.js';
import { auditRoutes } from './audit.js';
import { authRoutes } from './auth.js';
import { casesRoutes } from './cases.js';
import { consultingRoutes } from './consulting.js';
import { dashboardsRoutes } from './dashboards.js';
import { dossierRoutes } from './dossier.js';
import { eventsRoutes } from './events.js';
import { evaluationsRoutes } from './evaluations.js';
import { expertsRoutes } from './experts.js';
import { ministryReviewRoutes } from './ministry-review.js';
import { notificationsRoutes } from './notifications.js';
import { pilotsRoutes } from './pilots.js';
import { planCheckRoutes } from './plan-check.js';
import { portalRoutes } from './portal.js';
import { policyResourcesRoutes } from './policy-resources.js';
import { progressReportsRoutes } from './progress-reports.js';
import { provincialWorkRoutes } from './provincial-work.js';
import { rectificationsRoutes } from './rectifications.js';
import { referenceRoutes } from './reference.js';

export const ROUTE_TABLE: readonly RouteEntry[] = [
  ...accountsRoutes,
  ...amendmentsRoutes,
  ...applicationsRoutes,
  ...attachmentsRoutes,
  ...attainmentRoutes,
  ...auditRoutes,
  ...authRoutes,
  ...casesRoutes,
  ...consultingRoutes,
  ...dashboardsRoutes,
  ...dossierRoutes,
  ...eventsRoutes,
  ...evaluationsRoutes,
  ...expertsRoutes,
  ...ministryReviewRoutes,
  ...notificationsRoutes,
  ...pilotsRoutes,
  ...planCheckRoutes,
  ...portalRoutes,
  ...policyResourcesRoutes,
  ...progressReportsRoutes,
  ...provincialWorkRoutes,
  ...rectificationsRoutes,
  ...referenceRoutes,
];
