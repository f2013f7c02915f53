/** Random values the fuzz tests share: any JSON leaf (text, numbers, booleans, null). */
import fc from 'fast-check';

/**
 * Any text: printable, any code point, and the code units PostgreSQL cannot store as they
 * are (NUL, a lone surrogate) beside a pair, an accent and an escape spelled out.
 */
export const anyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc
    .array(fc.constantFrom('\u0000', '\ud800', '\udfff', '😀', 'é', 'a', ' ', '\\u0000', '"'), {
      maxLength: 8,
    })
    .map((units) => units.join('')),
);

export const leaf = fc.oneof(anyText, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
