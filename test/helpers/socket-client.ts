/**
 * A test WebSocket client that records frames and waits for the ones a test expects; the
 * secrets frames carry are noted for the server's log sentry (issued-tokens.ts).
 */
import WebSocket from 'ws';
import { noteIssuedSecrets } from './issued-tokens.ts';

export interface TestSocket {
  readonly ws: WebSocket;
  readonly frames: any[];
  /** Resolves with the first recorded frame (past or future) matching the predicate. */
  waitFor(predicate: (frame: any) => boolean, timeoutMs?: number): Promise<any>;
  send(frame: unknown): void;
  close(): Promise<void>;
}

/**
 * The sub-protocols a client offers to open a stream with a token, as the widget and the
 * inbox do: the token travels in `Sec-WebSocket-Protocol`, never in the URL (a `?token=` is
 * refused with TOKEN_IN_URL).
 */
export function tokenProtocols(token: string): string[] {
  return ['baton', `baton.token.${token}`];
}

/** `protocols`: the sub-protocols to offer, as the web clients do (tokenProtocols). */
export function openSocket(url: string, protocols?: string[]): Promise<TestSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, protocols);
    const frames: any[] = [];
    const waiters: Array<{ predicate: (f: any) => boolean; resolve: (f: any) => void }> = [];
    ws.on('message', (raw) => {
      const frame = JSON.parse(String(raw));
      // A secret a frame carries is looked for by value in the server's log (log-sentry.ts).
      noteIssuedSecrets(url, frame);
      frames.push(frame);
      for (const w of [...waiters]) {
        if (w.predicate(frame)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(frame);
        }
      }
    });
    ws.once('unexpected-response', (_req, res) => reject(new RefusedUpgrade(res.statusCode ?? 0)));
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        ws,
        frames,
        waitFor(predicate, timeoutMs = 5000) {
          const seen = frames.find(predicate);
          if (seen) return Promise.resolve(seen);
          return new Promise((res, rej) => {
            const timer = setTimeout(
              () => rej(new Error('timed out waiting for a frame')),
              timeoutMs,
            );
            waiters.push({
              predicate,
              resolve: (f) => {
                clearTimeout(timer);
                res(f);
              },
            });
          });
        },
        send: (frame) => ws.send(JSON.stringify(frame)),
        close: () =>
          new Promise<void>((res) => {
            if (ws.readyState === WebSocket.CLOSED) return res();
            ws.once('close', () => res());
            ws.close();
          }),
      }),
    );
  });
}

export class RefusedUpgrade extends Error {
  constructor(readonly statusCode: number) {
    super(`upgrade refused with HTTP ${statusCode}`);
  }
}

/** The HTTP status with which the server refused the upgrade (fails if it accepted). */
export async function refusedStatus(url: string, protocols?: string[]): Promise<number> {
  try {
    const s = await openSocket(url, protocols);
    await s.close();
  } catch (error) {
    if (error instanceof RefusedUpgrade) return error.statusCode;
    throw error;
  }
  throw new Error('the upgrade was accepted');
}
