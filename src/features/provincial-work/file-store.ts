/**
 * Stores an authority's uploaded file the way attachments are stored: type decided by its bytes,
 * the blob outside the web root under its SHA-256 (written once, atomically), and served back only
 * as a download the browser will neither sniff nor run.
 */
import { storeBlob as writeBlob } from '../../kernel/blob-store.js';
import { AppError } from '../../kernel/app-error.js';
import { checkUpload, safeFilename } from '../../shared/files/file-type.js';


export interface StoredBlob {
  sha256: string;
  filename: string;
  mimeType: string;
  size: number;
}

export async function storeBlob(uploadDir: string, originalName: string, buf: Buffer): Promise<StoredBlob> {
  const filename = safeFilename(originalName);
  const check = checkUpload(filename, buf);
  if (!check.ok) throw new AppError(check.reason);
  const sha256 = await writeBlob(uploadDir, buf);
  return { sha256, filename, mimeType: check.mimeType, size: buf.length };
}

