import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];
type Rules = ReturnType<Lookup>;

const cached = new WeakSet<Storage>();

/**
 * Makes class-validator find a DTO's rules once instead of at every validation.
 *
 * To collect inherited rules, class-validator tests every decorated class of the process
 * for inheritance on each call (typestack/class-validator#2686). The API holds a few
 * hundred DTOs, so each request's query or body paid for all of them. On the organisers'
 * list page that was 4 % of what Convene's CPU profile held beyond the bare server's, the
 * largest single function of Express, Nest and their libraries there (bench/README.md,
 * "A page of the organisers' list, timed in place"). A class's rules cannot change once
 * its decorators have run, except by new rules being registered, so the answers are kept
 * per class and options until the next registration.
 *
 * The kept lists are frozen: a caller that tried to change one would throw rather than
 * alter every later validation of that class.
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (cached.has(storage)) return;
  cached.add(storage);
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let byClass = new WeakMap<object, Map<string, Rules>>();

  storage.addValidationMetadata = (metadata) => {
    byClass = new WeakMap();
    register(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    // Only classes are keyed; a schema name (a string target) is rare and goes uncached.
    if (typeof target !== 'function') return lookup(target, schema, always, strictGroups, groups);
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let forClass = byClass.get(target);
    if (!forClass) byClass.set(target, (forClass = new Map()));
    let rules = forClass.get(key);
    if (!rules) {
      rules = Object.freeze(lookup(target, schema, always, strictGroups, groups)) as Rules;
      forClass.set(key, rules);
    }
    return rules;
  };
}
