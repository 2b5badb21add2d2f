/**
 * The attachments API as it crosses the wire: uploading a file to an application and downloading
 * it again, and the attachment as the application detail lists it. The routes validate and
 * serialise with these schemas; the web takes its types from them (type-only imports).
 */
import { z } from 'zod';
import { isoDateTime } from '../../shared/contract/wire.js';

export const uploadParams = z.object({ id: z.uuid().describe('The application') });
export const downloadParams = z.object({ attachmentId: z.uuid() });

export const uploadedAttachmentSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    sha256: z.string().describe('SHA-256 of the bytes, hex'),
  })
  .describe('The stored attachment');

export const attachmentInfoSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    mimeType: z.string(),
    size: z.number().int(),
    createdAt: isoDateTime,
    uploaderName: z.string().nullable(),
  })
  .describe('An attachment of an application');

export type UploadedAttachment = z.infer<typeof uploadedAttachmentSchema>;
export type AttachmentInfo = z.infer<typeof attachmentInfoSchema>;
