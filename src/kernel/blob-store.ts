/**
 * Uploaded files live outside the web root under their SHA-256 (the same file uploaded twice is
 * stored once), written to a temporary name and renamed into place, so a reader never sees half a
 * file. One store for every feature that keeps files: attachments, report evidence, rectification
 * evidence, summaries, provincial documents.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { noteAudit } from './audit-note.js';

export function blobPath(uploadDir: string, sha256: string): string {
  return join(uploadDir, sha256.slice(0, 2), sha256);
}

/** Stores the bytes (once) and returns their SHA-256, hex. */
/** A stored file's bytes, for packing into an archive (a download to a browser goes through sendBlob). */
export function readBlob(uploadDir: string, sha256: string): Promise<Buffer> {
  return readFile(blobPath(uploadDir, sha256));
}

export async function storeBlob(uploadDir: string, buf: Buffer): Promise<string> {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const path = blobPath(uploadDir, sha256);
  await mkdir(join(uploadDir, sha256.slice(0, 2)), { recursive: true });
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  if (!exists) {
    const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, buf, { mode: 0o640 });
    await rename(tmp, path);
  } else {
    // Renewed, so that the orphan sweep (src/features/attachments/blob-sweep.ts) spares a file whose row is on its way.
    const now = new Date();
    await utimes(path, now, now).catch(() => undefined);
  }
  return sha256;
}

/** A stored file as a download: the type it was stored as, a safe name in both header forms. */
export interface StoredFile {
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/**
 * Types a browser shows as they are without running anything: the kinds uploads are checked to be
 * (src/shared/files/file-type.ts). Any other stored type goes out as application/octet-stream, so that
 * no upload is ever rendered as HTML, SVG or script, whatever its record says.
 */
const INERT_TYPES = new Set([
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/msword',
  'application/vnd.ms-excel',
  'application/octet-stream',
  'image/png',
  'image/jpeg',
]);

export function downloadContentType(mimeType: string): string {
  const base = mimeType.split(';')[0]!.trim().toLowerCase();
  return INERT_TYPES.has(base) ? base : 'application/octet-stream';
}

/**
 * Streams a stored file back as a download the browser will neither sniff, run, render inline, nor
 * cache: always an attachment, of an inert type, sandboxed by its own CSP. The audit log records it.
 */
export function sendBlob(reply: FastifyReply, uploadDir: string, f: StoredFile) {
  const ascii = f.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  noteAudit(reply.request, { storedFile: true, details: { file: { name: f.filename, sha256: f.sha256, size: f.size } } });
  return reply
    .header('content-type', downloadContentType(f.mimeType))
    .header('content-length', f.size)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox; frame-ancestors 'none'")
    .header('cache-control', 'private, no-store')
    .send(createReadStream(blobPath(uploadDir, f.sha256)));
}
