/**
 * Every part of the web keeps its own messages (src/features/<f>/ui/messages.ts, src/web/messages.ts,
 * and the common ones here). Each message exists in both languages with the same placeholders, and
 * every key a part's files pass to t() exists in its own table or the common one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Messages } from './i18n';
import { messages as common } from './messages';

const root = join(process.cwd(), 'src');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const tables = walk(root).filter((p) => p.endsWith('/messages.ts'));
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('interface messages', () => {
  it('are kept per part, beside its UI', () => {
    const parts = tables.map((p) => relative(root, dirname(p)));
    expect(parts).toContain('web-kit');
    expect(parts).toContain('web');
    expect(parts.filter((p) => p.startsWith('features/')).length).toBeGreaterThanOrEqual(8);
  });

  it.each(tables.map((p) => [relative(root, p), p]))('%s has every message in zh-CN and en-US', async (_name, path) => {
    const { messages } = (await import(path)) as { messages: Messages };
    const problems: string[] = [];
    for (const [key, label] of Object.entries(messages)) {
      if (!label.zh?.trim()) problems.push(`${key}: no zh-CN text`);
      if (!label.en?.trim()) problems.push(`${key}: no en-US text`);
      if (label.zh && label.en && placeholders(label.zh).join() !== placeholders(label.en).join()) problems.push(`${key}: placeholders differ`);
      if (path !== join(root, 'web-kit/messages.ts') && key in common) problems.push(`${key}: also a common message`);
    }
    expect(problems).toEqual([]);
  });

  it.each(tables.map((p) => [relative(root, dirname(p)), p]))('every key %s passes to t() exists', async (_dir, path) => {
    const { messages } = (await import(path)) as { messages: Messages };
    const dir = dirname(path);
    const sources = walk(dir).filter((p) => /\.(ts|tsx)$/.test(p) && !p.endsWith('.test.ts') && !p.endsWith('messages.ts'));
    const missing: string[] = [];
    for (const file of sources) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([^']+)'/g)) {
        const key = m[1]!;
        if (!(key in messages) && !(key in common)) missing.push(`${relative(root, file)}: ${key}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
