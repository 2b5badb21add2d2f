/**
 * The attachments API as it crosses the wire: uploading a file to an application and downloading
 * it again (the attachment as the application detail lists it is in the applications contract, which
 * the detail belongs to). The routes validate and
 * serialise with these schemas; the web takes its types from them (type-only imports).
 */
import { z } from 'zod';

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

export type UploadedAttachment = z.infer<typeof uploadedAttachmentSchema>;

export { attachmentInfoSchema, type AttachmentInfo } from '../applications/applications.contract.js';
