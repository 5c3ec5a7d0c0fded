import { exchangeState } from './exchange-state.js';

describe('exchangeState', () => {
  it('is planned while the visit has not ended, whatever the return', () => {
    expect(exchangeState({ ended: false, returnNotNeeded: false, returnEnded: null })).toBe(
      'planned',
    );
    expect(exchangeState({ ended: false, returnNotNeeded: false, returnEnded: true })).toBe(
      'planned',
    );
  });

  it('awaits its return when over and the return visit is missing or not over', () => {
    expect(exchangeState({ ended: true, returnNotNeeded: false, returnEnded: null })).toBe(
      'awaiting_return',
    );
    expect(exchangeState({ ended: true, returnNotNeeded: false, returnEnded: false })).toBe(
      'awaiting_return',
    );
  });

  it('is done when over and returned, or when no return is expected', () => {
    expect(exchangeState({ ended: true, returnNotNeeded: false, returnEnded: true })).toBe('done');
    expect(exchangeState({ ended: true, returnNotNeeded: true, returnEnded: null })).toBe('done');
  });
});
