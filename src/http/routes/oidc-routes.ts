/**
 * GET /api/v1/auth/methods, GET /auth/oidc/login, GET /auth/oidc/callback and
 * POST /api/v1/auth/oidc/handoff: agents' sign-in through the team's OpenID Connect provider
 * (src/app/auth/oidc-sign-in.ts). The two /auth/oidc pages are browser navigations, so a
 * refusal is a readable page with its code and a 4xx status, not a JSON body.
 */
import fastifyCookie from '@fastify/cookie';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { BatonError } from '../../core/errors/baton-error.ts';
import { ERROR_CODES } from '../../core/errors/error-codes.ts';
import {
  FLOW_TTL_SECONDS,
  HANDOFF_TTL_SECONDS,
  type OidcSignIn,
} from '../../app/auth/oidc-sign-in.ts';
import { toBatonError } from '../error-handler.ts';
import { HTTP_STATUS } from '../http-status.ts';
import type { RouteContext } from '../route-context.ts';
import { agentView } from './auth-routes.ts';
import { Agent, AuthMethods } from './auth-schemas.ts';
import { errors } from './schemas.ts';

const FLOW_COOKIE = 'baton_oidc_flow';
const HANDOFF_COOKIE = 'baton_oidc_handoff';
/** Where the inbox collects the session (web/inbox/app.tsx, collectProviderSession). */
export const INBOX_AFTER_SIGN_IN = '/inbox/?signin=oidc';

export async function registerOidcRoutes(app: FastifyInstance, ctx: RouteContext): Promise<void> {
  const oidc = ctx.oidc;
  const secure = oidc?.secureCookies ?? false;
  // Lax: the provider brings the browser back by a cross-site navigation, which must carry it.
  const flowCookie = { path: '/auth/oidc', httpOnly: true, sameSite: 'lax', secure } as const;
  // Strict: only the inbox's own same-origin POST redeems it.
  const handoffCookie = {
    path: '/api/v1/auth/oidc',
    httpOnly: true,
    sameSite: 'strict',
    secure,
  } as const;
  await app.register(fastifyCookie);

  app.get(
    '/api/v1/auth/methods',
    {
      schema: {
        summary: 'How agents may sign in here (for the login page; no token needed)',
        tags: ['agent'],
        response: {
          200: AuthMethods,
        },
      },
    },
    () => ({
      password: ctx.config.auth.passwordLogin,
      oidc: ctx.config.auth.oidc
        ? { name: ctx.config.auth.oidc.name, url: '/auth/oidc/login' }
        : null,
    }),
  );

  app.get(
    '/auth/oidc/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'Start signing in at the identity provider (a redirect)',
        tags: ['agent'],
      },
    },
    async (_request, reply) => {
      try {
        const { url, flow } = await configured(oidc).begin();
        return reply
          .setCookie(FLOW_COOKIE, flow, { ...flowCookie, maxAge: FLOW_TTL_SECONDS })
          .redirect(url, 302);
      } catch (error) {
        return errorPage(reply, error);
      }
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'Where the identity provider sends the browser back (a redirect to the inbox)',
        tags: ['agent'],
      },
    },
    async (request, reply) => {
      // Used once, whatever the outcome.
      reply.clearCookie(FLOW_COOKIE, flowCookie);
      try {
        const { handoff } = await configured(oidc).finish(
          new URL(request.url, 'http://callback.invalid'),
          request.cookies[FLOW_COOKIE],
          { ip: request.ip, userAgent: request.headers['user-agent'] ?? null },
        );
        return reply
          .setCookie(HANDOFF_COOKIE, handoff, { ...handoffCookie, maxAge: HANDOFF_TTL_SECONDS })
          .redirect(INBOX_AFTER_SIGN_IN, 302);
      } catch (error) {
        return errorPage(reply, error);
      }
    },
  );

  app.post(
    '/api/v1/auth/oidc/handoff',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        summary: 'Collect the session a provider sign-in opened (once, from its cookie)',
        tags: ['agent'],
        response: {
          200: Type.Object({ token: Type.String(), agent: Agent }),
          ...errors(401, 404),
        },
      },
    },
    async (request, reply) => {
      reply.clearCookie(HANDOFF_COOKIE, handoffCookie);
      const token = await configured(oidc).redeem(request.cookies[HANDOFF_COOKIE]);
      if (!token) throw new BatonError('UNAUTHENTICATED', 'No sign-in is waiting to be collected.');
      // The session may have been revoked meanwhile: checked as any request's token is.
      const agent = await ctx.auth.agent({
        headers: { authorization: `Bearer ${token}` },
        query: {},
      });
      return { token, agent: agentView(ctx.team.present(agent)) };
    },
  );
}

function configured(oidc: OidcSignIn | null): OidcSignIn {
  if (!oidc) throw new BatonError('OIDC_NOT_CONFIGURED');
  return oidc;
}

/** A refusal as a page a person can read, with the code for whoever they ask for help. */
function errorPage(reply: FastifyReply, error: unknown): FastifyReply {
  const failure = toBatonError(error);
  if (failure.code === 'INTERNAL') reply.log.error({ err: error }, 'OpenID Connect sign-in failed');
  const message = failure.code === 'INTERNAL' ? ERROR_CODES.INTERNAL : failure.message;
  return reply
    .status(HTTP_STATUS[failure.code])
    .type('text/html; charset=utf-8')
    .send(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in refused · Baton</title>` +
        `<meta name="viewport" content="width=device-width, initial-scale=1"></head>` +
        `<body style="font-family: system-ui, sans-serif; max-width: 36rem; margin: 4rem auto; padding: 0 1rem">` +
        `<h1>Sign-in refused</h1><p>${escapeHtml(message)}</p>` +
        `<p>Code: <code>${failure.code}</code></p>` +
        `<p><a href="/inbox/">Back to the sign-in page</a></p></body></html>`,
    );
}

const escapeHtml = (text: string): string =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
