/**
 * A JSON client on `node:http` with keep-alive connections, for the claim races' thousands of
 * requests: each request reuses an open connection (none is opened per request once the pool
 * has grown to the races' concurrency), and it costs the test process less CPU than `fetch`,
 * which shares the machine's two cores with the nodes it measures. `sentAt` and `answeredAt`
 * (ms, `performance.now()`) say when a request was in flight.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface TimedResponse {
  readonly status: number;
  /** The error code of a refusal (`body.error.code`), if any. */
  readonly code: string | undefined;
  readonly sentAt: number;
  readonly answeredAt: number;
}

export interface KeepAliveClient {
  post(baseUrl: string, path: string, token: string, body?: unknown): Promise<TimedResponse>;
  /** Requests sent so far, and the connections opened for them. */
  readonly counts: { requests: number; connections: number };
  close(): void;
}

export function keepAliveClient(): KeepAliveClient {
  // No cap on sockets: every request of a round goes out at once, so the claims on one
  // conversation are in flight together (a queue in the client would space them apart).
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity, scheduling: 'lifo' });
  const counts = { requests: 0, connections: 0 };
  const seen = new WeakSet<object>();
  return {
    counts,
    post(baseUrl, path, token, body) {
      const url = new URL(path, baseUrl);
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string | number> = { authorization: `Bearer ${token}` };
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = Buffer.byteLength(payload);
      }
      counts.requests += 1;
      return new Promise((resolve, reject) => {
        const sentAt = performance.now();
        const request = http.request(
          {
            agent,
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers,
          },
          (response) => {
            const chunks: Buffer[] = [];
            response.on('data', (c: Buffer) => chunks.push(c));
            response.on('error', reject);
            response.on('end', () => {
              const text = Buffer.concat(chunks).toString();
              let code: string | undefined;
              try {
                code = text ? (JSON.parse(text)?.error?.code as string | undefined) : undefined;
              } catch {
                code = `unparsed: ${text.slice(0, 80)}`;
              }
              resolve({
                status: response.statusCode ?? 0,
                code,
                sentAt,
                answeredAt: performance.now(),
              });
            });
          },
        );
        request.on('socket', (socket) => {
          if (seen.has(socket)) return;
          seen.add(socket);
          counts.connections += 1;
        });
        request.on('error', reject);
        request.end(payload);
      });
    },
    close: () => agent.destroy(),
  };
}
