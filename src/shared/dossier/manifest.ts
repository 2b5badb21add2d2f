/**
 * The dossier 完整档案's manifest: every file of the zip with its size and SHA-256, the object the
 * dossier is of, who generated it and when; the human-readable 目录.txt made from it; and the check
 * that recomputes every digest (what `npm run cli -- dossier-verify FILE.zip` runs). Pure: bytes in,
 * verdicts out.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The manifest's own name in the zip; it lists every other file, 目录.txt included. */
export const MANIFEST_NAME = 'manifest.json';
export const CATALOGUE_NAME = '目录.txt';
export const MANIFEST_FORMAT = 'mic2025-dossier/1';

/** Generated documents and the attachments together may not exceed this in one zip. */
export const DOSSIER_MAX_BYTES = 256 * 1024 * 1024;

export const manifestFileSchema = z.object({
  path: z.string().min(1),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** What the file is, in Chinese: 实施方案（PDF）, 附件, 审计记录 … */
  title: z.string(),
});

export const manifestSchema = z.object({
  format: z.literal(MANIFEST_FORMAT),
  object: z.object({
    type: z.enum(['application', 'pilot']),
    id: z.string(),
    refNo: z.string(),
    name: z.string(),
  }),
  generatedAt: z.string(),
  generatedBy: z.object({ username: z.string(), name: z.string(), organisation: z.string(), role: z.string() }),
  /** Sections left out for this reader, with the reason (e.g. the experts' scores, for the ministry only). */
  omitted: z.array(z.object({ section: z.string(), reason: z.string() })),
  files: z.array(manifestFileSchema),
});

export type ManifestFile = z.infer<typeof manifestFileSchema>;
export type DossierManifest = z.infer<typeof manifestSchema>;

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export interface DossierFile {
  path: string;
  title: string;
  bytes: Uint8Array;
}

/**
 * Makes each path unique within the zip (a second 方案.pdf in a folder becomes 方案(2).pdf) and safe:
 * no leading slash, no `..`, no backslashes or control characters.
 */
