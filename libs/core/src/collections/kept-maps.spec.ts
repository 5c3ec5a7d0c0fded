import { entryOf, keptBy } from './kept-maps.js';

describe('entryOf', () => {
  it('makes a missing entry once and returns the stored one afterwards', () => {
    const map = new Map<string, string[]>();
    let made = 0;
    const make = () => {
      made += 1;
      return [];
    };
    entryOf(map, 'a', make).push('x');
    entryOf(map, 'a', make).push('y');
    expect(map.get('a')).toEqual(['x', 'y']);
    expect(made).toBe(1);
  });
});

describe('keptBy', () => {
  it('makes each key once while it is kept, and the right value after it forgets', () => {
    const asked: number[] = [];
    const twice = keptBy(3, (n: number) => {
      asked.push(n);
      return n * 2;
    });
    expect([1, 2, 1, 2].map(twice)).toEqual([2, 4, 2, 4]);
    expect(asked).toEqual([1, 2]);
    // Full at three keys: the fourth starts over, and every answer stays its key's own.
    expect([3, 4, 1, 4].map(twice)).toEqual([6, 8, 2, 8]);
    expect(asked).toEqual([1, 2, 3, 4, 1]);
  });
});
