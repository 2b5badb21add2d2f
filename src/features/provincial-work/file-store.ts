/**
 * Stores an authority's uploaded file the way attachments are stored: type decided by its bytes,
 * the blob outside the web root under its SHA-256 (written once, atomically), and served back only
 * as a download the browser will neither sniff nor run.
 */
import { blobPath, storeBlob as writeBlob } from '../../kernel/blob-store.js';
import { createReadStream } from 'node:fs';
import type { FastifyReply } from 'fastify';
import { AppError } from '../../kernel/app-error.js';
import { checkFile, safeFilename } from '../../shared/files/file-type.js';


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
  const sha256 = await writeBlob(uploadDir, buf);
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
