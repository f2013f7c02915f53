/** What simulated customers say: questions the bot closes, and reasons to want a person. */

export interface TrafficScript {
  readonly kind: 'bot' | 'handoff';
  readonly messages: readonly string[];
  /** The customer's language when not English. */
  readonly language?: string;
}

export const BOT_SCRIPTS: readonly TrafficScript[] = [
  { kind: 'bot', messages: ['How long does shipping take?', 'thanks!'] },
  { kind: 'bot', messages: ['What payment methods do you accept?', 'great, thank you'] },
  { kind: 'bot', messages: ['How do I reset my password?'] },
  { kind: 'bot', messages: ['Do you ship to Canada?', 'ok cool'] },
  { kind: 'bot', messages: ['How do I start a return?', 'perfect'] },
  { kind: 'bot', messages: ['Can I use a promo code with a gift card?'] },
  { kind: 'bot', messages: ['When are you open?', 'thanks'] },
];

export const HANDOFF_SCRIPTS: readonly TrafficScript[] = [
  { kind: 'handoff', messages: ['Hi, where is my order?', 'I want to talk to a human'] },
  { kind: 'handoff', messages: ['I want a refund for order 48213, the kettle arrived broken'] },
  { kind: 'handoff', messages: ['Someone used my card on your site without my permission!'] },
  {
    kind: 'handoff',
    messages: ['We need a quote for 300 units for our offices, can sales call me?'],
  },
  {
    kind: 'handoff',
    messages: ['This is ridiculous, my package is two weeks late!!! I want my money back'],
  },
  { kind: 'handoff', messages: ['Please cancel my account, I am moving to another shop'] },
  { kind: 'handoff', messages: ['Quiero hablar con una persona, por favor'], language: 'es' },
  {
    kind: 'handoff',
    messages: ['Ich möchte mit einem Menschen sprechen, meine Bestellung 55120 fehlt'],
    language: 'de',
  },
  {
    kind: 'handoff',
    messages: ['Je veux parler à un conseiller, ma commande 66210 est en retard'],
    language: 'fr',
  },
  {
    kind: 'handoff',
    messages: ['Quero falar com um atendente, o meu pedido 77340 não chegou'],
    language: 'pt',
  },
  { kind: 'handoff', messages: ['I was charged €650 twice for order 77120, please fix this'] },
];

/** Agents who had to ask for something the customer already gave (the repeat guard warned). */
export const REPEATED_QUESTION = 'Could you confirm your order number for me?';

export const AGENT_REPLIES: readonly string[] = [
  'Hi, thanks for waiting. I can see everything you told the assistant, let me sort this out.',
  'Hello! I have your order details here and I am on it.',
  'Thanks for your patience. I have checked your account and here is what I can do.',
];
