/**
 * Where each piece of the plan sits on screen and on paper: the outline's parts in order, with the
 * structured blocks (targets, industries, parks, ...) placed after the part that discusses them.
 * Also maps a checker finding to the block, and the element, it points to.
 */
import type { Finding } from '../../../shared/plan/checker';
import { PLAN_OUTLINE } from '../../../shared/plan/outline';
import type { Plan } from '../../../shared/plan/plan-schema';
import type { CommonKey } from '../../../web-kit/i18n';

export const TABLE_BLOCKS = ['targets', 'keyIndustries', 'parks', 'coreEnterprises', 'innovationCarriers', 'taskDivision', 'contact'] as const;
export type TableBlock = (typeof TABLE_BLOCKS)[number];

/** The structured blocks that follow an outline part. */
export const BLOCKS_AFTER_PART: Readonly<Record<string, readonly TableBlock[]>> = {
  'ch2.targets': ['targets'],
  'ch3.architecture': ['keyIndustries'],
  'ch3.layout': ['parks', 'coreEnterprises'],
  'ch4.carriers': ['innovationCarriers'],
  'ch7.division': ['taskDivision'],
  'ch8.other': ['contact'],
};

export const BLOCK_LABEL_KEYS: Record<TableBlock | 'cover' | 'cityTypes' | 'general', CommonKey> = {
  cover: 'block.cover',
  cityTypes: 'block.cityTypes',
  targets: 'block.targets',
  keyIndustries: 'block.keyIndustries',
  parks: 'block.parks',
  coreEnterprises: 'block.coreEnterprises',
  innovationCarriers: 'block.innovationCarriers',
  taskDivision: 'block.taskDivision',
  contact: 'block.contact',
  general: 'block.general',
};

/** A navigable block of the editor: 'cover', 'cityTypes', 'section:<partKey>', a table block, or 'general'. */
export type AnchorKey = string;

export function sectionAnchor(partKey: string): AnchorKey {
  return `section:${partKey}`;
}

/** DOM id of a block. */
export function blockElementId(anchor: AnchorKey): string {
  return `anchor-${anchor.replace(':', '-')}`;
}

export function targetElementId(targetId: string): string {
  return `target-${targetId}`;
}

export function rowElementId(block: TableBlock, index: number): string {
  return `row-${block}-${index}`;
}

export interface FindingLocation {
  anchor: AnchorKey;
  /** The element to scroll to: the row or the block. */
  elementId: string;
  partKey?: string;
  targetId?: string;
}

const PART_KEYS = new Set(PLAN_OUTLINE.flatMap((c) => c.parts.map((p) => p.key)));

export function locateFinding(f: Finding, plan: Plan): FindingLocation {
  const sectionKey = f.sectionKey ?? (f.path.startsWith('sections.') ? f.path.slice('sections.'.length) : undefined);
  if (sectionKey && PART_KEYS.has(sectionKey)) {
    const anchor = sectionAnchor(sectionKey);
    return { anchor, elementId: blockElementId(anchor), partKey: sectionKey };
  }
  const indexed = /^(\w+)\[(\d+)\]/.exec(f.path);
  const head = indexed ? indexed[1]! : f.path.split(/[.[]/)[0]!;
  if (head === 'targets' || f.targetId) {
    const targetId = f.targetId ?? (indexed ? plan.targets[Number(indexed[2])]?.id : undefined);
    if (targetId) return { anchor: 'targets', elementId: targetElementId(targetId), targetId };
    return { anchor: 'targets', elementId: blockElementId('targets') };
  }
  if ((TABLE_BLOCKS as readonly string[]).includes(head)) {
    const block = head as TableBlock;
    return { anchor: block, elementId: indexed ? rowElementId(block, Number(indexed[2])) : blockElementId(block) };
  }
  if (head === 'cover' || head === 'cityTypes') return { anchor: head, elementId: blockElementId(head) };
  return { anchor: 'general', elementId: blockElementId('general') };
}

/** Counts findings per anchor: { blocking, warning }. */
export function countByAnchor(findings: readonly Finding[], plan: Plan): Map<AnchorKey, { blocking: number; warning: number }> {
  const counts = new Map<AnchorKey, { blocking: number; warning: number }>();
  for (const f of findings) {
    const { anchor } = locateFinding(f, plan);
    const c = counts.get(anchor) ?? { blocking: 0, warning: 0 };
    if (f.severity === 'blocking') c.blocking++;
    else c.warning++;
    counts.set(anchor, c);
  }
  return counts;
}
