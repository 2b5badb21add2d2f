/**
 * The editor's left menu: cover, city types, then the outline's chapters and parts with the
 * structured blocks under the part they belong to. Each entry carries a red badge (blocking
 * findings) or an orange one (warnings only).
 */
import { memo, useMemo } from 'react';
import { PLAN_OUTLINE } from '../../../../shared/plan/outline';
import { useI18n, type Translate } from '../i18n';
import { BLOCK_LABEL_KEYS, BLOCKS_AFTER_PART, sectionAnchor, type AnchorKey } from '../plan-layout';

export interface NavEntry {
  anchor: AnchorKey;
  label: string;
  level: 0 | 1 | 2;
  /** Anchors whose findings count toward this entry (a chapter counts its parts and blocks). */
  counts: AnchorKey[];
}

export function chapterAnchor(key: string): AnchorKey {
  return `chapter:${key}`;
}

export function useNavEntries(): NavEntry[] {
  const { t, l } = useI18n();
  return useMemo(() => buildEntries(t, l), [t, l]);
}

function buildEntries(t: Translate, l: (label: { zh: string; en: string }) => string): NavEntry[] {
  const entries: NavEntry[] = [
    { anchor: 'cover', label: t(BLOCK_LABEL_KEYS.cover), level: 0, counts: ['cover'] },
    { anchor: 'cityTypes', label: t(BLOCK_LABEL_KEYS.cityTypes), level: 0, counts: ['cityTypes'] },
  ];
  for (const chapter of PLAN_OUTLINE) {
    const children: NavEntry[] = [];
    for (const part of chapter.parts) {
      const a = sectionAnchor(part.key);
      children.push({ anchor: a, label: l(part), level: 1, counts: [a] });
      for (const block of BLOCKS_AFTER_PART[part.key] ?? []) {
        children.push({ anchor: block, label: t(BLOCK_LABEL_KEYS[block]), level: 2, counts: [block] });
      }
    }
    entries.push({ anchor: chapterAnchor(chapter.key), label: l(chapter), level: 0, counts: children.flatMap((c) => c.counts) }, ...children);
  }
  return entries;
}

interface Props {
  entries: readonly NavEntry[];
  counts: ReadonlyMap<AnchorKey, { blocking: number; warning: number }>;
  active: AnchorKey | null;
  onSelect: (anchor: AnchorKey) => void;
}

export const EditorNav = memo(function EditorNav({ entries, counts, active, onSelect }: Props) {
  const { t } = useI18n();
  return (
    <nav className="editor-nav" aria-label={t('editor.navLabel')} data-testid="editor-nav">
      {entries.map((e) => {
        let blocking = 0;
        let warning = 0;
        for (const a of e.counts) {
          const c = counts.get(a);
          if (c) {
            blocking += c.blocking;
            warning += c.warning;
          }
        }
        const total = blocking + warning;
        return (
          <button
            type="button"
            key={e.anchor}
            className={`nav-entry level-${e.level}${active === e.anchor ? ' active' : ''}`}
            onClick={() => onSelect(e.anchor)}
            title={e.label}
            data-testid={`nav-${e.anchor}`}
          >
            <span className="nav-label">{e.label}</span>
            {total > 0 && (
              <span
                className={`nav-badge ${blocking > 0 ? 'blocking' : 'warning'}`}
                title={t('editor.badgeTitle', { blocking, warning })}
                data-testid={`nav-badge-${e.anchor}`}
              >
                {total}
              </span>
            )}
          </button>
        );
      })}
    </nav>
  );
});
