/**
 * `npm run cli -- dossier-verify FILE.zip`: recomputes the size and SHA-256 of every file in a
 * downloaded dossier 完整档案 against its manifest.json and names what is missing, extra or changed.
 * Exit 0: intact; 1: any mismatch (or no valid manifest); 2: the file cannot be read or is not a zip.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { verifyDossierZip } from '../features/dossier/public';
import { verificationReport } from '../shared/dossier/manifest';

export async function dossierVerifyCommand(positional: readonly string[], io: { out: (t: string) => void; err: (t: string) => void }): Promise<number> {
  const file = positional[0];
  if (!file) {
    io.err('缺少文件名 Missing FILE.zip\n  dossier-verify FILE.zip');
    return 2;
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(resolve(file));
  } catch (e) {
    io.err(`无法读取文件 Cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  let verdict;
  try {
    verdict = await verifyDossierZip(bytes);
  } catch (e) {
    io.err(`文件不是有效的 zip 档案 The file is not a valid zip: ${file}\n  ${(e as Error).message}`);
    return 2;
  }
  (verdict.ok ? io.out : io.err)(verificationReport(verdict));
  return verdict.ok ? 0 : 1;
}
