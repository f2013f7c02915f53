// Fields collected from customer text so far: the built-in entities (first value found; the
// largest amount) plus the policy's own regex-defined fields. Bot text is never used, since a
// bot's echo is not what the customer said.
import type { ConversationView } from './conversation-view.ts';
import type { FieldValue, MoneyField } from './decision-types.ts';
import type { Policy } from './policy-schema.ts';

const compiled = new WeakMap<object, Array<[string, RegExp]>>();

function customPatterns(policy: Policy): Array<[string, RegExp]> {
  let list = compiled.get(policy.fields);
  if (!list) {
    list = Object.entries(policy.fields).map(([k, d]) => [
      k,
      new RegExp(d.pattern, d.flags ?? 'i'),
    ]);
    compiled.set(policy.fields, list);
  }
  return list;
}

export function collectFields(view: ConversationView, policy: Policy): Record<string, FieldValue> {
  const fields: Record<string, FieldValue> = {};
  let amount: MoneyField | undefined;
  const custom = customPatterns(policy);
  for (const i of view.customerIdx) {
    const a = view.customer.get(i);
    if (!a) continue;
    const e = a.entities;
    for (const key of ['order_id', 'email', 'phone', 'account_id'] as const) {
      const v = e[key];
      if (v !== undefined && fields[key] === undefined) fields[key] = v;
    }
    for (const m of e.amounts) {
      if (!amount || m.value > amount.value) amount = { value: m.value, currency: m.currency };
    }
    const text = view.input.turns[i]?.text ?? '';
    for (const [key, re] of custom) {
      if (fields[key] !== undefined) continue;
      const m = re.exec(text);
      if (m) fields[key] = m[1] ?? m[0];
    }
  }
  if (amount) fields.amount = amount;
  return fields;
}
