/**
 * Stores an authority's uploaded file the way attachments are stored: type decided by its bytes,
 * the blob outside the web root under its SHA-256 (written once, atomically), and served back only
 * as a download the browser will neither sniff nor run.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../kernel/app-error.js';
import { checkFile, safeFilename } from '../../shared/files/file-type.js';

export function blobPath(uploadDir: string, sha256: string): string {
  return join(uploadDir, sha256.slice(0, 2), sha256);
}

export interface StoredBlob {
  sha256: string;
  filename: string;
  mimeType: string;
  size: number;
}

export async function storeBlob(uploadDir: string, originalName: string, buf: Buffer): Promise<StoredBlob> {
  const filename = safeFilename(originalName);
  const check = checkFile(filename, buf.subarray(0, 4096));
  if (!check.ok) throw new AppError(check.reason);
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const path = blobPath(uploadDir, sha256);
  await mkdir(join(uploadDir, sha256.slice(0, 2)), { recursive: true });
  if (!(await stat(path).then(() => true, () => false))) {
    const tmp = `${path}.${process.pid}.${createHash('sha1').update(`${Math.random()}`).digest('hex').slice(0, 8)}.tmp`;
    await writeFile(tmp, buf, { mode: 0o640 });
    await rename(tmp, path);
  }
  return { sha256, filename, mimeType: check.mimeType, size: buf.length };
}

export function sendBlob(reply: FastifyReply, uploadDir: string, f: StoredBlob) {
  const ascii = f.filename.replace(/[^\x20-\x7e]/g, '_');
  return reply
    .header('content-type', f.mimeType)
    .header('content-length', f.size)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(f.filename)}`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', 'private, no-store')
    .send(createReadStream(blobPath(uploadDir, f.sha256)));
}
