// The async mutex behind the database's write queue.

export const LOCK_WAIT_LIMIT_MS = 15_000;

/**
 * An async mutex: `acquire` resolves with a release function, in arrival order. A waiter that
 * gives up after `limitMs` still passes its place on when its turn comes, so one timeout never
 * blocks the writes queued behind it.
 */
export function createLock(limitMs = LOCK_WAIT_LIMIT_MS) {
  let tail: Promise<void> = Promise.resolve();
  return async function acquire(): Promise<() => void> {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const previous = tail;
    tail = previous.then(() => held);
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        previous,
        new Promise<never>((_, reject) => {
          // A write that waits this long means a bug (a write outside its own transaction) or a
          // long lock held by another process; say so rather than hang.
          timer = setTimeout(() => reject(new Error('Timed out waiting for the database write lock')), limitMs);
        }),
      ]);
    } catch (error) {
      void previous.then(release);
      throw error;
    } finally {
      clearTimeout(timer);
    }
    let released = false;
    return () => {
      if (!released) {
        released = true;
        release();
      }
    };
  };
}
