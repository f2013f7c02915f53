/**
 * The call back's bridge to the agent (`DialLine`): `<Dial callerId>` with `<Number>` for a
 * phone, or `<Client>` with `<Identity>` and `<Parameter>` elements (Twilio's documented custom
 * parameters for a Client) for the browser, every value escaped, parsed back as XML.
 */
import { describe, expect, it } from 'vitest';
import { renderTwiml } from '../../src/channels/index.ts';
import { verbOrder } from '../helpers/voice-server.ts';
import { XMLParser } from 'fast-xml-parser';

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
});
