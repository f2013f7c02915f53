/**
 * Baton's MCP server: three tools an AI agent calls to work with Baton (docs/bot.md, "MCP
 * server"). Each tool validates its input (zod, as the SDK wants), calls the application
 * (src/app/mcp/conversation-tools.ts) and answers JSON, as text and as structured content.
 * An expected refusal (no such conversation, not the bot's any more) is a tool error the
 * model can read, not a protocol failure.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { ConversationTools } from '../../app/mcp/conversation-tools.ts';
import { BatonError } from '../../core/errors/baton-error.ts';

const conversationId = z.string().min(1).max(100).describe("Baton's conversation id (c_…)");

export function createBatonMcpServer(tools: ConversationTools): McpServer {
  const server = new McpServer({ name: 'baton', version: '1' });

  server.registerTool(
    'handoff_to_human',
    {
      title: 'Hand the conversation to a person',
      description:
        'Hands a conversation the bot has to the support team, with why and what you know, so ' +
        'the customer never repeats themselves. The reason and summary are shown to the agent ' +
        'in the handoff packet; fields are added to it. Answers the conversation status after.',
      inputSchema: {
        conversationId,
        reason: z
          .string()
          .min(1)
          .max(64)
          .describe(
            'a reason code (explicit_request, topic_policy, security, amount_threshold, ' +
              'negative_sentiment, repeated_failure, out_of_scope, high_value, ' +
              'approval_required) or a short word, recorded as out_of_scope',
          ),
        summary: z
          .string()
          .max(1000)
          .optional()
          .describe('what the person taking over should know'),
        fields: z
          .record(z.string().min(1).max(64), z.string().max(500))
          .optional()
          .describe('what you collected, e.g. { "order_id": "4417" }'),
      },
    },
    ({ conversationId: id, reason, summary, fields }) =>
      answer(() =>
        tools.handOver(id, {
          reason,
          ...(summary ? { summary } : {}),
          ...(fields ? { fields } : {}),
        }),
      ),
  );

  server.registerTool(
    'get_conversation_status',
    {
      title: 'Where a conversation stands',
      description:
        'Status (bot, intake, queued, offered, assigned, deferred, resolved, abandoned), queue, ' +
        'place in line and estimated wait while waiting, and the assigned agent.',
      inputSchema: { conversationId },
      annotations: { readOnlyHint: true },
    },
    ({ conversationId: id }) => answer(() => tools.status(id)),
  );

  server.registerTool(
    'add_note',
    {
      title: 'Leave a private note for the team',
      description: 'A note on the conversation for the support team; the customer never sees it.',
      inputSchema: {
        conversationId,
        text: z.string().min(1).max(4000),
        author: z.string().min(1).max(100).optional().describe('who signs it (default "AI agent")'),
      },
    },
    ({ conversationId: id, text, author }) =>
      answer(async () => {
        const note = await tools.addNote(id, text, author ?? 'AI agent');
        return { conversationId: id, noteSeq: note.seq, at: note.at };
      }),
  );

  return server;
}

async function answer(run: () => Promise<object>): Promise<CallToolResult> {
  try {
    const result = await run();
    return {
      content: [{ type: 'text', text: JSON.stringify(result) }],
      structuredContent: result as Record<string, unknown>,
    };
  } catch (error) {
    if (!(error instanceof BatonError)) throw error;
    return { isError: true, content: [{ type: 'text', text: `${error.code}: ${error.message}` }] };
  }
}
