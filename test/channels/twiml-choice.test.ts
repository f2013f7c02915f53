/**
 * The one-key choice TwiML (the voice callback offer): the attributes Twilio reads, and every
 * text escaped, parsed back as XML rather than compared as a string.
 */
import { describe, expect, it } from 'vitest';
import { renderTwiml } from '../../src/channels/index.ts';
import { parseTwiml, verbOrder } from '../helpers/voice-server.ts';

describe('renderTwiml: a one-key choice', () => {
  it('listens for one key or the word, falls through on silence, and escapes what it says', () => {
    const team = 'R&D <"Tier 2">';
    const xml = renderTwiml([
      {
        verb: 'GatherChoice',
        action: 'https://baton.example/channels/voice/callback-choice?then=hold&x=1',
        language: 'fr-FR',
        hints: 'rappelez-moi',
        prompt: [
          { verb: 'Say', text: `Une personne de ${team} vous rappellera.`, language: 'fr-FR' },
        ],
      },
      { verb: 'Redirect', url: 'https://baton.example/channels/voice/wait' },
    ]);
    expect(verbOrder(xml)).toEqual(['Gather', 'Redirect']);
    const gather = parseTwiml(xml).Gather[0];
    expect(gather).toMatchObject({
      '@_input': 'dtmf speech',
      '@_numDigits': '1',
      '@_action': 'https://baton.example/channels/voice/callback-choice?then=hold&x=1',
      '@_method': 'POST',
      '@_language': 'fr-FR',
      '@_hints': 'rappelez-moi',
    });
    // Without actionOnEmptyResult, silence goes on to the next verb instead of posting.
    expect(gather['@_actionOnEmptyResult']).toBeUndefined();
    expect(gather.Say[0]['#text']).toBe(`Une personne de ${team} vous rappellera.`);
    expect(xml).not.toContain(team);
  });
});
