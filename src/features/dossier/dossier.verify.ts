/**
 * Reads a dossier zip and checks it against its manifest (the pure check is
 * src/shared/dossier/manifest.ts): what `npm run cli -- dossier-verify FILE.zip` runs.
 */
import JSZip from 'jszip';
import { verifyDossier, type DossierVerification } from '../../shared/dossier/manifest.js';

/** The zip's files (folders left out), path → bytes; throws when the bytes are not a zip. */
export async function zipEntries(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const entries = new Map<string, Uint8Array>();
  for (const f of Object.values(zip.files)) {
    if (f.dir) continue;
    entries.set(f.name, await f.async('uint8array'));
  }
  return entries;
}

export async function verifyDossierZip(bytes: Uint8Array): Promise<DossierVerification> {
  return verifyDossier(await zipEntries(bytes));
}
