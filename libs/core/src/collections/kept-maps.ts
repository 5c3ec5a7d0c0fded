/** The value under `key`, made and stored by `make` the first time it is asked for. */
export function entryOf<K, V>(map: Map<K, V>, key: K, make: () => NoInfer<V>): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/**
 * `make` remembered per key, for values that many rows share (a meeting's dozen nights,
 * the dates of its stays): at most `max` keys, all forgotten at once when full, so a
 * caller that passes ever new keys costs a rebuild, never unbounded memory.
 */
export function keptBy<K, V>(max: number, make: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = make(key);
      if (kept.size >= max) kept.clear();
      kept.set(key, value);
    }
    return value;
  };
}
