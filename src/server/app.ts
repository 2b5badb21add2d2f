/**
 * Builds the Fastify application: plugins, error mapping, OpenAPI, the API under /api/v1 and the web.
 * Tests call buildApp with an open database and use app.inject.
 */
import { sql } from 'drizzle-orm';
import { existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Database } from '../db/client.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import { configureDataProtection } from '../kernel/field-crypto.js';
import { accountRoutes } from '../features/accounts/accounts.routes.js';
import { applicationRoutes } from '../features/applications/applications.routes.js';
import { attachmentRoutes } from '../features/attachments/attachments.routes.js';
import { authRoutes } from '../features/auth/auth.routes.js';
import { sessionPlugin } from '../features/auth/session-plugin.js';
import { expertRoutes } from '../features/experts/experts.routes.js';
import { reviewRoutes } from '../features/ministry-review/review.routes.js';
import { pilotRoutes } from '../features/pilots/pilots.routes.js';
import { progressReportRoutes } from '../features/progress-reports/progress-reports.routes.js';
import { amendmentRoutes } from '../features/amendments/amendments.routes.js';
import { policyResourceRoutes } from '../features/policy-resources/policy-resources.routes.js';
import { consultingRoutes } from '../features/consulting/consulting.routes.js';
import { provincialWorkRoutes } from '../features/provincial-work/provincial-work.routes.js';
import { notificationRoutes } from '../features/notifications/notifications.routes.js';
import { planCheckRoutes } from '../features/plan-check/plan-check.routes.js';
import { referenceRoutes } from '../features/reference/reference.routes.js';
import { rectificationRoutes } from '../features/rectifications/rectifications.routes.js';
import { evaluationRoutes } from '../features/evaluations/evaluations.routes.js';
import { attainmentRoutes } from '../features/attainment/attainment.routes.js';
import { caseRoutes } from '../features/cases/public.js';
import { portalPages, portalRoutes } from '../features/portal/public.js';
import { eventRoutes } from '../features/events/events.routes.js';
import { dashboardRoutes } from '../features/dashboards/public.js';
import { dossierRoutes } from '../features/dossier/public.js';
import type { Config } from './config.js';
import { installErrorHandler } from './error-handler.js';
import { errorBody } from '../kernel/app-error.js';
import { installSecurityHeaders, loadIndexTemplate, sendIndexPage } from './security-headers.js';
import { auditPlugin, auditRoutes } from '../features/audit/public.js';

export interface AppDeps {
  database: Database;
  config: Config;
  /** Where routes read the date from; tests pass a manual clock (src/kernel/clock.ts). */
  clock?: Clock;
  /** Real elapsed time for sessions (idle timeout, lockout, TOTP); tests of those pass a manual clock. */
  sessionClock?: Clock;
  logger?: boolean | object;
}

