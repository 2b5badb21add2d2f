/**
 * Row scope of attachments (附件): who may read or upload the files of which application. An
 * attachment belongs to its application, so the application's scope decides; uploading also needs
 * a plan the city may still change. Pure: the server passes the actor and the application's facts.
 */
import { isEditable } from '../lifecycle/application-lifecycle.js';
import type { Actor } from '../roles/roles.js';
import { can, canSeeApplication, type ApplicationScope } from './policy.js';

/** Why an attachment action is refused, as the API's error code. */
export type AttachmentRefusal = 'FORBIDDEN' | 'NOT_FOUND' | 'INVALID_TRANSITION';

export type AttachmentDecision = { ok: true } | { ok: false; reason: AttachmentRefusal };

/**
 * Downloading: whoever may see the application. A role without the permission is refused outright;
 * an application out of scope answers "not found" so that nothing about it leaks.
 */
export function decideAttachmentRead(actor: Actor, app: ApplicationScope): AttachmentDecision {
  if (!can(actor.role, 'attachment.read')) return { ok: false, reason: 'FORBIDDEN' };
  if (!canSeeApplication(actor, app)) return { ok: false, reason: 'NOT_FOUND' };
  return { ok: true };
}

/** Uploading: a role that may upload, on an application it sees, while the plan is still editable. */
export function decideAttachmentUpload(actor: Actor, app: ApplicationScope): AttachmentDecision {
  if (!can(actor.role, 'attachment.upload')) return { ok: false, reason: 'FORBIDDEN' };
  if (!canSeeApplication(actor, app)) return { ok: false, reason: 'NOT_FOUND' };
  if (!isEditable(app.status)) return { ok: false, reason: 'INVALID_TRANSITION' };
  return { ok: true };
}

export function canReadAttachment(actor: Actor, app: ApplicationScope): boolean {
  return decideAttachmentRead(actor, app).ok;
}

export function canUploadAttachment(actor: Actor, app: ApplicationScope): boolean {
  return decideAttachmentUpload(actor, app).ok;
}
