/**
 * The metrics listener of its own (`metrics.port`, BATON_METRICS_PORT, on `metrics.host`,
 * 127.0.0.1 by default): GET /metrics served on an address of the operator's choosing, say
 * 127.0.0.1:9464 for a Prometheus on the same host, so a scrape never reaches the public port,
 * which then has no /metrics at all (http-server.ts). The bind address is the guard here;
 * with `metrics.token` set, the bearer token is required as well.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { safeEqual } from '../channels/safe-equal.ts';

export interface MetricsListenerOptions {
  readonly host: string;
  readonly port: number;
  readonly token?: string | undefined;
  readonly registry: { readonly contentType: string; metrics(): Promise<string> };
  readonly onError: (error: unknown) => void;
}

export interface MetricsListener {
  /** Where it listens, e.g. `http://127.0.0.1:9464`. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startMetricsListener(
  options: MetricsListenerOptions,
): Promise<MetricsListener> {
  const server = createServer((request, response) => {
    const refuse = (status: number, code: string, message: string) => {
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ error: { code, message } }));
    };
    const path = (request.url ?? '').split('?')[0];
    if (request.method !== 'GET' || path !== '/metrics')
      return refuse(404, 'NOT_FOUND', 'This listener serves GET /metrics only.');
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (options.token && !(match?.[1] && safeEqual(match[1], options.token)))
      return refuse(401, 'UNAUTHENTICATED', 'The metrics token is required.');
    options.registry.metrics().then(
      (text) => {
        response.writeHead(200, { 'content-type': options.registry.contentType });
        response.end(text);
      },
      (error: unknown) => {
        options.onError(error);
        refuse(500, 'INTERNAL', 'The metrics could not be read.');
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
