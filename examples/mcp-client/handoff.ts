/**
 * An AI agent hands a conversation to a person through Baton's MCP server (docs/bot.md,
 * "MCP server"), with the official SDK's client over streamable HTTP. Run it against a
 * Baton started with BATON_MCP_TOKEN set:
 *
 *   BATON_MCP_TOKEN=… node bin/run-ts.mjs examples/mcp-client/handoff.ts c_… "refund for 4417"
 *
 * test/http/mcp-server.test.ts calls `handOffToHuman` against a running server.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

export interface HandOffOptions {
  /** Baton's base URL, e.g. http://localhost:3000 (the endpoint is /mcp). */
  readonly baton: string;
  /** mcp.token (BATON_MCP_TOKEN) of that server. */
  readonly token: string;
  readonly conversationId: string;
  /** A reason code (topic_policy, explicit_request …) or a short word. */
  readonly reason: string;
  readonly summary?: string;
  readonly fields?: Record<string, string>;
}

/** Calls `handoff_to_human`; answers the conversation's status after the handoff. */
export async function handOffToHuman(options: HandOffOptions): Promise<unknown> {
  const client = new Client({ name: 'example-agent', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL('/mcp', options.baton), {
      requestInit: { headers: { authorization: `Bearer ${options.token}` } },
    }),
  );
  try {
    const result = await client.callTool({
      name: 'handoff_to_human',
      arguments: {
        conversationId: options.conversationId,
        reason: options.reason,
        ...(options.summary ? { summary: options.summary } : {}),
        ...(options.fields ? { fields: options.fields } : {}),
      },
    });
    // A refusal (not the bot's any more, unknown id) is a tool error, not an exception.
    if (result.isError) throw new Error(JSON.stringify(result.content));
    return result.structuredContent;
  } finally {
    await client.close();
  }
}

// Run as a script (not imported): hand over the conversation named on the command line.
if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  const [conversationId, summary] = process.argv.slice(2);
  if (!conversationId || !process.env.BATON_MCP_TOKEN) {
    console.error('usage: BATON_MCP_TOKEN=… handoff.ts <conversation id> [summary]');
    process.exit(2);
  }
  const status = await handOffToHuman({
    baton: process.env.BATON_URL ?? 'http://localhost:3000',
    token: process.env.BATON_MCP_TOKEN,
    conversationId,
    reason: 'explicit_request',
    ...(summary ? { summary } : {}),
  });
  console.log(status);
}
