/**
 * POST /mcp: Baton's MCP server over streamable HTTP (docs/bot.md, "MCP server"). Off unless
 * `mcp.token` (BATON_MCP_TOKEN) is set, then only with `Authorization: Bearer <token>`,
 * compared in constant time. Stateless: each request gets its own server and transport, so
 * any node of a cluster answers any call and nothing is kept between requests; GET (a
 * server-initiated stream) and DELETE (ending a session) answer 405, as the spec allows.
 * Every method is rate-limited per client address (`limits.mcpRequestsPerMinute`), before the
 * token is checked, so the token cannot be guessed at speed either.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { safeEqual } from '../../channels/safe-equal.ts';
import { BatonError } from '../../core/errors/baton-error.ts';
import { createBatonMcpServer } from '../mcp/baton-mcp-server.ts';
import type { RouteContext } from '../route-context.ts';

export function registerMcpRoute(app: FastifyInstance, ctx: RouteContext): void {
  const config = {
    rateLimit: { max: ctx.config.limits.mcpRequestsPerMinute, timeWindow: '1 minute' },
  };
  const authorize = (request: FastifyRequest): void => {
    const required = ctx.config.mcp.token;
    if (!required) {
      throw new BatonError('FORBIDDEN', 'The MCP endpoint is off: set BATON_MCP_TOKEN.');
    }
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1] || !safeEqual(match[1], required)) {
      throw new BatonError('UNAUTHENTICATED', 'The MCP token is required.');
    }
  };

  app.post('/mcp', { config, schema: { hide: true } }, async (request, reply) => {
    authorize(request);
    const server = createBatonMcpServer(ctx.mcpTools);
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: undefined,
      enableJsonResponse: true,
    });
    reply.raw.on('close', () => {
      void transport.close();
      void server.close();
    });
    await server.connect(transport);
    // The transport writes the response itself (JSON, or its own error statuses).
    reply.hijack();
    await transport.handleRequest(request.raw, reply.raw, request.body);
  });

  for (const method of ['GET', 'DELETE'] as const) {
    app.route({
      method,
      url: '/mcp',
      config,
      schema: { hide: true },
      handler: async (request, reply) => {
        authorize(request);
        void reply.header('allow', 'POST');
        throw new BatonError(
          'METHOD_NOT_ALLOWED',
          'The MCP endpoint is stateless: POST each JSON-RPC message; there is no stream or session.',
        );
      },
    });
  }
}