export function uniquePaths(paths: readonly string[]): string[] {
  const seen = new Set<string>();
  return paths.map((raw) => {
    const clean = raw
      .replace(/\\/g, '/')
      .split('/')
      .map((seg) => [...seg].map((ch) => ((ch.codePointAt(0) ?? 0) < 0x20 || ch === '\u007f' || ':*?"<>|'.includes(ch) ? '_' : ch)).join('').trim())
      .filter((seg) => seg !== '' && seg !== '.' && seg !== '..')
      .join('/');
    const base = clean === '' ? '_' : clean;
    let candidate = base;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) {
      const slash = base.lastIndexOf('/');
      const dot = base.lastIndexOf('.');
      candidate = dot > slash + 1 ? `${base.slice(0, dot)}(${n})${base.slice(dot)}` : `${base}(${n})`;
    }
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}

export function manifestEntries(files: readonly DossierFile[]): ManifestFile[] {
  return files.map((f) => ({ path: f.path, size: f.bytes.byteLength, sha256: sha256Hex(f.bytes), title: f.title }));
}

function humanSize(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** 目录.txt: the object, who made the dossier and when, then every file (but itself and the manifest) with size and digest. */
export function catalogueText(m: Omit<DossierManifest, 'files'>, files: readonly ManifestFile[]): string {
  const kind = m.object.type === 'application' ? '申报' : '试点';
  const lines = [
    '“中国制造2025”城市试点示范工作平台 完整档案目录',
    '',
    `档案对象：${kind}\u3000${m.object.name}（${m.object.refNo}）`,
    `对象编号：${m.object.id}`,
    `生成时间：${m.generatedAt}`,
    `生成人：${m.generatedBy.name}（${m.generatedBy.organisation}，${m.generatedBy.username}）`,
    '',
    `文件清单（共${files.length}个，另有本目录与 ${MANIFEST_NAME}）：`,
    '序号\t大小\tSHA-256\t文件\t说明',
    ...files.map((f, i) => `${i + 1}\t${humanSize(f.size)}\t${f.sha256}\t${f.path}\t${f.title}`),
  ];
  if (m.omitted.length > 0) lines.push('', '未收录的部分：', ...m.omitted.map((o) => `- ${o.section}：${o.reason}`));
  lines.push(
    '',
    `校验方法：${MANIFEST_NAME} 列出本目录在内的每个文件的大小和 SHA-256 摘要；`,
    '在平台上运行 npm run cli -- dossier-verify 档案.zip 逐一重算并报告缺失、多余或被改动的文件。',
    '',
  );
  return lines.join('\r\n');
}

// ---------------------------------------------------------------------------------------------
// Verification

export interface ChangedFile {
  path: string;
  expected: { size: number; sha256: string };
  actual: { size: number; sha256: string };
}

export type DossierVerification =
  | { ok: boolean; manifest: DossierManifest; checked: number; missing: string[]; extra: string[]; changed: ChangedFile[]; problem: null }
  | { ok: false; manifest: null; checked: 0; missing: []; extra: []; changed: []; problem: 'manifest_missing' | 'manifest_invalid' };

/**
 * Recomputes every digest of the files in a zip (its entries: path → bytes, folders left out) against
 * the manifest. Missing: listed but absent; extra: present but not listed (the manifest itself aside);
 * changed: size or digest differs. `ok` only when all three are empty.
 */
export function verifyDossier(entries: ReadonlyMap<string, Uint8Array>): DossierVerification {
  const raw = entries.get(MANIFEST_NAME);
  if (!raw) return { ok: false, manifest: null, checked: 0, missing: [], extra: [], changed: [], problem: 'manifest_missing' };
  let parsed: DossierManifest;
  try {
    const result = manifestSchema.safeParse(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw)));
    if (!result.success) throw new Error('not a manifest');
    parsed = result.data;
  } catch {
    return { ok: false, manifest: null, checked: 0, missing: [], extra: [], changed: [], problem: 'manifest_invalid' };
  }
  const listed = new Set(parsed.files.map((f) => f.path));
  const missing: string[] = [];
  const changed: ChangedFile[] = [];
  for (const f of parsed.files) {
    const bytes = entries.get(f.path);
    if (!bytes) {
      missing.push(f.path);
      continue;
    }
    const actual = { size: bytes.byteLength, sha256: sha256Hex(bytes) };
    if (actual.size !== f.size || actual.sha256 !== f.sha256) changed.push({ path: f.path, expected: { size: f.size, sha256: f.sha256 }, actual });
  }
  const extra = [...entries.keys()].filter((p) => p !== MANIFEST_NAME && !listed.has(p)).sort();
  return { ok: missing.length === 0 && extra.length === 0 && changed.length === 0, manifest: parsed, checked: parsed.files.length, missing, extra, changed, problem: null };
}

/** The verdict as the command prints it, in Chinese and English. */
export function verificationReport(v: DossierVerification): string {
  if (v.problem === 'manifest_missing') return `校验失败：档案中没有 ${MANIFEST_NAME}。\nFAILED: the zip holds no ${MANIFEST_NAME}.`;
  if (v.problem !== null || v.manifest === null) return `校验失败：${MANIFEST_NAME} 不是有效的档案清单。\nFAILED: ${MANIFEST_NAME} is not a valid dossier manifest.`;
  const m = v.manifest;
  const lines = [`档案 Dossier: ${m.object.name}（${m.object.refNo}，${m.object.type} ${m.object.id}）`, `生成 Generated: ${m.generatedAt} by ${m.generatedBy.username}`];
  for (const p of v.missing) lines.push(`缺失 MISSING  ${p}`);
  for (const p of v.extra) lines.push(`多余 EXTRA    ${p}`);
  for (const c of v.changed) lines.push(`改动 CHANGED  ${c.path}  expected ${c.expected.size} B ${c.expected.sha256}, found ${c.actual.size} B ${c.actual.sha256}`);
  const bad = v.missing.length + v.extra.length + v.changed.length;
  lines.push(
    v.ok
      ? `校验通过：${v.checked} 个文件的大小与 SHA-256 摘要全部一致。\nOK: all ${v.checked} files match their size and SHA-256.`
      : `校验失败：${bad} 处不一致（缺失 ${v.missing.length}，多余 ${v.extra.length}，改动 ${v.changed.length}）。\nFAILED: ${bad} mismatches (missing ${v.missing.length}, extra ${v.extra.length}, changed ${v.changed.length}).`,
  );
  return lines.join('\n');
}

/** Refuses a dossier whose files together exceed the limit. */
export function dossierTooLarge(sizes: readonly number[], max: number = DOSSIER_MAX_BYTES): boolean {
  return sizes.reduce((a, b) => a + b, 0) > max;
}
