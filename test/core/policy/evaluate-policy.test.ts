import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY_YAML,
  evaluatePolicy,
  getDefaultPolicy,
  loadPolicy,
  type Policy,
} from '../../../src/core/policy/index.ts';
import { bot, conversation, customer } from './helpers.ts';

const policy = getDefaultPolicy();

function withDefault(patch: (yaml: string) => string): Policy {
  const yaml = patch(DEFAULT_POLICY_YAML);
  const r = loadPolicy(yaml);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.policy;
}

describe('evaluatePolicy', () => {
  it('continues with a calm customer the bot is helping', () => {
    const d = evaluatePolicy(
      conversation([
        customer('How long does shipping to Canada take?'),
        bot('5–8 business days.', 0.95),
        customer('ok cool, thanks'),
      ]),
      policy,
    );
    expect(d.action).toBe('continue');
    expect(d.reasons).toEqual([]);
    expect(d.queue).toBeNull();
    expect(d.policyVersion).toBe(policy.version);
  });

  it('hands over at once on an explicit request, with evidence', () => {
    const d = evaluatePolicy(conversation([customer('Can I talk to a human please?')]), policy);
    expect(d.action).toBe('handoff');
    expect(d.reasons[0]).toMatchObject({
      code: 'explicit_request',
      evidence: { turn: 0, matched: 'talk to a human' },
    });
  });

  it("treats a yes to the bot's offer of a person as an explicit request", () => {
    const turns = [
      customer('My router keeps rebooting'),
      bot('Sorry about that. Would you like me to connect you to an agent?', 0.6),
    ];
    const yes = evaluatePolicy(conversation([...turns, customer('yes please')]), policy);
    expect(yes.reasons[0]?.code).toBe('explicit_request');
    expect(yes.queue).toBe('technical');
    const no = evaluatePolicy(
      conversation([...turns, customer('no, I will try again later')]),
      policy,
    );
    expect(no.action).toBe('continue');
  });

  it('routes an explicit request by the topic of the whole conversation', () => {
    const d = evaluatePolicy(
      conversation([
        customer("I'm confused by my latest invoice, there's a proration line."),
        bot('A proration adjustment appears when you change plans mid-cycle.', 0.84),
        customer('OK. Can I talk to a human please?'),
      ]),
      policy,
    );
    expect(d.action).toBe('handoff');
    expect(d.queue).toBe('billing');
  });

  it('puts the explicit request first even when other reasons hold', () => {
    const d = evaluatePolicy(
      conversation([customer('Someone hacked my account!! Get me a real person NOW')]),
      policy,
    );
    expect(d.reasons.map((r) => r.code)[0]).toBe('explicit_request');
    expect(d.reasons.map((r) => r.code)).toContain('security');
  });

  it('sends security to trust_safety and sales to sales whatever the topic', () => {
    const s = evaluatePolicy(
      conversation([customer("There's a charge of $38 I don't recognise")]),
      policy,
    );
    expect(s).toMatchObject({ action: 'handoff', queue: 'trust_safety' });
    const h = evaluatePolicy(
      conversation([customer('We need Enterprise pricing for 300 seats')]),
      policy,
    );
    expect(h).toMatchObject({ action: 'handoff', queue: 'sales' });
  });

  it('hands over amounts strictly above the threshold only', () => {
    const at = evaluatePolicy(conversation([customer('I was billed $500.00 this month')]), policy);
    expect(at.reasons.map((r) => r.code)).not.toContain('amount_threshold');
    const above = evaluatePolicy(
      conversation([customer('I was billed $500.01 this month')]),
      policy,
    );
    expect(above.reasons.map((r) => r.code)).toContain('amount_threshold');
    expect(above.fields.amount).toEqual({ value: 500.01, currency: 'USD' });
  });

  it('counts refund, charge and order amounts, not transfers or limits', () => {
    const codes = (text: string) =>
      evaluatePolicy(conversation([customer(text)]), policy).reasons.map((r) => r.code);
    expect(codes('There is a charge of $640 on my card')).toContain('amount_threshold');
    expect(codes('How do I transfer €800 to my savings pot?')).not.toContain('amount_threshold');
  });

  it('sends a large purchase someone wants to make to sales', () => {
    const d = evaluatePolicy(
      conversation([customer('I want to buy the 85-inch TV for $3,499')]),
      policy,
    );
    expect(d.reasons[0]?.code).toBe('high_value');
    expect(d.queue).toBe('sales');
    const after = evaluatePolicy(
      conversation([customer('I ordered a $900 sofa and it arrived damaged')]),
      policy,
    );
    expect(after.reasons.map((r) => r.code)).not.toContain('high_value');
  });

  it('uses configurable thresholds', () => {
    const strict = withDefault((y) => y.replace('amount: 500 #', 'amount: 50 #'));
    const d = evaluatePolicy(conversation([customer('My bill is $80 this month, why?')]), strict);
    expect(d.reasons.map((r) => r.code)).toContain('amount_threshold');
  });

  it('hands over after two low-confidence bot turns in a row, not one', () => {
    const turns = [
      customer('How do I connect my Shopify store?'),
      bot('Are you asking about a custom domain?', 0.34),
      customer('No, Shopify.'),
    ];
    expect(evaluatePolicy(conversation(turns), policy).action).toBe('continue');
    const more = [
      ...turns,
      bot("Here's our guide to importing contacts.", 0.27),
      customer('That is not it either.'),
    ];
    const d = evaluatePolicy(conversation(more), policy);
    expect(d.action).toBe('handoff');
    expect(d.reasons[0]?.code).toBe('repeated_failure');
    expect(d.queue).toBe('technical');
  });

  it('hands over when the same question comes a third time', () => {
    const d = evaluatePolicy(
      conversation([
        customer('can I change the delivery address for my order 66102?'),
        bot('Your order 66102 should arrive on Friday.', 0.63),
        customer("ok but can I change the address it's going to?"),
        bot('Standard delivery takes 3–5 business days.', 0.55),
        customer("I'm asking if I can change the delivery address on order 66102"),
      ]),
      policy,
    );
    expect(d.reasons.map((r) => r.code)).toContain('repeated_failure');
    expect(d.fields.order_id).toBe('66102');
  });

  it('judges elapsed time from the turns, or from `now` when given', () => {
    const turns = [
      customer('My custom domain shows pending', '2026-03-16T14:00:00Z'),
      bot('DNS can take a few minutes. Try again later.', 0.85),
      customer('Still pending', '2026-03-16T14:09:00Z'),
    ];
    expect(evaluatePolicy(conversation(turns), policy).action).toBe('continue');
    const late = evaluatePolicy(
      conversation(turns, { now: new Date('2026-03-16T14:12:00Z') }),
      policy,
    );
    expect(late.reasons.map((r) => r.code)).toContain('session_timeout');
  });

  it('does not time out a customer who says thanks', () => {
    const d = evaluatePolicy(
      conversation([
        customer('How do I export my data?', '2026-03-16T14:00:00Z'),
        bot('Settings → Export.', 0.9),
        customer('Found it, thanks!', '2026-03-16T14:30:00Z'),
      ]),
      policy,
    );
    expect(d.action).toBe('continue');
  });

  it('hands over when the bot fails', () => {
    const d = evaluatePolicy(
      conversation([
        customer('Where is my parcel?'),
        { from: 'system', text: 'bot error: LLM timed out' },
      ]),
      policy,
    );
    expect(d.reasons.map((r) => r.code)).toContain('bot_error');
  });

  it('applies customer and channel conditions', () => {
    const vip = withDefault((y) =>
      y.replace(
        'rules:\n',
        'rules:\n  - id: vip-frustration\n    reason: negative_sentiment\n    when: { any: [negative_sentiment_trend, strong_frustration], customer: { tier: [premium] }, channel: [whatsapp] }\n    priority: 30\n',
      ),
    );
    const text = 'This is ridiculous';
    const premium = evaluatePolicy(
      conversation([customer(text)], { channel: 'whatsapp', customer: { tier: 'premium' } }),
      vip,
    );
    expect(premium.trace.find((t) => t.rule === 'vip-frustration')?.passed).toBe(true);
    const standard = evaluatePolicy(
      conversation([customer(text)], { channel: 'whatsapp', customer: { tier: 'standard' } }),
      vip,
    );
    const t = standard.trace.find((x) => x.rule === 'vip-frustration');
    expect(t?.passed).toBe(false);
    expect(t?.actual).toMatch(/tier standard/);
  });

  it('explains every rule in the trace', () => {
    const d = evaluatePolicy(
      conversation([customer('What time do you open on Saturdays?')]),
      policy,
    );
    expect(d.trace.map((t) => t.rule)).toEqual(policy.rules.map((r) => r.id));
    const explicit = d.trace.find((t) => t.rule === 'explicit-request');
    expect(explicit).toMatchObject({
      passed: false,
      expected: 'any of [human_request, human_request_repeated]',
    });
    expect(explicit?.actual).toMatch(/no request for a person/);
  });

  it('adds up priority from the base, the rules and the customer', () => {
    const d = evaluatePolicy(
      conversation([customer('Please cancel my subscription')], {
        customer: { tier: 'premium', lifetime_value: 9000, at_risk_of_churn: true },
      }),
      policy,
    );
    const sources = d.priorityContributions.map((c) => c.source);
    expect(sources).toEqual(
      expect.arrayContaining([
        'base',
        'rule:sensitive-topic',
        'tier:premium',
        'lifetime_value',
        'at_risk_of_churn',
        'topic:cancellation',
      ]),
    );
    expect(d.priority).toBe(100);
    expect(d.queue).toBe('retention');
  });

  it('runs intake before a handoff when the rule asks for missing fields', () => {
    const intake = withDefault((y) =>
      y.replace(
        '    priority: 5\n    collect: [order_id, account_id, amount]',
        '    priority: 5\n    action: intake\n    collect: [order_id]',
      ),
    );
    const d = evaluatePolicy(conversation([customer('I want a refund for my jacket')]), intake);
    expect(d.action).toBe('intake');
    expect(d.missingFields).toEqual(['order_id']);
    const done = evaluatePolicy(
      conversation([customer('I want a refund for order 55031')]),
      intake,
    );
    expect(done.action).toBe('handoff');
  });

  it('never delays an explicit request with intake', () => {
    const intake = withDefault((y) =>
      y.replace(
        '    strength: 1\n    priority: 10\n',
        '    strength: 1\n    priority: 10\n    action: intake\n    collect: [order_id]\n',
      ),
    );
    const d = evaluatePolicy(conversation([customer('agent please')]), intake);
    expect(d.action).toBe('handoff');
  });

  it('continues when the customer has not spoken yet', () => {
    const d = evaluatePolicy(conversation([bot('Hi! How can I help?', 1)]), policy);
    expect(d.action).toBe('continue');
  });
});
