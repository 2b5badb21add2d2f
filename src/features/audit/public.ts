/** What the composition root, the command line and the dossier use of the audit log. */
export { auditPlugin } from './audit-hook.js';
export { auditRoutes } from './audit.routes.js';
export { appendAuditRecord, exportRecords, pruneAuditLog, verifyAuditChain } from './audit.service.js';
export { auditCsv } from './audit.export.js';
export { recordsOfObjects } from './audit.queries.js';
