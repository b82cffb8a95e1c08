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
