/**
 * Queries compiled once per shape. Kysely builds and compiles a query anew on every call,
 * which on the message path cost more than running the statements (bench/message-path.ts,
 * docs/bench.md). The hot statements have a handful of shapes (which columns change, how
 * many event rows), so each shape is built once by Kysely with a placeholder in every
 * parameter's place, and later calls put their values where the placeholders were. The SQL
 * is Kysely's own, so both engines keep one typed query layer;
 * test/store/query-templates.test.ts holds every template to a fresh compile.
 */
import type { CompiledQuery } from 'kysely';

/** Hands out a placeholder per value: a string no real parameter holds. */
export type Slot = (index: number) => string;

interface Template {
  readonly query: CompiledQuery;
  /** For each compiled parameter: the index of the value it takes, or -1 for a constant. */
  readonly fromValue: readonly number[];
}

const MARK = '\u0000baton-slot-';
const slot: Slot = (index) => `${MARK}${index}\u0000`;

function valueIndex(parameter: unknown): number {
  if (typeof parameter !== 'string' || !parameter.startsWith(MARK)) return -1;
  return Number(parameter.slice(MARK.length, -1));
}

export class QueryTemplates {
  private readonly byShape = new Map<string, Template>();

  /**
   * The query of this shape with `values` in place of the placeholders `build` used.
   * `build` runs once per shape: the shape key must name everything that changes the SQL.
   */
  fill(
    shape: string,
    build: (slot: Slot) => CompiledQuery,
    values: readonly unknown[],
  ): CompiledQuery {
    let template = this.byShape.get(shape);
    if (!template) {
      const query = build(slot);
      const fromValue = query.parameters.map(valueIndex);
      for (let i = 0; i < values.length; i++) {
        if (!fromValue.includes(i)) {
          throw new Error(`query template ${shape}: value ${i} has no place in the SQL`);
        }
      }
      template = { query, fromValue };
      this.byShape.set(shape, template);
    }
    const { query, fromValue } = template;
    return {
      ...query,
      parameters: fromValue.map((index, i) => (index < 0 ? query.parameters[i] : values[index])),
    };
  }
}
