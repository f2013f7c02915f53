/** Random values the fuzz tests share: any JSON leaf (text, numbers, booleans, null). */
import fc from 'fast-check';

export const leaf = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
