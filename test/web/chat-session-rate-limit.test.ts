/**
 * The widget's session (web/widget/chat-session.ts) against a real server whose conversation
 * message rate is 2 a second: messages typed faster are refused, kept, and sent again under
 * the same id when the server says, so each is stored once and none is reported failed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ApiError, BatonEvent } from '../../web/shared/api-types.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';

/** What this test uses of ChatSession (web code: typed against the DOM, not checked here). */
interface Session {
  ensureStarted(): Promise<void>;
  sendText(text: string): string;
  stop(): void;
}
interface SessionCallbacks {
  onEvent(event: BatonEvent): void;
  onAck(id: string): void;
  onSendError(id: string, error: ApiError): void;
  onConnection(state: string): void;
  onReset(): void;
  onTyping(): void;
}
// A path the server's typecheck does not follow into the browser code.
const widgetSession: string = '../../web/widget/chat-session.ts';
const { ChatSession } = (await import(widgetSession)) as {
  ChatSession: new (server: string, callbacks: SessionCallbacks) => Session;
};

describe('the widget under the message rate', () => {
  let s: TestServer;
  const globals = globalThis as { WebSocket?: unknown };
  const browserSocket = globals.WebSocket;
  beforeAll(async () => {
    // The widget uses the browser's WebSocket; ws has the same interface.
    globals.WebSocket = WebSocket;
    s = await startTestServer({
      env: { BATON_CONVERSATION_MESSAGES: '2', BATON_CONVERSATION_MESSAGES_SECONDS: '1' },
    });
  });
  afterAll(async () => {
    globals.WebSocket = browserSocket;
    await s?.close();
  });

  it('sends refused messages again until each is stored once', async () => {
    const acked = new Set<string>();
    const said: string[] = [];
    const failed: string[] = [];
    let state = 'idle';
    const session = new ChatSession(`${s.baseUrl}/`, {
      onEvent: (event) => {
        if (event.type === 'message.created' && event.data.from === 'customer')
          said.push(String(event.data.text));
      },
      onAck: (id) => acked.add(id),
      onSendError: (id, error) => failed.push(`${id}: ${error.code}`),
      onConnection: (connection) => (state = connection),
      onReset: () => undefined,
      onTyping: () => undefined,
    });
    try {
      await session.ensureStarted();
      await until(() => (state === 'open' ? true : undefined));
      const ids = Array.from({ length: 5 }, (_, i) => session.sendText(`line ${i}`));
      await until(() => (ids.every((id) => acked.has(id)) ? true : undefined), 20_000);
      expect(failed).toEqual([]);
      // Each stored once, in the conversation as the stream delivers it.
      await until(() => (said.length >= 5 ? true : undefined));
      expect([...said].sort()).toEqual(['line 0', 'line 1', 'line 2', 'line 3', 'line 4']);
    } finally {
      session.stop();
    }
  }, 30_000);
});
