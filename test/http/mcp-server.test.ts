/**
 * Baton's MCP server, as an AI agent uses it: the SDK's Client over streamable HTTP against
 * the running server, and over stdio through `baton mcp` spawned as a process. Every tool's
 * effect is checked through Baton's own API (the packet, the events, the claim), and the
 * endpoint's token is enforced.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handOffToHuman } from '../../examples/mcp-client/handoff.ts';
import { api, login, startConversation } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const TOKEN = 'mcp-test-token-0123456789abcdef';

describe.each(TEST_DATABASES)('MCP server ($name)', (database) => {
  let s: TestServer;
  let supervisor: string;

  beforeAll(async () => {
    if (database.skipReason) return;
    s = await startTestServer({ engine: database.name, env: { BATON_MCP_TOKEN: TOKEN } });
    supervisor = await login(s.baseUrl, 'riley@example.com', s.demoAgent.password);
  });
  afterAll(async () => {
    await s?.close();
  });

  /** A conversation the bot has, after one customer question. */
  async function botConversation() {
    const c = await startConversation(s.baseUrl, { customer: { name: 'Sarah' } });
    const r = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/messages`, {
      token: c.token,
      body: { text: 'How long does shipping take?' },
    });
    expect(r.status).toBe(201);
    return c;
  }

  async function call(client: Client, name: string, args: Record<string, unknown>) {
    const result = (await client.callTool({ name, arguments: args })) as {
      isError?: boolean;
      content: { type: string; text: string }[];
      structuredContent?: any;
    };
    return result;
  }

  async function packetOf(id: string) {
    const r = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/packet`, {
      token: supervisor,
    });
    expect(r.status).toBe(200);
    return r.body.packet;
  }

  async function notesOf(id: string) {
    const r = await api(s.baseUrl, 'GET', `/api/v1/conversations/${id}/events`, {
      token: supervisor,
    });
    expect(r.status).toBe(200);
    return (r.body.events as any[]).filter((e) => e.type === 'note.created');
  }

  /** All three tools, checked through Baton's API; the same for every transport. */
  async function exerciseTools(client: Client) {
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name).sort()).toEqual([
      'add_note',
      'get_conversation_status',
      'handoff_to_human',
    ]);

    const c = await botConversation();
    const before = await call(client, 'get_conversation_status', { conversationId: c.id });
    expect(before.structuredContent).toMatchObject({
      conversationId: c.id,
      status: 'bot',
      position: null,
      assignedAgent: null,
    });

    const noted = await call(client, 'add_note', {
      conversationId: c.id,
      text: 'Customer is a repeat buyer; be kind.',
      author: 'Order agent',
    });
    expect(noted.isError).toBeFalsy();
    const notes = await notesOf(c.id);
    expect(notes.map((n) => n.data.text)).toEqual(['Customer is a repeat buyer; be kind.']);
    expect(notes[0].data.agentName).toBe('Order agent');
    // Private: the customer's view of the log never carries the note's text.
    const customerView = await api(s.baseUrl, 'GET', `/api/v1/conversations/${c.id}/events`, {
      token: c.token,
    });
    expect(JSON.stringify(customerView.body)).not.toContain('repeat buyer');

    const handed = await call(client, 'handoff_to_human', {
      conversationId: c.id,
      reason: 'topic_policy',
      summary: 'Wants a refund for order 4417, parcel lost',
      fields: { order_id: '4417' },
    });
    expect(handed.isError).toBeFalsy();
    expect(handed.structuredContent).toMatchObject({ status: 'queued', position: 1 });
    expect(handed.structuredContent.handoffReasons[0]).toBe('topic_policy');

    const packet = await packetOf(c.id);
    expect(packet.reasons[0].code).toBe('topic_policy');
    expect(packet.reasons[0].evidence.text).toContain('Wants a refund for order 4417, parcel lost');
    expect(packet.fields.order_id).toBe('4417');

    // Handed over already: a second request is refused, as a tool error the model can read.
    const again = await call(client, 'handoff_to_human', { conversationId: c.id, reason: 'x' });
    expect(again.isError).toBe(true);
    expect(again.content[0]?.text).toMatch(/^INVALID_TRANSITION/);

    const agent = await login(s.baseUrl, s.demoAgent.email, s.demoAgent.password);
    const claim = await api(s.baseUrl, 'POST', `/api/v1/conversations/${c.id}/claim`, {
      token: agent,
    });
    expect(claim.status).toBe(200);
    const after = await call(client, 'get_conversation_status', { conversationId: c.id });
    expect(after.structuredContent).toMatchObject({ status: 'assigned', position: null });
    expect(after.structuredContent.assignedAgent.name).toMatch(/^Alex/);

    // Arguments that do not fit the tool's schema are refused with what is wrong.
    const missing = await call(client, 'handoff_to_human', { conversationId: c.id });
    expect(missing.isError).toBe(true);
    expect(missing.content[0]?.text).toMatch(/reason/);

    const unknown = await call(client, 'get_conversation_status', { conversationId: 'c_nope' });
    expect(unknown.isError).toBe(true);
    expect(unknown.content[0]?.text).toMatch(/^CONVERSATION_NOT_FOUND/);
  }

  it.skipIf(database.skipReason)(
    'streamable HTTP: hands over with reason, summary and fields, reads status, adds notes',
    async () => {
      const client = new Client({ name: 'baton-test', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(`${s.baseUrl}/mcp`), {
          requestInit: { headers: { authorization: `Bearer ${TOKEN}` } },
        }),
      );
      try {
        await exerciseTools(client);
      } finally {
        await client.close();
      }
    },
  );

  it.skipIf(database.skipReason)(
    'stdio: `baton mcp` relays to the running server',
    async () => {
      const client = new Client({ name: 'baton-test-stdio', version: '1.0.0' });
      await client.connect(
        new StdioClientTransport({
          command: process.execPath,
          args: ['bin/baton.mjs', 'mcp', '--url', s.baseUrl],
          env: { PATH: process.env.PATH ?? '', BATON_MCP_TOKEN: TOKEN },
          stderr: 'pipe',
        }),
      );
      try {
        await exerciseTools(client);
      } finally {
        await client.close();
      }
    },
    30_000,
  );

  it.skipIf(database.skipReason)(
    'the example client (examples/mcp-client/handoff.ts) hands over',
    async () => {
      const c = await botConversation();
      const status = await handOffToHuman({
        baton: s.baseUrl,
        token: TOKEN,
        conversationId: c.id,
        reason: 'explicit_request',
        summary: 'Asked twice for a person',
      });
      expect(status).toMatchObject({ conversationId: c.id, status: 'queued' });
      const packet = await packetOf(c.id);
      expect(packet.reasons[0].code).toBe('explicit_request');
      expect(packet.reasons[0].evidence.text).toContain('Asked twice for a person');
    },
  );

  it.skipIf(database.skipReason)(
    'refuses a request without the token or with a wrong one (401), and GET and DELETE (405)',
    async () => {
      const initialize = {
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'x', version: '1' },
        },
      };
      const post = (headers: Record<string, string>) =>
        fetch(`${s.baseUrl}/mcp`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            ...headers,
          },
          body: JSON.stringify(initialize),
        });
      const none = await post({});
      expect(none.status).toBe(401);
      expect(((await none.json()) as any).error.code).toBe('UNAUTHENTICATED');
      expect((await post({ authorization: 'Bearer wrong-token-0123456789abcdef' })).status).toBe(
        401,
      );
      const right = await post({ authorization: `Bearer ${TOKEN}` });
      expect(right.status).toBe(200);
      expect(((await right.json()) as any).result.serverInfo.name).toBe('baton');

      const get = await fetch(`${s.baseUrl}/mcp`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(get.status).toBe(405);
      const remove = await fetch(`${s.baseUrl}/mcp`, {
        method: 'DELETE',
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(remove.status).toBe(405);
      expect(((await remove.json()) as any).error.code).toBe('METHOD_NOT_ALLOWED');

      // The SDK's client, with a wrong token, fails to connect.
      const client = new Client({ name: 'intruder', version: '1' });
      await expect(
        client.connect(
          new StreamableHTTPClientTransport(new URL(`${s.baseUrl}/mcp`), {
            requestInit: { headers: { authorization: 'Bearer nope' } },
          }),
        ),
      ).rejects.toThrow(/401|Unauthorized|token/i);
    },
  );
});

describe('MCP server settings', () => {
  it('limits requests per client address, wrong tokens included (429)', async () => {
    const limited = await startTestServer({
      env: { BATON_MCP_TOKEN: TOKEN, BATON_MCP_REQUESTS_PER_MINUTE: '3' },
    });
    try {
      const post = (token: string) =>
        fetch(`${limited.baseUrl}/mcp`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            authorization: `Bearer ${token}`,
          },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
        });
      const guesses = [await post('guess-1'), await post('guess-2'), await post(TOKEN)];
      expect(guesses.map((r) => r.status)).toEqual([401, 401, 200]);
      const over = await post(TOKEN);
      expect(over.status).toBe(429);
      expect(((await over.json()) as any).error.code).toBe('RATE_LIMITED');
      expect(over.headers.get('retry-after')).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });

  it('is off without mcp.token, and refuses a short one at start', async () => {
    await expect(startTestServer({ env: { BATON_MCP_TOKEN: 'short' } })).rejects.toThrow(
      /mcp\.token/,
    );
    const off = await startTestServer();
    try {
      const r = await fetch(`${off.baseUrl}/mcp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
        body: '{}',
      });
      expect(r.status).toBe(403);
    } finally {
      await off.close();
    }
  });
});
