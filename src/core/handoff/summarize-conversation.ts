/**
 * The extractive summary: the customer's goal in their own words, what the bot tried, what
 * was collected, and why it stepped aside. Deterministic, no model: the same conversation
 * always gives the same summary.
 */
import { describeReason } from './describe-reason.ts';
import type { FieldValue, PacketSummary } from './handoff-packet.ts';

export interface SummaryTurn {
  readonly from: string;
  readonly text?: string;
  readonly action?: string;
  /** Topics the turn requests or mentions (from the topic signal). */
  readonly topics: readonly string[];
  /** True when the turn only asks for a person, greets or thanks: it says nothing of the goal. */
  readonly contentless: boolean;
  readonly article?: { readonly title: string };
  readonly intent?: string;
}

export interface SummaryInput {
  readonly turns: readonly SummaryTurn[];
  readonly reasons: readonly string[];
  readonly fields: Readonly<Record<string, FieldValue>>;
  readonly topic: string | null;
}

const MAX_GOAL_CHARS = 240;

export function summarizeConversation(input: SummaryInput): PacketSummary {
  const goal = findGoal(input.turns, input.topic);
  const tried = input.turns
    .filter((t) => t.from === 'bot' && t.intent !== 'greeting' && t.intent !== 'handoff')
    .map((t) =>
      t.article
        ? `answered with “${t.article.title}”`
        : t.text
          ? `replied: “${clip(t.text, 80)}”`
          : '',
    )
    .filter((s) => s !== '');
  const blocker = input.reasons.length
    ? input.reasons.map(describeReason).join('; ')
    : 'no reason recorded';
  const collected = Object.entries(input.fields).map(
    ([k, v]) => `${k.replaceAll('_', ' ')} ${show(v)}`,
  );
  const text = [
    `Goal: ${goal}`,
    tried.length ? `The bot ${tried.join(', then ')}.` : 'The bot had not tried anything yet.',
    collected.length ? `Known: ${collected.join(', ')}.` : '',
    `Handed over because ${blocker}.`,
  ]
    .filter(Boolean)
    .join(' ');
  return { goal, tried, collected: input.fields, blocker, text };
}

/**
 * The goal is the customer's message that best says what they want: the first one about the
 * conversation's topic, else the first with content, else (nothing but "human please") that.
 */
function findGoal(turns: readonly SummaryTurn[], topic: string | null): string {
  const customer = turns.filter((t) => t.from === 'customer');
  const onTopic = topic ? customer.find((t) => t.topics.includes(topic) && t.text) : undefined;
  const withContent = customer.find((t) => !t.contentless && t.text);
  const chosen = onTopic ?? withContent;
  if (chosen?.text) return `“${clip(chosen.text, MAX_GOAL_CHARS)}”`;
  return 'the customer asked for a person without saying why yet';
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function show(v: FieldValue): string {
  return typeof v === 'string' ? v : `${v.value} ${v.currency}`;
}
