// Every named signal of a conversation at its latest customer turn, by name.
import { applyClassifiers } from './classifier-signals.ts';
import type { ConversationView } from './conversation-view.ts';
import type { SignalResult } from './decision-types.ts';
import {
  frustrationSignals,
  humanRequestSignals,
  topicSignals,
  valueSignals,
} from './message-signals.ts';
import type { PolicyThresholds, SignalName } from './policy-schema.ts';
import { failedAttemptsSignal } from './failed-attempts.ts';
import { struggleSignals } from './struggle-signals.ts';

export type SignalMap = ReadonlyMap<SignalName, SignalResult>;

/** Computes all signals; with no customer turn yet, only `bot_error` can fire. */
export function computeSignals(view: ConversationView, thresholds: PolicyThresholds): SignalMap {
  const all = [
    ...humanRequestSignals(view, thresholds),
    ...topicSignals(view),
    ...valueSignals(view, thresholds),
    ...frustrationSignals(view, thresholds),
    ...struggleSignals(view, thresholds),
    failedAttemptsSignal(view, thresholds),
  ];
  const raw = new Map<SignalName, SignalResult>();
  for (const s of all) raw.set(s.name, s);
  if (view.current >= 0) applyClassifiers(view, thresholds, raw);
  const map = new Map<SignalName, SignalResult>();
  for (const s of raw.values()) {
    const silenced = view.current < 0 && s.name !== 'bot_error';
    map.set(s.name, silenced ? { ...s, fired: false, strength: 0, evidence: undefined } : s);
  }
  return map;
}
