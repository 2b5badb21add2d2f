import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorResponses } from '../../kernel/openapi.js';
import { checkPlan, hasBlocking } from '../../shared/plan/checker.js';
import { parseTargetWording } from '../../shared/plan/parse-target.js';
import { checkPlanBody, checkPlanResultSchema, parsedTargetSchema, parseTargetBody } from './plan-check.contract.js';

/** The plan checker as a stateless endpoint: the same pure function the editor and the CLI run. */
export async function planCheckRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/plan/check',
    {
      config: { permission: 'plan.check' },
      schema: {
        tags: ['plan checker'],
        summary: '方案检查 Check a plan for completeness and assessable targets',
        body: checkPlanBody,
        response: { 200: checkPlanResultSchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req) => {
      const findings = checkPlan(req.body.plan);
      return { blocking: hasBlocking(findings), findings };
    },
  );
  r.post(
    '/plan/parse-target',
    {
      config: { permission: 'plan.check' },
      schema: {
        tags: ['plan checker'],
        summary: '解析目标表述 Parse a target’s wording into proposed fields',
        body: parseTargetBody,
        response: { 200: parsedTargetSchema, ...errorResponses(400, 401, 403, 422) },
      },
    },
    async (req) => parseTargetWording(req.body.wording, { applicationYear: req.body.applicationYear }),
  );
}
