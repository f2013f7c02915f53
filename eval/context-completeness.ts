// Context completeness on the public scenarios: at each expected handoff, does the handoff
// packet carry every expected field, and does its summary name the reason and the
// customer's goal? The agent must never have to ask again for what the conversation holds.
import { readFileSync } from 'node:fs';
import { buildHandoffPacket } from '../src/core/handoff/build-handoff-packet.ts';
import { describeReason } from '../src/core/handoff/describe-reason.ts';
import type { HandoffPacket } from '../src/core/handoff/handoff-packet.ts';
import { evaluatePolicy, getDefaultPolicy, replayTranscript } from '../src/core/policy/index.ts';
import { parseTranscriptLine, turnTimes, type Transcript } from '../src/core/transcript/index.ts';

const SCENARIOS = '../shared/scenarios/public.jsonl';
const SHOWN: string[] = [];

interface Expect {
  handoff: boolean;
  fields?: Record<string, unknown>;
}

export interface CompletenessResult {
  readonly scored: number;
  readonly complete: number;
  readonly misses: string[];
}

export function measureContextCompleteness(path = SCENARIOS): CompletenessResult {
  const policy = getDefaultPolicy();
  const misses: string[] = [];
  let scored = 0;
  let complete = 0;
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      const expect = (JSON.parse(line) as { expect: Expect }).expect;
      const parsed = parseTranscriptLine(line, i + 1);
      if (!parsed.ok || !expect.handoff) return;
      const transcript = parsed.transcript;
      const replay = replayTranscript(transcript, policy);
      if (!replay.handoff) return; // a decision miss, counted by the scorer, not here
      scored++;
      const packet = packetAt(transcript, replay.handoff.at_turn);
      SHOWN.push(
        `${transcript.id} [${packet.queue}] ${packet.summary.text} → ${packet.recommendedActions.join(' / ')}`,
      );
      const problems = check(packet, transcript, expect.fields ?? {});
      if (problems.length === 0) complete++;
      else misses.push(`${transcript.id}: ${problems.join('; ')}`);
    });
  return { scored, complete, misses };
}

function packetAt(transcript: Transcript, atTurn: number): HandoffPacket {
  const times = turnTimes(transcript.turns, transcript.started_at).map((ms) =>
    new Date(ms).toISOString(),
  );
  let end = atTurn + 1;
  while (end < transcript.turns.length && transcript.turns[end]?.from !== 'customer') end++;
  const turns = transcript.turns.slice(0, end);
  const decision = evaluatePolicy(
    {
      channel: transcript.channel,
      ...(transcript.language ? { language: transcript.language } : {}),
      ...(transcript.customer ? { customer: transcript.customer } : {}),
      ...(transcript.started_at ? { startedAt: transcript.started_at } : {}),
      turns,
    },
    getDefaultPolicy(),
  );
  return buildHandoffPacket({
    conversationId: transcript.id,
    channel: transcript.channel,
    language: transcript.language ?? null,
    customer: transcript.customer ?? {},
    turns: turns.map((t, i) => ({
      at: times[i] ?? '',
      from: t.from,
      ...(t.text !== undefined ? { text: t.text } : {}),
      ...(t.action !== undefined ? { action: t.action } : {}),
      ...(t.confidence !== undefined ? { confidence: t.confidence } : {}),
      ...(t.intent !== undefined ? { intent: t.intent } : {}),
    })),
    decision: { ...decision, queue: decision.queue ?? 'general' },
    history: { previousConversations: 0, previousEscalations: 0 },
    now: new Date(times[end - 1] ?? 0),
  });
}

function check(
  packet: HandoffPacket,
  transcript: Transcript,
  fields: Record<string, unknown>,
): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(fields)) {
    if (JSON.stringify(packet.fields[key]) !== JSON.stringify(value)) {
      problems.push(`field ${key} missing (${JSON.stringify(packet.fields[key])})`);
    }
  }
  const top = packet.reasons[0]?.code;
  if (!top || !packet.summary.text.includes(describeReason(top)))
    problems.push('summary does not name the reason');
  const customerText = transcript.turns
    .filter((t) => t.from === 'customer' && t.text)
    .map((t) => t.text as string);
  const goalQuoted = /^“(.*)”$/.exec(packet.summary.goal)?.[1]?.replace(/…$/, '');
  const goalFromCustomer =
    goalQuoted !== undefined &&
    customerText.some((t) => t.replace(/\s+/g, ' ').includes(goalQuoted));
  const onlyAskedForPerson =
    customerText.length === 0 || packet.summary.goal.startsWith('the customer asked for a person');
  if (!goalFromCustomer && !onlyAskedForPerson)
    problems.push(`goal not in the customer's words: ${packet.summary.goal}`);
  if (!packet.summary.text.includes(packet.summary.goal))
    problems.push('summary text lacks the goal');
  return problems;
}

export function formatContextCompleteness(r: CompletenessResult): string {
  const share = r.scored ? r.complete / r.scored : 0;
  return [
    `  context completeness: ${(share * 100).toFixed(1)}% (${r.complete}/${r.scored} handed-over scenarios: every expected field in the packet, summary names reason and goal)`,
    ...r.misses.map((m) => `  MISS ${m}`),
  ].join('\n');
}

if (process.argv[1]?.endsWith('context-completeness.ts')) {
  console.log(formatContextCompleteness(measureContextCompleteness()));
  if (process.argv.includes('--show')) for (const s of SHOWN) console.log(s);
}
