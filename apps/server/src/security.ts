import type { FastifyReply, FastifyRequest } from 'fastify';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Charts set inline style attributes.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Browsers remember for a year to come back over HTTPS only. */
const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * The headers every answer carries. HSTS only over TLS: when this server speaks TLS itself, or
 * when the operator says it is served over HTTPS (`HOMEGROUP_COOKIE_SECURE`, behind a proxy that
 * ends TLS). Sent over plain HTTP it would be ignored, or lock a plain-HTTP install out.
 */
export function securityHeaders(options: { httpsOnly: boolean }) {
  return async (req: FastifyRequest, reply: FastifyReply) => {
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('cross-origin-opener-policy', 'same-origin');
    if (options.httpsOnly || req.protocol === 'https') {
      reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
    }
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A state-changing request sent by a page on another site is refused (with the cookie's SameSite=Strict, a second wall). */
export async function refuseCrossSiteWrites(req: FastifyRequest, reply: FastifyReply) {
  if (SAFE_METHODS.has(req.method)) return;
  const origin = req.headers.origin;
  if (!origin) return;
  let originHost: string | null = null;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = null;
  }
  if (originHost !== req.headers.host) {
    return reply.code(403).send({ error: 'Cross-site requests are refused.' });
  }
}
