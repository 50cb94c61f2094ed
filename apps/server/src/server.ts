import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import {
  AppError,
  type AppRouter,
  appRouter,
  auditCsvDownload,
  type Context,
  caseloadDownload,
  createContextInner,
  disclosureLogDownload,
  fhirBundleDownload,
  hasUnstorableText,
  meetingImportUpload,
  outcomeIndicatorDownload,
  UNSTORABLE_TEXT,
} from '@homegroup/api';
import type { DbHandle } from '@homegroup/db';
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyReply, type FastifyRequest, LogController } from 'fastify';
import type { ServerConfig } from './env';
import { refuseCrossSiteWrites, securityHeaders } from './security';

export const SESSION_COOKIE = 'hg_session';

/** The HTTP server: tRPC at /trpc, a health check, and the built web app for every other path. */
export async function buildServer(handle: DbHandle, config: ServerConfig) {
  const app = Fastify({
    logger: { level: config.logLevel },
    // One log line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    routerOptions: { maxParamLength: 500 },
    trustProxy: false,
  });

  await app.register(fastifyCookie);
  app.addHook('onRequest', refuseCrossSiteWrites);
  app.addHook('onSend', securityHeaders({ httpsOnly: config.cookieSecure }));
  // While shutting down, answers to requests still in flight close their connection, so the
  // server can stop without waiting out a keep-alive time-out.
  app.addHook('onSend', async (_req, reply) => {
    if (!app.server.listening) reply.header('connection', 'close');
  });
  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      { method: req.method, url: req.url, status: reply.statusCode, ms: reply.elapsedTime },
      'request',
    );
  });

  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.cookieSecure,
  };

  const createContext = ({ req, res }: { req: FastifyRequest; res: FastifyReply }) =>
    createContextInner({
      db: handle.db,
      settings: config.auth,
      cookie: {
        token: req.cookies[SESSION_COOKIE] ?? null,
        set: (token) => res.setCookie(SESSION_COOKIE, token, cookieOptions),
        clear: () => res.clearCookie(SESSION_COOKIE, cookieOptions),
      },
      request: { ip: req.ip, userAgent: req.headers['user-agent'] ?? null },
    });

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext,
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') {
          req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
        }
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  // A file download rather than a procedure: the browser saves it, and it streams.
  const STATUS: Record<string, number> = {
    BAD_INPUT: 400,
    UNAUTHORIZED: 401,
    FORBIDDEN: 403,
    NOT_FOUND: 404,
  };
  type Query = Record<string, unknown>;
  type Params = Record<string, string | undefined>;
  interface Download {
    filename: string;
    /** CSV unless the download says otherwise. */
    contentType?: string;
    chunks: Iterable<string> | AsyncIterable<string>;
  }
  type MakeDownload = (ctx: Context, query: Query, params: Params) => Promise<Download>;
  const downloads: Record<string, MakeDownload> = {
    '/export/audit.csv': (ctx, query) => auditCsvDownload(ctx, query),
    '/export/caseload.csv': (ctx, query) => caseloadDownload(ctx, query),
    '/export/disclosures.csv': (ctx, query) => disclosureLogDownload(ctx, query),
    '/export/fhir/:clientId': (ctx, _query, params) =>
      fhirBundleDownload(ctx, params.clientId ?? ''),
    '/export/outcomes/:indicator.csv': (ctx, query, params) =>
      outcomeIndicatorDownload(ctx, params.indicator ?? '', query),
  };
  for (const [path, download] of Object.entries(downloads)) {
    app.get(path, (req, reply) => sendDownload(req, reply, download));
  }
  async function sendDownload(
    req: FastifyRequest,
    reply: FastifyReply,
    makeDownload: MakeDownload,
  ) {
    if (hasUnstorableText(req.query) || hasUnstorableText(req.params)) {
      return reply.code(400).type('text/plain').send(UNSTORABLE_TEXT);
    }
    try {
      const download = await makeDownload(
        createContext({ req, res: reply }),
        req.query as Query,
        req.params as Params,
      );
      reply
        .header('content-type', download.contentType ?? 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${download.filename}"`)
        .header('cache-control', 'no-store');
      return reply.send(Readable.from(download.chunks));
    } catch (err) {
      if (err instanceof AppError) {
        return reply
          .code(STATUS[err.code] ?? 400)
          .type('text/plain')
          .send(err.message);
      }
      throw err;
    }
  }

  // A feed upload (or a refresh from the feed's address) answers with one JSON line per step,
  // so the page can draw a progress bar while a large feed imports, then the report.
  app.post<{ Params: { sourceId: string } }>(
    '/import/meetings/:sourceId',
    { bodyLimit: 64 * 1024 * 1024 },
    (req, reply) => {
      const lines = new PassThrough();
      const send = (message: object) => lines.write(`${JSON.stringify(message)}\n`);
      const text = typeof req.body === 'string' && req.body.length > 0 ? req.body : null;
      reply
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('cache-control', 'no-store');
      meetingImportUpload(createContext({ req, res: reply }), req.params.sourceId, text, (p) =>
        send({ type: 'progress', ...p }),
      )
        .then((report) => send({ type: 'done', report }))
        .catch((err: unknown) => {
          if (!(err instanceof AppError)) req.log.error({ err }, 'meeting import failed');
          send({
            type: 'failed',
            code: err instanceof AppError ? err.code : 'INTERNAL',
            message:
              err instanceof AppError
                ? err.message
                : 'The import failed on our side. The directory was left as it was.',
          });
        })
        .finally(() => lines.end());
      return reply.send(lines);
    },
  );

  app.get('/healthz', async (_req, reply) => {
    try {
      await handle.ping();
      return { status: 'ok', database: 'ok' };
    } catch (err) {
      app.log.error({ err }, 'health check: database unreachable');
      return reply.code(503).send({ status: 'unavailable', database: 'unreachable' });
    }
  });

  const indexHtml = join(config.webDir, 'index.html');
  const webBuilt = existsSync(indexHtml);
  if (webBuilt) {
    await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: false });
  }
  // Every other GET is a page of the single-page app, which routes on the client.
  app.setNotFoundHandler((req, reply) => {
    const wantsPage =
      req.method === 'GET' &&
      !req.url.startsWith('/trpc') &&
      !req.url.startsWith('/export') &&
      !req.url.startsWith('/import');
    if (!wantsPage) return reply.code(404).send({ error: 'Not found' });
    if (!webBuilt) {
      return reply
        .code(503)
        .type('text/plain')
        .send('The web app has not been built yet: run `pnpm build`, then start again.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}
