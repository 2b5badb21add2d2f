import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../kernel/app-error.js';
import { errorResponses } from '../../kernel/openapi.js';
import { CITY_TYPE_LABELS, CITY_TYPES } from '../../shared/plan/plan-schema.js';
import { divisionsForSelect, getDivision, listReviewAuthorities, REGION_LABELS, REGIONS } from '../../shared/reference/divisions.js';
import {
  authorityListSchema,
  cityTypesSchema,
  divisionParams,
  divisionSchema,
  divisionsQuery,
  divisionTreeSchema,
} from './reference.contract.js';

/** Reference data: public, cacheable, the same for every user. */
export async function referenceRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const cache = (reply: { header: (k: string, v: string) => unknown }) => reply.header('cache-control', 'public, max-age=3600');

  r.get(
    '/reference/divisions',
    {
      schema: {
        tags: ['reference'],
        summary: '行政区划（GB/T 2260）Divisions as a province → city tree',
        querystring: divisionsQuery,
        response: { 200: divisionTreeSchema, ...errorResponses(422) },
      },
    },
    async (req, reply) => {
      cache(reply);
      return { items: [...divisionsForSelect({ districts: req.query.districts === 'true' })] };
    },
  );

  r.get(
    '/reference/divisions/:code',
    {
      schema: {
        tags: ['reference'],
        summary: '单个行政区划 One division',
        params: divisionParams,
        response: { 200: divisionSchema, ...errorResponses(404, 422) },
      },
    },
    async (req, reply) => {
      const d = getDivision(req.params.code);
      if (!d) throw new AppError('NOT_FOUND');
      cache(reply);
      return d;
    },
  );

  r.get(
    '/reference/authorities',
    {
      schema: {
        tags: ['reference'],
        summary: '省级初审单位（含计划单列市、兵团）Provincial reviewing authorities',
        response: { 200: authorityListSchema },
      },
    },
    async (_req, reply) => {
      cache(reply);
      return { items: listReviewAuthorities() };
    },
  );

  r.get(
    '/reference/city-types',
    { schema: { tags: ['reference'], summary: '城市类型与区域 City types and regions', response: { 200: cityTypesSchema } } },
    async (_req, reply) => {
      cache(reply);
      return {
        cityTypes: CITY_TYPES.map((key) => ({ key, ...CITY_TYPE_LABELS[key] })),
        regions: REGIONS.map((key) => ({ key, ...REGION_LABELS[key] })),
      };
    },
  );
}
