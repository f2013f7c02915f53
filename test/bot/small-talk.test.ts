// Small talk is only small talk: a greeting in front of a question is still a question.
import { describe, expect, it } from 'vitest';
import { detectSmallTalk } from '../../src/bot/index.ts';

describe('detectSmallTalk', () => {
  it.each([
    ['hey', 'greeting'],
    ['how are you?', 'greeting'],
    ['Thanks a lot!', 'thanks'],
    ['cheers', 'thanks'],
    ['ok', 'acknowledgement'],
    ['got it, makes sense', 'acknowledgement'],
    ['bye', 'goodbye'],
  ])('%s → %s', (text, intent) => {
    expect(detectSmallTalk(text)).toBe(intent);
  });

  it.each([
    'hi, where is my order?',
    'thanks, but how do I return this?',
    'refund',
    '',
    'ok so what about shipping',
  ])('%s → not small talk', (text) => {
    expect(detectSmallTalk(text)).toBeNull();
  });
});
