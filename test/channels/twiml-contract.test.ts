/**
 * Twilio's contract for every TwiML element Baton renders: each element's exact attribute
 * names (no more, no fewer) and its values, checked against Twilio's reference pages (named
 * per case), parsed back as XML. A renamed or invented attribute (Twilio ignores unknown ones
 * silently, so a call would just behave differently) fails here.
 */
import { describe, expect, it } from 'vitest';
import { XMLParser } from 'fast-xml-parser';
import { renderTwiml, type TwimlVerb } from '../../src/channels/index.ts';

const URL_A = 'https://baton.example/channels/voice/a?conversation=c_1';
const URL_B = 'https://baton.example/channels/voice/b';

/** The single element a verb renders, in document order, with its attributes as a record. */
function element(verb: TwimlVerb): { name: string; attributes: Record<string, string>; node: any } {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    preserveOrder: true,
    attributeNamePrefix: '',
    parseAttributeValue: false,
    parseTagValue: false,
  }).parse(renderTwiml([verb])) as Array<Record<string, any>>;
  const response = parsed.find((n) => 'Response' in n)!.Response as Array<Record<string, any>>;
  expect(response).toHaveLength(1);
  const node = response[0]!;
  const name = Object.keys(node).find((k) => k !== ':@')!;
  return { name, attributes: (node[':@'] ?? {}) as Record<string, string>, node: node[name] };
}

function childrenOf(node: Array<Record<string, any>>) {
  return node
    .filter((n) => !('#text' in n))
    .map((n) => {
      const name = Object.keys(n).find((k) => k !== ':@')!;
      const text = (n[name] as Array<Record<string, any>>).find((c) => '#text' in c)?.['#text'];
      return { name, attributes: (n[':@'] ?? {}) as Record<string, string>, text, node: n[name] };
    });
}

const textOf = (node: Array<Record<string, any>>) => node.find((c) => '#text' in c)?.['#text'];

describe('TwiML as Twilio documents it', () => {
  it('<Say language> (twilio.com/docs/voice/twiml/say: language, loop, voice)', () => {
    const say = element({ verb: 'Say', text: 'Hello', language: 'de-DE' });
    expect(say.name).toBe('Say');
    expect(say.attributes).toEqual({ language: 'de-DE' });
    expect(textOf(say.node)).toBe('Hello');
  });

  it('<Gather input="speech"> (twilio.com/docs/voice/twiml/gather: input, action, method, language, speechTimeout, actionOnEmptyResult)', () => {
    const gather = element({
      verb: 'Gather',
      action: URL_A,
      language: 'en-GB',
      prompt: [{ verb: 'Say', text: 'How can I help?', language: 'en-GB' }],
    });
    expect(gather.name).toBe('Gather');
    // speechTimeout="auto" is allowed because no speechModel is set (Twilio warning 13335
    // concerns speechTimeout="auto" together with a speechModel).
    expect(gather.attributes).toEqual({
      input: 'speech',
      action: URL_A,
      method: 'POST',
      language: 'en-GB',
      speechTimeout: 'auto',
      actionOnEmptyResult: 'true',
    });
    expect(childrenOf(gather.node).map((c) => c.name)).toEqual(['Say']);
  });

  it('<Gather input="dtmf speech" numDigits="1"> for a one-key choice (gather: numDigits, hints, timeout)', () => {
    const gather = element({
      verb: 'GatherChoice',
      action: URL_A,
      language: 'en-US',
      hints: 'call me back',
      prompt: [{ verb: 'Say', text: 'Press 1', language: 'en-US' }],
    });
    expect(gather.attributes).toEqual({
      input: 'dtmf speech',
      numDigits: '1',
      action: URL_A,
      method: 'POST',
      language: 'en-US',
      hints: 'call me back',
      speechTimeout: 'auto',
      timeout: '5',
    });
  });

  it('<Enqueue waitUrl waitUrlMethod action>queue</Enqueue> (twilio.com/docs/voice/twiml/enqueue)', () => {
    const enqueue = element({
      verb: 'Enqueue',
      queue: 'billing-CA1',
      waitUrl: URL_A,
      action: URL_B,
    });
    expect(enqueue.name).toBe('Enqueue');
    expect(enqueue.attributes).toEqual({ waitUrl: URL_A, waitUrlMethod: 'POST', action: URL_B });
    expect(textOf(enqueue.node)).toBe('billing-CA1');
  });

  it('<Dial><Queue url method>queue</Queue></Dial> (twilio.com/docs/voice/twiml/queue)', () => {
    const dial = element({ verb: 'DialQueue', queue: 'billing-CA1', whisperUrl: URL_A });
    expect(dial.name).toBe('Dial');
    expect(dial.attributes).toEqual({});
    const [queue, ...rest] = childrenOf(dial.node);
    expect(rest).toEqual([]);
    expect(queue).toMatchObject({
      name: 'Queue',
      attributes: { url: URL_A, method: 'POST' },
      text: 'billing-CA1',
    });
  });

  it('<Dial callerId><Number> and <Dial callerId><Client><Identity/><Parameter name value/></Client> (docs/voice/twiml/dial, /number, /client; how-share-information-between-your-applications)', () => {
    const phone = element({
      verb: 'DialLine',
      callerId: '+15559990000',
      line: { kind: 'phone', to: '+15557770001' },
    });
    expect(phone.attributes).toEqual({ callerId: '+15559990000' });
    expect(childrenOf(phone.node)).toMatchObject([
      { name: 'Number', attributes: {}, text: '+15557770001' },
    ]);
    const browser = element({
      verb: 'DialLine',
      callerId: '+15559990000',
      line: { kind: 'browser', identity: 'a_1', parameters: { conversation: 'c_1' } },
    });
    const [client] = childrenOf(browser.node);
    expect(client).toMatchObject({ name: 'Client', attributes: {} });
    expect(childrenOf(client!.node)).toMatchObject([
      { name: 'Identity', attributes: {}, text: 'a_1' },
      { name: 'Parameter', attributes: { name: 'conversation', value: 'c_1' } },
    ]);
  });

  it('<Record action method maxLength playBeep transcribe transcribeCallback/> (twilio.com/docs/voice/twiml/record)', () => {
    const record = element({
      verb: 'Record',
      action: URL_A,
      transcribeCallback: URL_B,
      maxLengthSeconds: 120,
    });
    expect(record.attributes).toEqual({
      action: URL_A,
      method: 'POST',
      maxLength: '120',
      playBeep: 'true',
      transcribe: 'true',
      transcribeCallback: URL_B,
    });
  });

  it('<Pause length/>, <Redirect method>url</Redirect>, <Hangup/> (docs/voice/twiml/pause, /redirect, /hangup)', () => {
    expect(element({ verb: 'Pause', seconds: 8 }).attributes).toEqual({ length: '8' });
    const redirect = element({ verb: 'Redirect', url: URL_A });
    expect(redirect.attributes).toEqual({ method: 'POST' });
    expect(textOf(redirect.node)).toBe(URL_A);
    const hangup = element({ verb: 'Hangup' });
    expect(hangup).toMatchObject({ name: 'Hangup', attributes: {} });
  });
});
