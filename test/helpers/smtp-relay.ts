/** A stand-in for the outbound SMTP relay: records every message; can answer 451 to the next ones. */
import type { AddressInfo } from 'node:net';
import PostalMime, { type Email } from 'postal-mime';
import { SMTPServer } from 'smtp-server';

/** One message the relay took: its envelope recipients, the parsed mail, a header by name. */
export interface Relayed {
  readonly to: string[];
  readonly mail: Email;
  readonly header: (name: string) => string | undefined;
}

export interface SmtpRelay {
  readonly received: Relayed[];
  readonly state: { refuseNext: number };
  listen(): Promise<string>;
  close(): Promise<void>;
}

export function startSmtpRelay(): SmtpRelay {
  const received: Relayed[] = [];
  const state = { refuseNext: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.refuseNext > 0) {
          state.refuseNext--;
          return callback(Object.assign(new Error('try later'), { responseCode: 451 }));
        }
        PostalMime.parse(Buffer.concat(chunks)).then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            mail,
            header: (name) => mail.headers.find((h) => h.key === name)?.value,
          });
          callback();
        }, callback);
      });
    },
  });
  return {
    received,
    state,
    /** Listens on a free port; resolves with the `smtp://` URL for BATON_EMAIL_SMTP_URL. */
    listen: () =>
      new Promise((resolve) =>
        server.listen(0, '127.0.0.1', () =>
          resolve(`smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`),
        ),
      ),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
