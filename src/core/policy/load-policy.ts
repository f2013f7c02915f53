// Loads a policy from YAML text. Never throws: an invalid policy is returned as a list of
// problems, each with the line and column of the offending YAML node, so `baton policy check`
// and the server's reload can both say exactly what is wrong and where.
import { Value, type ValueError } from '@sinclair/typebox/value';
import { isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { BUILTIN_FIELDS, PolicySchema, type Policy } from './policy-schema.ts';

export interface PolicyProblem {
  /** 1-based line and column in the policy file. */
  line: number;
  column: number;
  /** JSON-pointer-like path of the offending value, e.g. `/rules/2/when/any/0`. */
  path: string;
  message: string;
}

export type LoadPolicyResult =
  { ok: true; policy: Policy } | { ok: false; source: string; errors: PolicyProblem[] };

type Locate = (path: string, atKey?: boolean) => { line: number; column: number };

function locator(doc: Document, counter: LineCounter): Locate {
  return (path, atKey = false) => {
    const segments = path
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    while (segments.length > 0) {
      const node: unknown = atKey ? undefined : doc.getIn(segments, true);
      atKey = false;
      if (isNode(node) && node.range) {
        const pos = counter.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
      // A missing key or a scalar key: point at the parent; for map keys, at the key itself.
      const last = segments.pop();
      const parent: unknown = segments.length ? doc.getIn(segments, true) : doc.contents;
      if (typeof last === 'string' && parent && typeof parent === 'object' && 'items' in parent) {
        const items = (parent as { items: Array<{ key?: unknown }> }).items;
        const pair = items.find(
          (p) => isNode(p.key) && String((p.key as { value?: unknown }).value) === last,
        );
        if (pair && isNode(pair.key) && pair.key.range) {
          const pos = counter.linePos(pair.key.range[0]);
          return { line: pos.line, column: pos.col };
        }
      }
    }
    const root = doc.contents;
    const pos = root?.range ? counter.linePos(root.range[0]) : { line: 1, col: 1 };
    return { line: pos.line, column: pos.col };
  };
}

function describe(error: ValueError): string {
  if (error.value === undefined) {
    return `missing required key "${error.path.split('/').pop() ?? ''}"`;
  }
  const schema = error.schema as { anyOf?: Array<{ const?: unknown }> };
  const consts = schema.anyOf?.map((s) => s.const).filter((c) => c !== undefined);
  if (consts && consts.length > 0 && consts.length === schema.anyOf?.length) {
    return `must be one of ${consts.join(', ')} (got ${JSON.stringify(error.value)})`;
  }
  if (error.message === 'Unexpected property') return 'unknown key';
  return error.message.charAt(0).toLowerCase() + error.message.slice(1);
}

function semanticProblems(policy: Policy): Array<{ path: string; message: string }> {
  const problems: Array<{ path: string; message: string }> = [];
  const seen = new Set<string>();
  const known = new Set<string>([...BUILTIN_FIELDS, ...Object.keys(policy.fields)]);
  for (const [key, def] of Object.entries(policy.fields)) {
    try {
      new RegExp(def.pattern, def.flags ?? 'i');
    } catch (err) {
      problems.push({
        path: `/fields/${key}/pattern`,
        message: `invalid regular expression: ${(err as Error).message}`,
      });
    }
  }
  policy.rules.forEach((rule, i) => {
    if (seen.has(rule.id))
      problems.push({ path: `/rules/${i}/id`, message: `duplicate rule id "${rule.id}"` });
    seen.add(rule.id);
    if (!rule.when.any && !rule.when.all) {
      problems.push({ path: `/rules/${i}/when`, message: 'a rule needs `any` or `all` signals' });
    }
    rule.collect.forEach((f, j) => {
      if (!known.has(f)) {
        problems.push({
          path: `/rules/${i}/collect/${j}`,
          message: `unknown field "${f}" (define it under \`fields\`)`,
        });
      }
    });
  });
  return problems;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Parses and validates a YAML policy; `sourceName` is echoed in the failure for messages. */
export function loadPolicy(text: string, sourceName = 'policy'): LoadPolicyResult {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const fail = (errors: PolicyProblem[]): LoadPolicyResult => ({
    ok: false,
    source: sourceName,
    errors,
  });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((e) => ({
        line: e.linePos?.[0].line ?? 1,
        column: e.linePos?.[0].col ?? 1,
        path: '',
        message: e.message.split('\n')[0] ?? e.message,
      })),
    );
  }
  const raw: unknown = doc.toJS();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return fail([{ line: 1, column: 1, path: '', message: 'a policy must be a YAML mapping' }]);
  }
  const locate = locator(doc, counter);
  // `version: 2` is a natural thing to write; versions are compared as text.
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number') (raw as { version?: unknown }).version = String(version);
  const value: unknown = Value.Default(PolicySchema, Value.Clone(raw));
  const byPath = new Map<string, PolicyProblem>();
  for (const error of Value.Errors(PolicySchema, value)) {
    if (byPath.has(error.path)) continue;
    const message = describe(error);
    // Unknown keys are shown at the key, other problems at the value.
    const where = locate(error.path, message === 'unknown key');
    byPath.set(error.path, { ...where, path: error.path || '/', message });
  }
  if (byPath.size > 0) return fail(sortProblems([...byPath.values()]));
  const policy = value as Policy;
  const semantic = semanticProblems(policy).map((p) => ({ ...locate(p.path), ...p }));
  if (semantic.length > 0) return fail(sortProblems(semantic));
  return { ok: true, policy: deepFreeze(policy) };
}

function sortProblems(problems: PolicyProblem[]): PolicyProblem[] {
  return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
