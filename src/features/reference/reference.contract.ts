/**
 * The reference API as it crosses the wire: the divisions (GB/T 2260) as a province → city tree,
 * one division, the provincial reviewing authorities, and the city types and regions. Public and
 * the same for every user; the web takes its types from here (type-only imports).
 */
import { z } from 'zod';
import { CITY_TYPES } from '../../shared/plan/plan-schema.js';
import { REGIONS, type AuthorityKind, type DivisionLevel } from '../../shared/reference/divisions.js';

const DIVISION_LEVELS = ['province', 'prefecture', 'district'] as const satisfies readonly DivisionLevel[];
const AUTHORITY_KINDS = ['province', 'separately_planned', 'xpcc'] as const satisfies readonly AuthorityKind[];

const divisionCode = z.string().regex(/^\d{6}$/).describe('6-digit GB/T 2260 code');

export const divisionsQuery = z.object({
  districts: z.enum(['true', 'false']).optional().describe('Also list the districts under each city'),
});

export const divisionParams = z.object({ code: divisionCode });

/**
 * The cascader tree: provinces hold their city-level divisions, and with districts=true the cities
 * hold their districts. Three levels at most, spelled out: the OpenAPI document then needs no
 * recursive reference.
 */
const districtNode = z.object({ code: z.string(), name: z.string() }).describe('A division without divisions under it');
const cityNode = districtNode.extend({ children: z.array(districtNode).optional() }).describe('A city-level division');
const provinceNode = districtNode.extend({ children: z.array(cityNode).optional() }).describe('A province with its cities');

export const divisionTreeSchema = z.object({ items: z.array(provinceNode) });

export const divisionSchema = z
  .object({
    code: z.string(),
    name: z.string().describe('Full name, e.g. 宁波市'),
    shortName: z.string().describe('Without the administrative suffix, e.g. 宁波'),
    level: z.enum(DIVISION_LEVELS),
    parentCode: z.string().nullable(),
    provinceCode: z.string(),
    region: z.enum(REGIONS),
    directlyAdministered: z.literal(true).optional().describe('County-level unit directly under a province (省直辖县级)'),
  })
  .describe('One division');

export const authoritySchema = z
  .object({
    id: z.string().describe('Province code, 计划单列市 code, or xpcc'),
    kind: z.enum(AUTHORITY_KINDS),
    name: z.string(),
    label: z.string(),
    divisionCode: z.string().nullable().describe('null for the XPCC, which has no GB/T 2260 code'),
    provinceCode: z.string(),
    region: z.enum(REGIONS),
  })
  .describe('A provincial reviewing authority (初审单位)');

export const authorityListSchema = z.object({ items: z.array(authoritySchema) });

const labelled = <T extends readonly [string, ...string[]]>(keys: T) => z.object({ key: z.enum(keys), zh: z.string(), en: z.string() });

export const cityTypesSchema = z.object({
  cityTypes: z.array(labelled(CITY_TYPES)),
  regions: z.array(labelled(REGIONS)),
});

/** A node at any level of the tree, as the pickers walk it. */
export type DivisionNode = z.infer<typeof districtNode> & { children?: DivisionNode[] };
export type DivisionTree = z.infer<typeof divisionTreeSchema>;
export type Division = z.infer<typeof divisionSchema>;
export type Authority = z.infer<typeof authoritySchema>;
export type AuthorityList = z.infer<typeof authorityListSchema>;
export type CityTypes = z.infer<typeof cityTypesSchema>;

