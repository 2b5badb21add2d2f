import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../server/app-error.js';
import { errorResponses } from '../../server/openapi.js';
import { CITY_TYPE_LABELS, CITY_TYPES } from '../../shared/plan/plan-schema.js';
import { divisionsForSelect, getDivision, listReviewAuthorities, REGION_LABELS } from './divisions.js';

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
        querystring: z.object({ districts: z.enum(['true', 'false']).optional() }),
      },
    },
    async (req, reply) => {
      cache(reply);
      return { items: divisionsForSelect({ districts: req.query.districts === 'true' }) };
    },
  );

  r.get(
    '/reference/divisions/:code',
    {
      schema: {
        tags: ['reference'],
        summary: '单个行政区划 One division',
        params: z.object({ code: z.string().regex(/^\d{6}$/) }),
        response: { 200: z.any(), ...errorResponses(404, 422) },
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
    { schema: { tags: ['reference'], summary: '省级初审单位（含计划单列市、兵团）Provincial reviewing authorities' } },
    async (_req, reply) => {
      cache(reply);
      return { items: listReviewAuthorities() };
    },
  );

  r.get(
    '/reference/city-types',
    { schema: { tags: ['reference'], summary: '城市类型与区域 City types and regions' } },
    async (_req, reply) => {
      cache(reply);
      return {
        cityTypes: CITY_TYPES.map((key) => ({ key, ...CITY_TYPE_LABELS[key] })),
        regions: Object.entries(REGION_LABELS).map(([key, l]) => ({ key, ...l })),
      };
    },
  );
}
