import { describe, expect, it } from 'vitest';
import {
  CATALOGUE_NAME,
  MANIFEST_FORMAT,
  MANIFEST_NAME,
  catalogueText,
  dossierTooLarge,
  manifestEntries,
  sha256Hex,
  uniquePaths,
  verificationReport,
  verifyDossier,
  type DossierManifest,
} from './manifest';

const enc = (s: string) => new TextEncoder().encode(s);

function dossier(files: Record<string, string>): Map<string, Uint8Array> {
  const list = Object.entries(files).map(([path, text]) => ({ path, title: path, bytes: enc(text) }));
  const head: Omit<DossierManifest, 'files'> = {
    format: MANIFEST_FORMAT,
    object: { type: 'application', id: 'a1', refNo: 'SQ-2016-330100-0001', name: '杭州市实施方案' },
    generatedAt: '2026-12-01T08:00:00.000Z',
    generatedBy: { username: 'guihuasi', name: '规划司', organisation: '工信部规划司', role: 'ministry_planning' },
    omitted: [],
  };
  const entries = manifestEntries(list);
  const catalogue = enc(catalogueText(head, entries));
  const all = [...entries, ...manifestEntries([{ path: CATALOGUE_NAME, title: '目录', bytes: catalogue }])];
  const m = new Map(list.map((f) => [f.path, f.bytes]));
  m.set(CATALOGUE_NAME, catalogue);
  m.set(MANIFEST_NAME, enc(JSON.stringify({ ...head, files: all })));
  return m;
}

describe('the dossier manifest', () => {
  const files = { '01-实施方案/实施方案.pdf': '%PDF-1.7 方案', '03-附件/佐证.pdf': '%PDF 附件', '08-审计记录/审计日志.csv': 'seq,time' };

  it('verifies an untouched dossier', () => {
    const v = verifyDossier(dossier(files));
    expect(v).toMatchObject({ ok: true, checked: 4, missing: [], extra: [], changed: [], problem: null });
    expect(verificationReport(v)).toContain('校验通过');
  });

  it('names a changed file, with its expected and found digest', () => {
    const d = dossier(files);
    const bytes = d.get('03-附件/佐证.pdf')!.slice();
    bytes[0] = bytes[0]! ^ 1;
    d.set('03-附件/佐证.pdf', bytes);
    const v = verifyDossier(d);
    expect(v.ok).toBe(false);
    expect(v.changed.map((c) => c.path)).toEqual(['03-附件/佐证.pdf']);
    expect(v.changed[0]!.actual.sha256).toBe(sha256Hex(bytes));
    expect(verificationReport(v)).toMatch(/改动 CHANGED {2}03-附件\/佐证\.pdf/);
  });

  it('reports a missing and an extra file', () => {
    const d = dossier(files);
    d.delete('08-审计记录/审计日志.csv');
    d.set('09-其他/多出来的.txt', enc('x'));
    const v = verifyDossier(d);
    expect(v).toMatchObject({ ok: false, missing: ['08-审计记录/审计日志.csv'], extra: ['09-其他/多出来的.txt'], changed: [] });
  });

  it('fails without a manifest, or with one that is not a manifest', () => {
    const d = dossier(files);
    d.delete(MANIFEST_NAME);
    expect(verifyDossier(d)).toMatchObject({ ok: false, problem: 'manifest_missing' });
    d.set(MANIFEST_NAME, enc('{"files": []}'));
    expect(verifyDossier(d)).toMatchObject({ ok: false, problem: 'manifest_invalid' });
    d.set(MANIFEST_NAME, new Uint8Array([0xff, 0xfe, 0x00]));
    expect(verifyDossier(d)).toMatchObject({ ok: false, problem: 'manifest_invalid' });
  });

  it('lists every file in 目录.txt with its size and digest', () => {
    const d = dossier(files);
    const text = new TextDecoder().decode(d.get(CATALOGUE_NAME));
    expect(text).toContain('杭州市实施方案（SQ-2016-330100-0001）');
    expect(text).toContain(`${sha256Hex(enc('%PDF 附件'))}\t03-附件/佐证.pdf`);
  });

  it('makes paths unique and safe', () => {
    expect(uniquePaths(['03-附件/方案.pdf', '03-附件/方案.pdf', '03-附件/方案.PDF', '../../etc/passwd', '03-附件\\a:b.pdf', '03-附件/README'])).toEqual([
      '03-附件/方案.pdf',
      '03-附件/方案(2).pdf',
      '03-附件/方案(3).PDF',
      'etc/passwd',
      '03-附件/a_b.pdf',
      '03-附件/README',
    ]);
    expect(uniquePaths(['a/README', 'a/README'])).toEqual(['a/README', 'a/README(2)']);
  });

  it('guards the size', () => {
    expect(dossierTooLarge([100, 200], 300)).toBe(false);
    expect(dossierTooLarge([100, 201], 300)).toBe(true);
  });
});
