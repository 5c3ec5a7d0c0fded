import { groupBy } from './group-by.js';

describe('groupBy', () => {
  it('keeps each group in the order of the items, and keys in order of first sight', () => {
    const rows = [
      { id: 1, person: 'b' },
      { id: 2, person: 'a' },
      { id: 3, person: 'b' },
    ];
    const groups = groupBy(rows, (r) => r.person);
    expect([...groups.keys()]).toEqual(['b', 'a']);
    expect(groups.get('b')!.map((r) => r.id)).toEqual([1, 3]);
    expect(groups.get('a')!.map((r) => r.id)).toEqual([2]);
    expect(groups.get('c')).toBeUndefined();
  });
});
