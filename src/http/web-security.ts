/**
 * Browser-facing security: CORS for the sites that embed the widget, and response headers
 * that keep Baton's own pages (inbox, dashboard) from being framed or fed foreign scripts.
 */
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import type { ResolvedConfig } from '../config/load-config.ts';

const NO_HOSTS = { connect: [], media: [] } as const;

/**
 * What the Twilio Voice JS SDK (2.x, web/inbox/twilio-device.ts) reaches from the inbox of an
 * agent who takes calls in the browser, read from its source: signalling on the default edge
 * (regions.ts: `wss://voice-js.roaming.twilio.com/signal`), its ringtones fetched by
 * XMLHttpRequest (or played by an <audio> without an AudioContext) from `SOUNDS_BASE_URL`, and
 * call-quality reports posted to Voice Insights (eventpublisher.ts, `eventgw.twilio.com`, or
 * `eventgw.<home>.twilio.com` once Twilio names the home region). Listed only when
 * `channels.voice.browserClient` is configured; `connect-src` already allows any `wss:`.
 */
export const TWILIO_VOICE_SDK_HOSTS = {
  connect: [
    'wss://voice-js.roaming.twilio.com',
    'https://sdk.twilio.com',
    'https://eventgw.twilio.com',
    // The SDK's home regions (regions.ts); a CSP wildcard may only lead, so each is named.
    ...['au1', 'br1', 'de1', 'ie1', 'jp1', 'sg1', 'us1', 'us2'].map(
      (home) => `https://eventgw.${home}.twilio.com`,
    ),
  ],
  media: ['https://sdk.twilio.com'],
} as const;

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
  const twilio = config.channels.voice?.browserClient ? TWILIO_VOICE_SDK_HOSTS : NO_HOSTS;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Preact and uPlot set element styles, and the widget's Shadow DOM has its own sheet.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'ws:', 'wss:', ...twilio.connect],
        mediaSrc: ["'self'", ...twilio.media],
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
