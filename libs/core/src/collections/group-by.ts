/**
 * Items by key, each group in the items' order. For joining rows read in one statement to
 * the rows they belong to: filtering the whole list once per parent grows with parents x
 * rows, which at a thousand participants is seconds.
 */
export function groupBy<T, K>(items: Iterable<T>, keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
