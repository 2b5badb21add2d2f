/**
 * The funding programmes that favour pilot cities, as named by the notice (工业转型升级, 技术改造,
 * 科技重大专项, 智能制造, 两化融合, 化解产能过剩). The list is a setting the ministry edits; these
 * are the defaults until it does. Keys are stable: records keep the key, labels may change.
 */
import type { Programme } from './policy-resources.contract.js';

export const DEFAULT_PROGRAMMES: readonly Programme[] = [
  { key: 'industrial_upgrading', zh: '工业转型升级', en: 'Industrial transformation and upgrading' },
  { key: 'technical_renovation', zh: '技术改造', en: 'Technical renovation' },
  { key: 'major_st_projects', zh: '科技重大专项', en: 'Major science and technology projects' },
  { key: 'intelligent_manufacturing', zh: '智能制造', en: 'Intelligent manufacturing' },
  { key: 'it_integration', zh: '两化融合', en: 'Integration of IT and industrialisation' },
  { key: 'overcapacity', zh: '化解产能过剩', en: 'Reducing overcapacity' },
];

/** Keys that occur more than once in a list. */
export function duplicateKeys(programmes: readonly Programme[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const p of programmes) (seen.has(p.key) ? dup : seen).add(p.key);
  return [...dup];
}

/** Keys of `before` that `after` no longer has. */
export function removedKeys(before: readonly Programme[], after: readonly Programme[]): string[] {
  const kept = new Set(after.map((p) => p.key));
  return before.map((p) => p.key).filter((k) => !kept.has(k));
}

/** Sums in 万元 are kept to four decimals (one yuan), so float noise never shows. */
export function roundAmount(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}
