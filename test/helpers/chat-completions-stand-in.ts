/**
 * A local stand-in for an OpenAI-compatible chat completions API: real HTTP, driven by the
 * official `openai` client inside Baton. Each test decides what the "model" answers, how
 * slowly, or that it fails.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StandInReply {
  readonly content?: string;
  readonly delayMs?: number;
  /** An HTTP error status instead of an answer. */
  readonly status?: number;
}

export interface StandInRequest {
  readonly url: string | undefined;
  readonly auth: string | undefined;
  readonly body: any;
}

export interface ChatStandIn {
  /** The base URL to configure (ends in /v1). */
  readonly url: string;
  readonly requests: StandInRequest[];
  close(): void;
}

export async function startChatStandIn(respond: (body: any) => StandInReply): Promise<ChatStandIn> {
  const requests: StandInRequest[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw);
      requests.push({ url: req.url, auth: req.headers.authorization, body });
      const reply = respond(body);
      setTimeout(() => {
        if (reply.status) {
          res.writeHead(reply.status, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: { message: `stand-in error ${reply.status}` } }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify({
            id: 'chatcmpl-stand-in',
            object: 'chat.completion',
            created: 1,
            model: body.model,
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: reply.content ?? '' },
                finish_reason: 'stop',
              },
            ],
            usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
          }),
        );
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close: () => server.close(),
  };
}
