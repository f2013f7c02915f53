// Small builders for policy tests: conversations as arrays of [speaker, text, extra] tuples.
import type { PolicyInput } from '../../../src/core/policy/index.ts';
import type { Turn } from '../../../src/core/transcript/index.ts';

export function customer(text: string, at?: string): Turn {
  return at === undefined ? { from: 'customer', text } : { from: 'customer', text, at };
}

export function bot(text: string, confidence?: number, intent?: string): Turn {
  return {
    from: 'bot',
    text,
    ...(confidence === undefined ? {} : { confidence }),
    ...(intent === undefined ? {} : { intent }),
  };
}

export function conversation(turns: Turn[], extra: Partial<PolicyInput> = {}): PolicyInput {
  return { channel: 'web', turns, ...extra };
}
