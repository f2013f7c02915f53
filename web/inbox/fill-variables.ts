// Fills `{{customer.name}}`-style variables of a canned response from what the inbox knows.
// Unknown or empty variables stay as written, so the agent sees what still needs a value.

import type { FieldValue } from './inbox-types.ts';
import { fieldText } from './format.ts';

export interface VariableSource {
  customer: { name?: string | undefined; email?: string | undefined };
  agent: { name: string };
  fields: Record<string, FieldValue>;
}

export function fillVariables(text: string, source: VariableSource): string {
  return text.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, path: string) => {
    const value = lookup(path, source);
    return value ? value : whole;
  });
}

function lookup(path: string, source: VariableSource): string | undefined {
  const [scope, key, ...rest] = path.split('.');
  if (!key || rest.length > 0) return undefined;
  if (scope === 'customer')
    return key === 'name' || key === 'email' ? source.customer[key] : undefined;
  if (scope === 'agent') return key === 'name' ? source.agent.name : undefined;
  if (scope === 'fields') {
    const value = source.fields[key];
    return value === undefined ? undefined : fieldText(value);
  }
  return undefined;
}

/** The variables still in a draft: a reply must not reach the customer with `{{…}}` in it. */
export function unfilledVariables(text: string): string[] {
  return [...new Set(text.match(/\{\{[^{}]*\}\}/g) ?? [])];
}
