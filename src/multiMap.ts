/** Appends `value` to the list at `key`, creating the list on first use: built in place, never by copying the list. */
export const appendTo = <Key, Value>(map: Map<Key, Value[]>, key: Key, value: Value): void => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

/** Adds `value` to the set at `key`, creating the set on first use. */
export const addTo = <Key, Value>(map: Map<Key, Set<Value>>, key: Key, value: Value): void => {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
};

/**
 * `make(owner)`, worked out the first time an owner is asked for and kept
 * for as long as it lives: what every line of a file asks of the file's
 * lines (a side's, a segment's), made once.
 */
export const oncePer = <Owner extends object, Value>(make: (owner: Owner) => Value): ((owner: Owner) => Value) => {
  const known = new WeakMap<Owner, Value>();
  return (owner) => {
    if (known.has(owner)) return known.get(owner) as Value;
    const value = make(owner);
    known.set(owner, value);
    return value;
  };
};

/**
 * A value per (object, key) pair, made by `make` the first time it is asked
 * for: a cache of answers asked once per line but the same for a whole file,
 * kept for as long as the object it hangs on (a side, a history) lives.
 */
export const createPairCache = <Owner extends object, Key, Value>(): ((owner: Owner, key: Key, make: () => Value) => Value) => {
  const byOwner = new WeakMap<Owner, Map<Key, Value>>();
  return (owner, key, make) => {
    let known = byOwner.get(owner);
    if (!known) {
      known = new Map();
      byOwner.set(owner, known);
    }
    let value = known.get(key);
    if (value === undefined) {
      value = make();
      known.set(key, value);
    }
    return value;
  };
};
