/** A read kept for one request: `get` reads at most once per key (the request's scope), `forget` drops it after a write. */
export type KeptRead<K extends object, T> = { get: (key: K) => Promise<T>; forget: (key: K) => void };

/**
 * Keeps what `read` answers for each key (a request scope, one per request) while the key lives,
 * so several parts of one page share one read; a failed read is not kept.
 */
export function keptPerRequest<K extends object, T>(read: (key: K) => Promise<T>): KeptRead<K, T> {
  const kept = new WeakMap<K, Promise<T>>();
  return {
    get(key) {
      let value = kept.get(key);
      if (!value) {
        value = read(key);
        kept.set(key, value);
        value.catch(() => kept.delete(key));
      }
      return value;
    },
    forget(key) {
      kept.delete(key);
    },
  };
}
