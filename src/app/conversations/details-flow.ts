/**
 * "Share details first" after an explicit request: the intake questions (at most two, each
 * skippable, nothing asked that was already said) while the conversation keeps its place in
 * the queue. Answers go into the handoff's collected fields, which the agent sees.
 */
import type { FieldValue } from '../../core/handoff/handoff-packet.ts';
import { isSkip, readFieldAnswer } from './field-answer.ts';
import { intakeQuestion, MAX_INTAKE_QUESTIONS } from './intake-questions.ts';
import { withCollected } from './queue-fields.ts';
import { labelled, type FlowContext, type Reply } from './waiting-room.ts';

export class DetailsFlow {
  start(ctx: FlowContext): Reply[] {
    const wanted = stringList(ctx.prompt.data.missingFields);
    const next = stillMissing(ctx, wanted, [])[0];
    if (next === undefined) return [{ key: 'details_thanks' }];
    return [ask(ctx, next, [next], wanted, false)];
  }

  answer(ctx: FlowContext): Reply[] {
    const field = String(ctx.prompt.data.field ?? '');
    const asked = stringList(ctx.prompt.data.asked);
    const wanted = stringList(ctx.prompt.data.wanted);
    const skipped = ctx.answer.choice === 'skip' || isSkip(ctx.answer.text);
    const value = skipped ? null : readFieldAnswer(field, ctx.answer.text);
    const added: Record<string, FieldValue> = value === null ? {} : { [field]: value };
    const collectedBefore = ctx.prompt.data.collected === true;
    const changes =
      value !== null && ctx.conversation.handoff
        ? { handoff: withCollected(ctx.conversation.handoff, added) }
        : {};
    const events =
      value !== null
        ? [
            {
              type: 'handoff.fields_added' as const,
              actor: { type: 'customer' as const },
              data: { fields: added, via: 'share_details' },
            },
          ]
        : [];
    const next =
      asked.length < MAX_INTAKE_QUESTIONS ? stillMissing(ctx, wanted, asked, added)[0] : undefined;
    if (next !== undefined) {
      return [
        {
          ...ask(ctx, next, [...asked, next], wanted, collectedBefore || value !== null),
          changes,
          events,
        },
      ];
    }
    const anything = collectedBefore || value !== null;
    return [{ key: anything ? 'details_thanks' : 'connect_now_kept', changes, events }];
  }
}

function ask(
  ctx: FlowContext,
  field: string,
  asked: string[],
  wanted: string[],
  collected: boolean,
): Reply {
  return {
    key: 'details_thanks',
    kind: 'details_question',
    text: intakeQuestion(field, ctx.language),
    prompt: { kind: 'details', data: { field, asked, wanted, collected } },
    choices: labelled([['skip', 'choice_skip']], ctx.language, ctx.overrides),
  };
}

/** Wanted fields not yet asked and not known (said before, in the profile, or just given). */
function stillMissing(
  ctx: FlowContext,
  wanted: readonly string[],
  asked: readonly string[],
  added: Readonly<Record<string, unknown>> = {},
): string[] {
  const fields = {
    ...((ctx.conversation.handoff?.fields ?? {}) as Record<string, unknown>),
    ...added,
  };
  return wanted.filter(
    (f) =>
      !asked.includes(f) &&
      fields[f] === undefined &&
      typeof ctx.conversation.customer[f] !== 'string',
  );
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}
