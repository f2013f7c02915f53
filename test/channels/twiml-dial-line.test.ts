/**
 * The call back's bridge to the agent (`DialLine`): `<Dial callerId>` with `<Number>` for a
 * phone, or `<Client>` with `<Identity>` and `<Parameter name value>` elements for the browser
 * (the form of https://www.twilio.com/docs/voice/how-share-information-between-your-applications
 * and of Twilio's helper libraries' `Client.identity` / `Client.parameter`), every value escaped,
 * within Twilio's limits (name 32 bytes, value 128 bytes, 8 parameters), parsed back as XML.
 */
import { describe, expect, it } from 'vitest';
import { renderTwiml } from '../../src/channels/index.ts';
import { verbOrder } from '../helpers/voice-server.ts';
import { XMLParser } from 'fast-xml-parser';
import { clientWithParameters } from '../../src/app/channels/voice/voice-browser-client.ts';

const parse = (xml: string) =>
  new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(xml).Response.Dial;

describe('renderTwiml: dialling the agent who calls back', () => {
  it('dials a phone number with the Twilio number as caller id', () => {
    const xml = renderTwiml([
      {
        verb: 'DialLine',
        callerId: '+15559990000',
        line: { kind: 'phone', to: '+15557770001' },
      },
    ]);
    expect(verbOrder(xml)).toEqual(['Dial']);
    expect(parse(xml)).toEqual({ '@_callerId': '+15559990000', Number: '+15557770001' });
  });

  it('dials the browser client by identity, with the conversation and caller as parameters', () => {
    const caller = 'Ann <"R&D">';
    const xml = renderTwiml([
      {
        verb: 'DialLine',
        callerId: '+15559990000',
        line: {
          kind: 'browser',
          identity: 'a_123',
          parameters: { conversation: 'c_1', caller },
        },
      },
    ]);
    expect(parse(xml)).toEqual({
      '@_callerId': '+15559990000',
      Client: {
        Identity: 'a_123',
        Parameter: [
          { '@_name': 'conversation', '@_value': 'c_1' },
          { '@_name': 'caller', '@_value': caller },
        ],
      },
    });
    expect(xml).not.toContain(caller);
  });

  it("keeps custom parameters within Twilio's limits: values cut to 128 bytes, 8 at most, long names dropped", () => {
    const longName = 'Ünïcödé '.repeat(30); // 2-byte characters: the cut falls on a character
    const parameters: Record<string, string> = { caller: longName };
    for (let i = 0; i < 9; i++) parameters[`p${i}`] = String(i);
    parameters['n'.repeat(33)] = 'dropped';
    const xml = renderTwiml([
      {
        verb: 'DialLine',
        callerId: '+15559990000',
        line: { kind: 'browser', identity: 'a_123', parameters },
      },
    ]);
    const sent = parse(xml).Client.Parameter as Array<Record<string, string>>;
    expect(sent).toHaveLength(8);
    const caller = sent[0]!['@_value']!;
    expect(Buffer.byteLength(caller)).toBeLessThanOrEqual(128);
    expect(Buffer.byteLength(caller)).toBeGreaterThan(120);
    expect(longName.startsWith(caller)).toBe(true);
    expect(sent.map((p) => p['@_name'])).not.toContain('n'.repeat(33));
    // Calls.json's `client:<identity>?…` carries the same parameters, cut the same way.
    const to = clientWithParameters('client:a_123', { conversation: 'c_1', caller: longName });
    const query = new URLSearchParams(to.split('?')[1]);
    expect(query.get('conversation')).toBe('c_1');
    expect(query.get('caller')).toBe(caller);
  });
});
