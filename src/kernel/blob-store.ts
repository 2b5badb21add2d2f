/**
 * Uploaded files live outside the web root under their SHA-256 (the same file uploaded twice is
 * stored once), written to a temporary name and renamed into place, so a reader never sees half a
 * file. One store for every feature that keeps files: attachments, report evidence, rectification
 * evidence, summaries, provincial documents.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export function blobPath(uploadDir: string, sha256: string): string {
  return join(uploadDir, sha256.slice(0, 2), sha256);
}

/** Stores the bytes (once) and returns their SHA-256, hex. */
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
  }
  return sha256;
}
