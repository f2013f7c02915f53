/**
 * Browser-facing security: CORS for the sites that embed the widget, and response headers
 * that keep Baton's own pages (inbox, dashboard) from being framed or fed foreign scripts.
 */
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { ResolvedConfig } from '../config/load-config.ts';

export async function registerWebSecurity(
  app: FastifyInstance,
  config: ResolvedConfig,
): Promise<void> {
  const allowed = new Set(config.server.widgetOrigins);
  await app.register(fastifyCors, {
    // Only the API, and only for the configured sites. Every credential is a bearer token
    // held by the page that got it, never a cookie, so credentialed CORS is never needed
    // and a foreign page cannot act with someone else's session.
    delegator: (request, callback) => {
      const origin = request.headers.origin;
      const ok =
        request.url.startsWith('/api/v1/') &&
        origin !== undefined &&
        (allowed.has('*') || allowed.has(origin));
      callback(
        null,
        ok
          ? {
              origin: true,
              methods: ['GET', 'POST', 'PUT'],
              allowedHeaders: ['content-type', 'authorization'],
              maxAge: 600,
            }
          : { origin: false },
      );
    },
  });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Preact and uPlot set element styles, and the widget's Shadow DOM has its own sheet.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    // widget.js is loaded by <script src> from the sites that embed it.
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
  });
}
