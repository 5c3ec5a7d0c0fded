import { trustProxySetting } from './configure-app.js';

describe('trustProxySetting', () => {
  it('reads hop counts, booleans and address lists', () => {
    expect(trustProxySetting('1')).toBe(1);
    expect(trustProxySetting('false')).toBe(false);
    expect(trustProxySetting('loopback, 10.0.0.0/8')).toBe('loopback, 10.0.0.0/8');
  });
});
