import { describe, expect, it } from 'vitest';
import { isMisroute, misrouteReason } from '../../../src/core/routing/is-misroute.ts';

describe('isMisroute', () => {
  it('accepts no transfer and one transfer to a new queue', () => {
    expect(isMisroute({ initialQueue: 'billing', transfers: [] })).toBe(false);
    expect(isMisroute({ initialQueue: 'billing', transfers: [{ toQueue: 'technical' }] })).toBe(
      false,
    );
  });

  it('counts a transfer back to the queue it came from', () => {
    expect(misrouteReason({ initialQueue: 'billing', transfers: [{ toQueue: 'billing' }] })).toBe(
      'TRANSFER_BACK',
    );
    expect(
      misrouteReason({
        initialQueue: 'billing',
        transfers: [{ toQueue: 'technical' }, { toQueue: 'billing' }],
      }),
    ).toBe('TRANSFER_BACK');
  });

  it('counts any second transfer', () => {
    expect(
      misrouteReason({
        initialQueue: 'general',
        transfers: [{ toQueue: 'billing' }, { toQueue: 'retention' }],
      }),
    ).toBe('SECOND_TRANSFER');
  });

  it('does not call a hand-over to a colleague in the same queue a bounce back', () => {
    expect(
      isMisroute({ initialQueue: 'billing', transfers: [{ toQueue: 'billing', toAgentId: 'a2' }] }),
    ).toBe(false);
  });
});
