/**
 * What the customer is told at each step. Honest by construction: the handoff message
 * depends on whether anyone from the team is connected, and never promises instant help.
 */

export const QUEUE_LABELS: Readonly<Record<string, string>> = {
  billing: 'billing',
  technical: 'technical support',
  retention: 'accounts',
  sales: 'sales',
  trust_safety: 'trust & safety',
  general: 'support',
};

export function greetingText(botName: string): string {
  return (
    `Hi! I'm ${botName}, an automated assistant — a bot, not a person. ` +
    'I can help with orders, shipping, returns, payments and your account. ' +
    'If you would rather talk to a person, press “Talk to a human” or just say so, at any time.'
  );
}

export interface HandoffMessageInput {
  readonly queue: string;
  readonly position: number;
  readonly agentsOnline: number;
}

export function handoffText({ queue, position, agentsOnline }: HandoffMessageInput): string {
  const team = QUEUE_LABELS[queue] ?? queue;
  if (agentsOnline === 0) {
    return (
      `I've passed your conversation to our ${team} team. Nobody from the team is online at ` +
      'this moment, so your request is saved and a person will reply right here as soon as ' +
      'someone is available. They will see everything we have said, so you will not need to ' +
      'repeat yourself.'
    );
  }
  const line = position <= 1 ? 'You are next in line.' : `You are number ${position} in line.`;
  return (
    `I'm connecting you with a person from our ${team} team. ${line} They will see everything ` +
    'we have said, so you will not need to repeat yourself. I will stay out of the way from here.'
  );
}

export function agentJoinedText(agentName: string, queue: string | null): string {
  const team = queue ? ` from our ${QUEUE_LABELS[queue] ?? queue} team` : '';
  return `${agentName}${team} has joined and can see our whole conversation.`;
}

export function resolvedText(): string {
  return 'This conversation has been marked as resolved. Thanks for reaching out!';
}

export function transferredText(queue: string): string {
  const team = QUEUE_LABELS[queue] ?? queue;
  return `I'm passing you to our ${team} team. They will see our whole conversation, so you won't need to repeat anything.`;
}

export function returnedToBotText(agentName: string): string {
  return `${agentName} has handed you back to me, the automated assistant. Is there anything else I can help with? You can ask for a person again at any time.`;
}

export function agentLeftText(agentName: string): string {
  return `${agentName} had to step away. You keep your place in line, and the next person will see our whole conversation.`;
}
