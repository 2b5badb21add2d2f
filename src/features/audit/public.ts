/** What the composition root and the command line use of the audit log. */
export { auditPlugin } from './audit-hook.js';
export { auditRoutes } from './audit.routes.js';
export { appendAuditRecord, exportRecords, pruneAuditLog, verifyAuditChain } from './audit.service.js';
export { auditCsv } from './audit.export.js';
