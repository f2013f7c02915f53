/**
 * An optional LLM judge beside the local policy. When the local signals say "continue", the
 * judge is asked whether a person should take over; a confident yes adds a handoff with the
 * judge's reason as evidence. It never overrides a local handoff, and when it is slow (past
 * its timeout), down or unclear, the local decision stands.
 */
import OpenAI from 'openai';
import { isReasonCode, REASON_CODES } from '../../core/policy/policy-schema.ts';
import type {
  EscalationDecision,
  EscalationJudge,
  TranscriptView,
} from '../conversations/ports.ts';

export interface LlmJudgeOptions {
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly model: string;
  readonly timeoutMs: number;
  /** The judge's confidence needed to hand over (0..1). */
  readonly minConfidence: number;
  readonly onError?: (error: unknown) => void;
}

interface Verdict {
  readonly handoff: boolean;
  readonly reason: string;
  readonly confidence: number;
  readonly why: string;
}

export function withLlmJudge(local: EscalationJudge, options: LlmJudgeOptions): EscalationJudge {
  const client = new OpenAI({ baseURL: options.baseUrl, apiKey: options.apiKey, maxRetries: 0 });
  return {
    async decide(conversation: TranscriptView, now: Date): Promise<EscalationDecision> {
      const decision = await local.decide(conversation, now);
      if (decision.action !== 'continue') return decision;
      const verdict = await ask(client, options, conversation).catch((error: unknown) => {
        options.onError?.(error);
        return null;
      });
      if (!verdict?.handoff || verdict.confidence < options.minConfidence) return decision;
      const code = isReasonCode(verdict.reason) ? verdict.reason : 'out_of_scope';
      const turn = conversation.turns.length - 1;
      return {
        ...decision,
        action: 'handoff',
        reasons: [code],
        detail: {
          ...decision.detail,
          reasons: [
            {
              code,
              strength: verdict.confidence,
              evidence: { turn, text: `LLM judge: ${verdict.why}` },
            },
          ],
          trace: [
            ...decision.detail.trace,
            {
              rule: 'llm-judge',
              expected: `confidence ≥ ${options.minConfidence}`,
              actual: String(verdict.confidence),
              passed: true,
            },
          ],
        },
      };
    },
  };
}

async function ask(
  client: OpenAI,
  options: LlmJudgeOptions,
  conversation: TranscriptView,
): Promise<Verdict | null> {
  const transcript = conversation.turns
    .slice(-12)
    .map((t) => `${t.from}: ${t.text ?? `[${t.action ?? ''}]`}`)
    .join('\n');
  const completion = await client.chat.completions.create(
    {
      model: options.model,
      temperature: 0,
      messages: [
        {
          role: 'system',
          content:
            'You decide whether a customer-support chatbot should hand the conversation to a human now. ' +
            `Answer only JSON: {"handoff": boolean, "reason": one of ${REASON_CODES.join(', ')}, "confidence": 0..1, "why": short text}.`,
        },
        { role: 'user', content: transcript },
      ],
    },
    { timeout: options.timeoutMs },
  );
  const text = completion.choices[0]?.message?.content ?? '';
  const json = /\{[\s\S]*\}/.exec(text)?.[0];
  if (!json) return null;
  const v = JSON.parse(json) as Partial<Verdict>;
  if (typeof v.handoff !== 'boolean' || typeof v.confidence !== 'number') return null;
  return {
    handoff: v.handoff,
    reason: String(v.reason ?? ''),
    confidence: v.confidence,
    why: String(v.why ?? ''),
  };
}
