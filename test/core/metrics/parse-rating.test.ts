import { describe, expect, it } from 'vitest';
import { parseRating } from '../../../src/core/metrics/parse-rating.ts';

describe('parseRating', () => {
  it.each([
    ['5', { rating: 5 }],
    [' 4/5 ', { rating: 4 }],
    ['3 stars - slow but kind', { rating: 3, comment: 'slow but kind' }],
    ['2. The bot was useless', { rating: 2, comment: 'The bot was useless' }],
    ['5 estrellas', { rating: 5 }],
    ['⭐⭐⭐⭐', { rating: 4 }],
    ['★★ meh', { rating: 2, comment: 'meh' }],
  ])('reads %j', (text, expected) => {
    expect(parseRating(text)).toEqual(expected);
  });

  it.each(['12345', '6', '0', 'thanks!', 'my order 4411 is late', '', '10/10'])(
    'does not take %j for a rating',
    (text) => {
      expect(parseRating(text)).toBeNull();
    },
  );
});
