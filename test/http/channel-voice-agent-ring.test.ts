/**
 * Ringing the agent for a caller on hold when Twilio's answer to Calls.json is lost, through
 * the real server on both engines against the stand-in of Twilio's REST API: the stand-in
 * creates the call and drops the connection; the retry lists the calls to the agent's phone,
 * finds that one and records it instead of ringing the agent a second time (counted in the
 * metrics for operators); and a call that rang the same agent for another caller they hold,
 * in the same minute, is not taken for it.
 */
import { describe, expect, it } from 'vitest';
import { api, login } from '../helpers/api-client.ts';
import { TEST_DATABASES } from '../helpers/databases.ts';
import { DEMO_PASSWORD } from '../helpers/test-server.ts';
import { until } from '../helpers/until.ts';
import {
  AGENT_PHONE,
  handOverCall,
  loseCallsAnswer,
  voiceCallEvent,
  withLapsingVoiceServer,
  type VoiceServer,
} from '../helpers/voice-server.ts';

const START = Date.parse('2026-11-25T12:00:00Z');
const CALLER_ID = '+15559990000';
const METRICS_TOKEN = 'scrape-token-0123456789';

describe.each(TEST_DATABASES)('an agent ring whose answer is lost ($name)', (db) => {
  /** A voice server whose clock `lapse` moves past the timer's lease; Alex signed in. */
  const withServer = (
    run: (v: VoiceServer, tools: { lapse: () => void; alex: string }) => Promise<void>,
  ) =>
    withLapsingVoiceServer(
      {
        start: START,
        engine: db.name,
        yaml: `    callerId: '${CALLER_ID}'\n`,
        env: { BATON_METRICS_TOKEN: METRICS_TOKEN },
      },
      async (v, lapse) =>
        run(v, { lapse, alex: await login(v.server.baseUrl, 'alex@example.com', DEMO_PASSWORD) }),
    );
  /** A caller asks for a person and waits on hold; `claim` has Alex take them. */
  async function callerOnHold(v: VoiceServer, callSid: string, from: string, alex: string) {
    const conversation = await handOverCall(v, callSid, from, 'I want to talk to a person');
    expect(conversation.channelState.voice?.onHold).toBe(true);
    const claim = async () => {
      const path = `/api/v1/conversations/${conversation.id}/claim`;
      const claimed = await api(v.server.baseUrl, 'POST', path, { token: alex });
      expect(claimed.status).toBe(200);
    };
    const ring = () => voiceCallEvent(v, conversation.id, 'agent_called');
    return { conversation, claim, ring };
  }

  it('does not ring the agent twice when the first answer is lost after Twilio created the call', async () => {
    await withServer(async (v, { lapse, alex }) => {
      const store = v.server.server.store;
      const held = await callerOnHold(v, 'CAlostring', '+15550104444', alex);
      // Alex takes it: the stand-in creates the call to Alex's phone, then drops the
      // connection; the lease lapses and the retry lists the calls to that phone.
      const { created, outcome } = await loseCallsAnswer(v, {
        to: AGENT_PHONE,
        from: CALLER_ID,
        send: held.claim,
        lapse,
        recorded: held.ring,
      });
      const alexId = (await store.agents.findByEmail('alex@example.com'))!.id;
      expect(outcome.data).toEqual({
        action: 'agent_called',
        agentId: alexId,
        to: AGENT_PHONE,
        callSid: created.sid,
        foundOnRetry: true,
      });
      // Operators see it in the metrics (the agent's phone rang once either way).
      const scrape = await (
        await fetch(`${v.server.baseUrl}/metrics`, {
          headers: { authorization: `Bearer ${METRICS_TOKEN}` },
        })
      ).text();
      expect(scrape).toMatch(/baton_voice_calls_found_on_retry_total\{step="agent_ring"\} 1\n/);
      // The inbox marks the conversation as ringing Alex, as for an answer that came.
      await until(async () =>
        (await store.conversations.get(held.conversation.id))?.channelState.voice?.rungAgentId ===
        alexId
          ? true
          : undefined,
      );
    });
  });

  it("does not take the ring for the agent's other caller, in the same minute, for this one", async () => {
    await withServer(async (v, { lapse, alex }) => {
      const posts = (id: string) =>
        v.sent.filter((r) => r.body.get('Url')?.endsWith(`/agent?conversation=${id}`));
      // Alex takes a first caller: rung, answered at once.
      const first = await callerOnHold(v, 'CAfirstcaller', '+15550105555', alex);
      await first.claim();
      const firstRing = await until(first.ring);
      // Then a second one in the same minute, to the same phone from the same number; Twilio
      // answers 503 (no call made) and the retry finds only the first caller's call in the list.
      const second = await callerOnHold(v, 'CAsecondcaller', '+15550106666', alex);
      v.answers.push(503);
      await second.claim();
      await until(() => posts(second.conversation.id)[0]);
      lapse();
      const secondRing = await until(second.ring);
      const sent = posts(second.conversation.id);
      expect(sent).toHaveLength(2);
      const accepted = `CA${String(v.sent.indexOf(sent[1]!) + 1).padStart(32, '0')}`;
      expect(secondRing.data).toMatchObject({ callSid: accepted, to: AGENT_PHONE });
      expect(secondRing.data.callSid).not.toBe(firstRing.data.callSid);
      expect(secondRing.data).not.toHaveProperty('foundOnRetry');
    });
  });
});
