// Replays one recorded conversation through a policy: the policy is evaluated at every
// customer turn (recorded bot turns are used as they are) until it first hands over. The
// result is the `baton replay --json` line of ../shared/spec/transcripts.md.
import type { Transcript } from '../transcript/transcript-schema.ts';
import type { DecisionAction, FieldValue } from './decision-types.ts';
import { evaluatePolicy } from './evaluate-policy.ts';
import type { Policy, ReasonCode } from './policy-schema.ts';

export interface ReplayHandoff {
  at_turn: number;
  reasons: ReasonCode[];
  queue: string;
  priority: number;
  skills: string[];
  policy_version: string;
}

export interface ReplayDecision {
  turn: number;
  action: DecisionAction;
  reasons?: ReasonCode[];
}

export interface ReplayResult {
  id: string;
  handoff: ReplayHandoff | null;
  fields: Record<string, FieldValue>;
  decisions: ReplayDecision[];
}

/** Runs `policy` over `transcript` turn by turn, stopping at the first handoff. */
export function replayTranscript(transcript: Transcript, policy: Policy): ReplayResult {
  const decisions: ReplayDecision[] = [];
  let fields: Record<string, FieldValue> = {};
  const base = {
    channel: transcript.channel,
    ...(transcript.language === undefined ? {} : { language: transcript.language }),
    ...(transcript.customer === undefined ? {} : { customer: transcript.customer }),
    ...(transcript.started_at === undefined ? {} : { startedAt: transcript.started_at }),
  };
  const turns = transcript.turns;
  for (let i = 0; i < turns.length; i++) {
    if (turns[i]?.from !== 'customer') continue;
    // The spec evaluates the policy when a customer turn arrives, so a bot that failed to
    // answer turn i (bot_error) is judged at the next customer turn, as a time limit passed
    // between turns is; the live server hands over at once, and the replay reports the turn
    // at which a replay can know. After the last customer turn there is no next one: the
    // bot turns that follow it are read with it, so a failure at the end still hands over.
    // Other signals read only bot turns before the customer turn judged, so neither moves them.
    const next = turns.findIndex((t, j) => j > i && t.from === 'customer');
    const end = next === -1 ? turns.length : i + 1;
    const d = evaluatePolicy({ ...base, turns: turns.slice(0, end) }, policy);
    fields = d.fields;
    const codes = d.reasons.map((r) => r.code);
    decisions.push(
      d.action === 'continue'
        ? { turn: i, action: d.action }
        : { turn: i, action: d.action, reasons: codes },
    );
    if (d.action === 'handoff') {
      return {
        id: transcript.id,
        handoff: {
          at_turn: i,
          reasons: codes,
          queue: d.queue ?? policy.queues.default,
          priority: d.priority,
          skills: d.skills,
          policy_version: d.policyVersion,
        },
        fields,
        decisions,
      };
    }
  }
  return { id: transcript.id, handoff: null, fields, decisions };
}
