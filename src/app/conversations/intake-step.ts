/**
 * Intake before a handoff that is not an explicit request: ask for the next missing field
 * (at most two questions, each skippable), or hand over when the questions are used up,
 * nothing is missing any more, or the answer is "skip". An explicit request during intake
 * never reaches here: the policy hands over first.
 */
import { eventOf, messageCreated } from '../../core/conversation/conversation-events.ts';
import { transition } from '../../core/conversation/transition.ts';
import type {
  ConversationChanges,
  ConversationRecord,
  NewEvent,
  StoredEvent,
} from '../../core/records.ts';
import { intakeQuestion, nextIntakeField } from './intake-questions.ts';
import type { EscalationDecision } from './ports.ts';

export interface IntakeInput {
  readonly conversation: ConversationRecord;
  readonly history: readonly StoredEvent[];
  readonly decision: EscalationDecision;
  readonly now: Date;
}

export interface IntakeActions {
  handOver(decision: EscalationDecision): Promise<StoredEvent[]>;
  commit(
    expectStatus: ConversationRecord['status'][],
    changes: ConversationChanges,
    events: NewEvent[],
  ): Promise<StoredEvent[]>;
}

export async function runIntake(
  input: IntakeInput,
  actions: IntakeActions,
): Promise<StoredEvent[]> {
  const { conversation, history, decision } = input;
  const asked = history
    .filter((e) => e.type === 'message.created' && e.data.kind === 'intake_question')
    .map((e) => String(e.data.field));
  // What intake set out to collect, less what the conversation has said since.
  const started = [...history].reverse().find((e) => e.type === 'conversation.intake_started');
  const wanted = started ? started.data.missingFields : decision.detail.missingFields;
  const missing = wanted.filter((f) => decision.fields[f] === undefined);
  const field = nextIntakeField(missing, asked);
  if (field === null) {
    // Intake is over: hand over for the reasons and to the queue that started it, whatever
    // the customer's last answer ("skip") looks like to the policy on its own.
    // Stored whole by this step (below); its type lives here in src/app, not in the registry.
    const origin = started?.data.decision as EscalationDecision | undefined;
    return actions.handOver({
      ...(origin ?? decision),
      fields: decision.fields,
      action: 'handoff',
      queue: conversation.queue ?? origin?.queue ?? decision.queue,
    });
  }
  const question: NewEvent = messageCreated(
    { type: 'bot' },
    {
      text: intakeQuestion(field, conversation.language ?? 'en'),
      kind: 'intake_question',
      extra: { intent: 'intake', field },
    },
  );
  if (conversation.status === 'intake') return actions.commit(['intake'], {}, [question]);
  const begun = transition(
    { state: conversation.status, assigneeId: null, offeredTo: null, queue: conversation.queue },
    { type: 'start_intake', queue: decision.queue },
    input.now,
  );
  if (!begun.ok) return [];
  return actions.commit(['bot'], { status: begun.state.state, queue: decision.queue }, [
    eventOf(
      begun.event.type,
      { type: 'bot' },
      {
        reasons: decision.reasons,
        queue: decision.queue,
        missingFields: decision.detail.missingFields,
        decision,
      },
    ),
    question,
  ]);
}