export async function buildApp({ database, config, logger = false, clock = systemClock, sessionClock = systemClock }: AppDeps): Promise<FastifyInstance> {
  configureDataProtection(config.dataProtection);
  const app = Fastify({
    logger: logger === true ? { level: config.logLevel } : logger,
    bodyLimit: 4 * 1024 * 1024,
    // Fastify takes each form of the setting in its own overload.
    trustProxy: config.trustProxy as string,
    // A path the router cannot decode (%ZZ, a lone %, overlong UTF-8) is refused in the API's error
    // shape, like every other refusal (found by test/api/fuzz.test.ts).
    frameworkErrors: (_err, _req, reply) => void (reply as FastifyReply).status(400).send(errorBody('BAD_REQUEST')),
  });
  app.decorate('clock', clock);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const hasWeb = existsSync(join(config.webRoot, 'index.html'));
  // index.html with a fresh CSP nonce per answer, when the build marked the place for it.
  const indexTemplate = hasWeb ? loadIndexTemplate(config.webRoot) : null;
  installErrorHandler(app, { spaFallback: hasWeb, sendIndex: indexTemplate ? (reply) => sendIndexPage(reply, indexTemplate) : undefined });

  // CSP without 'unsafe-inline', frame-ancestors 'none', nosniff, referrer policy, HSTS in production.
  installSecurityHeaders(app, { hsts: config.hsts });

  // Responses are compressed for clients that accept it: JSON and text over 1 KB on the fly; the web
  // app's files are compressed at build time and served as they are (see the static files below).
  // Office documents and PDFs are zip or deflate inside already, so they go out as they are.
  await app.register(compress, {
    threshold: 1024,
    encodings: ['br', 'gzip'],
    customTypes: COMPRESSIBLE,
    globalDecompression: false,
  });
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: '“中国制造2025”城市试点示范平台 API',
        description: 'API of the Made in China 2025 city pilot demonstration platform. Errors: `{ error: { code, message: { zh-CN, en-US } } }`.',
        version: '1.0.0',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'mic_sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(sessionPlugin, { db: database.db, ttlHours: config.sessionTtlHours, secureCookies: config.secureCookies, identity: config.identity, demo: config.loadDemoData, clock: sessionClock });
  // Every sign-in, refusal, change, export and download goes into the SM3-chained audit log.
  await app.register(auditPlugin, { db: database.db, spoolDir: config.auditSpoolDir });

  // For load balancers: 200 while the database answers, 503 while it does not (the process stays up).
  app.get('/api/health', { schema: { hide: true } }, async (_req, reply) => {
    try {
      await database.db.execute(sql`select 1`);
      return { status: 'ok', database: database.kind };
    } catch {
      return reply.status(503).send({ status: 'unavailable', database: database.kind });
    }
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes, { db: database.db });
      await api.register(accountRoutes, { db: database.db });
      await api.register(auditRoutes, { db: database.db });
      await api.register(referenceRoutes);
      await api.register(planCheckRoutes);
      await api.register(applicationRoutes, { db: database.db });
      await api.register(reviewRoutes, { db: database.db });
      await api.register(pilotRoutes, { db: database.db, uploadDir: config.uploadDir, maxBytes: config.maxUploadBytes });
      await api.register(amendmentRoutes, { db: database.db });
      await api.register(attachmentRoutes, { db: database.db, uploadDir: config.uploadDir, maxBytes: config.maxUploadBytes });
      await api.register(expertRoutes, { db: database.db, maxBytes: config.maxUploadBytes });
      await api.register(notificationRoutes, { database });
      await api.register(rectificationRoutes, { db: database.db, uploadDir: config.uploadDir, maxBytes: config.maxUploadBytes });
      await api.register(evaluationRoutes, { db: database.db });
      await api.register(attainmentRoutes, { db: database.db });
      await api.register(progressReportRoutes, { db: database.db, uploadDir: config.uploadDir, maxBytes: config.maxUploadBytes });
      await api.register(policyResourceRoutes, { db: database.db });
      await api.register(consultingRoutes, { db: database.db });
      await api.register(provincialWorkRoutes, { db: database.db, uploadDir: config.uploadDir, maxBytes: config.maxUploadBytes });
      await api.register(caseRoutes, { db: database.db });
      await api.register(portalRoutes, { db: database.db });
      await api.register(eventRoutes, { db: database.db, uploadDir: config.uploadDir, maxBytes: config.maxUploadBytes });
      await api.register(dashboardRoutes, { db: database.db });
      await api.register(dossierRoutes, { db: database.db, uploadDir: config.uploadDir });
    },
    { prefix: '/api/v1' },
  );
  // The public portal (/portal, /robots.txt): server-rendered HTML and feeds, no session needed, its own 404.
  await app.register(portalPages, { db: database.db });

  // The built web app; any non-API path falls back to index.html for client-side routing. The build
  // writes a .br and a .gz beside each text file; the plugin picks the one that Accept-Encoding allows.
  if (indexTemplate) {
    app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndexPage(reply, indexTemplate));
    app.get('/index.html', { schema: { hide: true } }, (_req, reply) => sendIndexPage(reply, indexTemplate));
  }
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: config.webRoot,
      wildcard: true,
      preCompressed: true,
      cacheControl: false,
      // The compressed siblings are served in place of their original, never under their own name.
      allowedPath: (path) => !PRECOMPRESSED.test(path),
      setHeaders: (reply, path) => {
        reply.header('cache-control', webCacheControl(relative(config.webRoot, path.replace(PRECOMPRESSED, ''))));
      },
    });
  }
  return app;
}

/** Content types compressed on the fly (beyond what mime-db marks compressible), octet-stream excluded. */
const COMPRESSIBLE = /^(?:text\/(?!event-stream)|application\/(?:[\w.+-]+\+)?json(?:;|$)|application\/(?:javascript|xml)(?:;|$)|image\/svg\+xml)/;
const PRECOMPRESSED = /\.(?:br|gz)$/;

/**
 * Cache policy of a file of the built web app, by its path under the web root. Files under assets/
 * carry a content hash in their name, so a browser may keep them for good; everything else
 * (index.html, which names the current hashes) is revalidated on every use.
 */
function webCacheControl(pathInWebRoot: string): string {
  const [top] = pathInWebRoot.split(sep);
  return top === 'assets' ? 'public, max-age=31536000, immutable' : 'no-cache';
}
