/**
 * TwiML, the XML Twilio Voice reads as a call's next steps, built with `xmlbuilder2` so every
 * text (a customer's words read back, a summary, a queue name) is escaped. Only the verbs
 * Baton uses are described; each is a plain value, so the application decides and this file
 * only renders (https://www.twilio.com/docs/voice/twiml).
 */
import { create } from 'xmlbuilder2';

export interface SayVerb {
  readonly verb: 'Say';
  readonly text: string;
  /** Twilio's language tag for the voice, e.g. `en-US`. */
  readonly language: string;
}

/** Listens for speech; Twilio posts `SpeechResult` and `Confidence` to `action`. */
export interface GatherVerb {
  readonly verb: 'Gather';
  readonly action: string;
  /** The language speech is recognised in, e.g. `en-US`. */
  readonly language: string;
  /** Said while listening (the caller may interrupt). */
  readonly prompt: readonly SayVerb[];
}

/**
 * A one-key choice: a key press (`Digits`) or the choice's word spoken (`SpeechResult`) is
 * posted to `action`; silence falls through to the next verb, so saying nothing changes nothing.
 */
export interface GatherChoiceVerb {
  readonly verb: 'GatherChoice';
  readonly action: string;
  readonly language: string;
  /** The word the speech recogniser should expect. */
  readonly hints: string;
  readonly prompt: readonly SayVerb[];
}

/** Puts the caller in a Twilio queue; `waitUrl` is what they hear there, `action` is called when they leave it. */
export interface EnqueueVerb {
  readonly verb: 'Enqueue';
  readonly queue: string;
  readonly waitUrl: string;
  readonly action: string;
}

/** Connects the agent's call to the caller at the front of `queue`, after the whisper at `whisperUrl`. */
export interface DialQueueVerb {
  readonly verb: 'DialQueue';
  readonly queue: string;
  readonly whisperUrl: string;
}

/**
 * Connects this call to an agent's line: their phone (`<Number>`) or their browser
 * (`<Client>`, the Voice SDK registered as `identity`), showing `callerId`.
 */
export interface DialLineVerb {
  readonly verb: 'DialLine';
  readonly line:
    | { readonly kind: 'phone'; readonly to: string }
    | {
        readonly kind: 'browser';
        readonly identity: string;
        readonly parameters: Readonly<Record<string, string>>;
      };
  readonly callerId: string;
}

/** A voicemail: recorded, transcribed by Twilio, the text posted to `transcribeCallback`. */
export interface RecordVerb {
  readonly verb: 'Record';
  readonly action: string;
  readonly transcribeCallback: string;
  readonly maxLengthSeconds: number;
}

export type TwimlVerb =
  | SayVerb
  | GatherVerb
  | GatherChoiceVerb
  | EnqueueVerb
  | DialQueueVerb
  | DialLineVerb
  | RecordVerb
  | { readonly verb: 'Pause'; readonly seconds: number }
  | { readonly verb: 'Redirect'; readonly url: string }
  | { readonly verb: 'Hangup' };

type Element = ReturnType<typeof create>;

/** Twilio's limits on a Client's custom parameters: a name of 32 bytes, a value of 128, eight of them. */
const PARAMETER_NAME_BYTES = 32;
const PARAMETER_VALUE_BYTES = 128;
const MAX_PARAMETERS = 8;

/**
 * The custom parameters Twilio accepts for a Client callee (`<Parameter>` or the query of
 * `client:<identity>?…`): at most eight, names of up to 32 bytes (longer ones dropped), values
 * cut to 128 bytes of UTF-8 on a character boundary, so a long caller name still rings.
 */
export function clientParameters(
  parameters: Readonly<Record<string, string>>,
): Array<[string, string]> {
  return Object.entries(parameters)
    .filter(([name]) => Buffer.byteLength(name) <= PARAMETER_NAME_BYTES)
    .slice(0, MAX_PARAMETERS)
    .map(([name, value]) => [name, cutToBytes(value, PARAMETER_VALUE_BYTES)]);
}

function cutToBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let out = '';
  for (const char of text) {
    if (Buffer.byteLength(out + char) > bytes) break;
    out += char;
  }
  return out;
}

export function renderTwiml(verbs: readonly TwimlVerb[]): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const response = doc.ele('Response');
  for (const verb of verbs) append(response, verb);
  return doc.end({ prettyPrint: false });
}

function append(parent: Element, verb: TwimlVerb): void {
  switch (verb.verb) {
    case 'Say':
      parent.ele('Say', { language: verb.language }).txt(verb.text);
      return;
    case 'Gather': {
      const gather = parent.ele('Gather', {
        input: 'speech',
        action: verb.action,
        method: 'POST',
        language: verb.language,
        speechTimeout: 'auto',
        // An empty answer still comes to `action`, which asks again, instead of the call ending.
        actionOnEmptyResult: 'true',
      });
      for (const say of verb.prompt) append(gather, say);
      return;
    }
    case 'GatherChoice': {
      const gather = parent.ele('Gather', {
        input: 'dtmf speech',
        numDigits: '1',
        action: verb.action,
        method: 'POST',
        language: verb.language,
        hints: verb.hints,
        speechTimeout: 'auto',
        timeout: '5',
      });
      for (const say of verb.prompt) append(gather, say);
      return;
    }
    case 'Enqueue':
      parent
        .ele('Enqueue', { waitUrl: verb.waitUrl, waitUrlMethod: 'POST', action: verb.action })
        .txt(verb.queue);
      return;
    case 'DialQueue':
      parent.ele('Dial').ele('Queue', { url: verb.whisperUrl, method: 'POST' }).txt(verb.queue);
      return;
    case 'DialLine': {
      const dial = parent.ele('Dial', { callerId: verb.callerId });
      if (verb.line.kind === 'phone') {
        dial.ele('Number').txt(verb.line.to);
        return;
      }
      // Twilio's <Client>: the identity, then each custom parameter the SDK reads.
      const client = dial.ele('Client');
      client.ele('Identity').txt(verb.line.identity);
      for (const [name, value] of clientParameters(verb.line.parameters)) {
        client.ele('Parameter', { name, value });
      }
      return;
    }
    case 'Record':
      parent.ele('Record', {
        action: verb.action,
        method: 'POST',
        maxLength: String(verb.maxLengthSeconds),
        playBeep: 'true',
        transcribe: 'true',
        transcribeCallback: verb.transcribeCallback,
      });
      return;
    case 'Pause':
      parent.ele('Pause', { length: String(verb.seconds) });
      return;
    case 'Redirect':
      parent.ele('Redirect', { method: 'POST' }).txt(verb.url);
      return;
    case 'Hangup':
      parent.ele('Hangup');
      return;
  }
}
