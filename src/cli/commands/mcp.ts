/**
 * `baton mcp`: Baton's MCP server on stdio, for AI agents that start their tools as commands
 * (Claude Desktop, IDE agents …). It relays every JSON-RPC message to a running server's
 * POST /mcp with the bearer token, so the tools run inside that server, through its
 * application layer, its bus and its router, exactly as over HTTP: one implementation, and
 * nothing written to the database behind the server's back. Logs go to stderr; stdout
 * carries the protocol only.
 */
import type { Command } from 'commander';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { resolveConfigOrExit } from '../resolve-config.ts';

export function registerMcpCommand(program: Command): void {
  program
    .command('mcp')
    .description("MCP server on stdio for AI agents: relays to a running Baton's /mcp endpoint")
    .option('--url <url>', 'the running Baton server (default: server.publicUrl, else this host)')
    .action(async (options: { url?: string }) => {
      const config = resolveConfigOrExit();
      const token = config.mcp.token;
      if (!token) {
        console.error('baton mcp: set BATON_MCP_TOKEN (mcp.token), the same as the server’s');
        process.exit(2);
      }
      const base =
        options.url ?? config.server.publicUrl ?? `http://127.0.0.1:${config.server.port}`;
      await relay(new URL('/mcp', base), token);
    });
}

async function relay(endpoint: URL, token: string): Promise<void> {
  const upstream = new StreamableHTTPClientTransport(endpoint, {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
  });
  const local = new StdioServerTransport();
  local.onmessage = (message) => {
    upstream.send(message).catch((error: unknown) => {
      console.error(`baton mcp: ${endpoint.href}: ${String(error)}`);
      // A request must get an answer, or the agent waits for ever.
      if ('id' in message && 'method' in message) {
        const failed: JSONRPCMessage = {
          jsonrpc: '2.0',
          id: message.id,
          error: { code: -32000, message: `Baton at ${endpoint.origin} refused or is down` },
        };
        void local.send(failed);
      }
    });
  };
  upstream.onmessage = (message) => void local.send(message);
  upstream.onerror = (error) => console.error(`baton mcp: ${String(error)}`);
  local.onclose = () => void upstream.close();
  await upstream.start();
  await local.start();
}
