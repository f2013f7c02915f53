/**
 * A local stand-in for a Rasa server's REST channel (`POST /webhooks/rest/webhook`,
 * `{ sender, message }` in, a list of `{ recipient_id, text?, buttons?, image?, custom? }`
 * out): real HTTP, so Baton's Rasa engine is tested as it talks to Rasa. Each test decides
 * what "Rasa" answers, how slowly, or that it fails.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RasaStandInReply {
  /** The REST channel's answer (without `recipient_id`, which the stand-in adds). */
  readonly messages?: ReadonlyArray<Record<string, unknown>>;
  readonly delayMs?: number;
  /** An HTTP error status instead of an answer. */
  readonly status?: number;
  /** A body sent as it is instead of the messages (an answer that is not the REST channel's). */
  readonly raw?: unknown;
}

export interface RasaStandInRequest {
  readonly method: string | undefined;
  readonly url: string | undefined;
  readonly auth: string | undefined;
  readonly body: { sender: string; message: string };
}

export interface RasaStandIn {
  /** The server's base URL, as `bot.rasa.url` takes it. */
  readonly url: string;
  readonly requests: RasaStandInRequest[];
  close(): void;
}

export async function startRasaStandIn(
  respond: (body: { sender: string; message: string }) => RasaStandInReply,
): Promise<RasaStandIn> {
  const requests: RasaStandInRequest[] = [];
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk) => (raw += chunk));
    req.on('end', () => {
      const body = JSON.parse(raw);
      requests.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      const reply = respond(body);
      const timer = setTimeout(() => {
        if (reply.status) {
          res.writeHead(reply.status, { 'content-type': 'text/plain' });
          res.end('Internal Server Error');
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        const messages = (reply.messages ?? []).map((m) => ({ recipient_id: body.sender, ...m }));
        res.end(JSON.stringify(reply.raw !== undefined ? reply.raw : messages));
      }, reply.delayMs ?? 0);
      // A client that gave up (Baton's timeout) does not keep the stand-in waiting.
      res.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}
