// One write at a time across the server's processes. Every worker's writes to a local SQLite file
// take turns through its parent (the supervisor), asked over the IPC channel, so no process ever
// waits for another's lock inside SQLite's busy handler, which sleeps the whole event loop.
import { createLock, LOCK_WAIT_LIMIT_MS } from './lock.ts';

/** Set by the supervisor for its workers: their local-file writes go through its write lock. */
export const WRITE_LOCK_ENV = 'CAMAU_WRITE_LOCK';
export const WRITE_LOCK_VIA_PARENT = 'parent';

type LockMessage = { camauWriteLock: 'acquire' | 'release' | 'granted'; id: number };
const isLockMessage = (message: unknown): message is LockMessage => typeof message === 'object' && message !== null && 'camauWriteLock' in message;

/** The process's way to take the write lock: the parent's when it offers one, else a lock of its own. */
export function processWriteLock(): () => Promise<() => void> {
  if (process.env[WRITE_LOCK_ENV] === WRITE_LOCK_VIA_PARENT && process.send) return parentWriteLock();
  return createLock();
}

/**
 * Asks the parent for the write lock; resolves with the release once granted. The process's own
 * writes queue locally first, so it asks for one grant at a time.
 */
function parentWriteLock(limitMs = LOCK_WAIT_LIMIT_MS): () => Promise<() => void> {
  const local = createLock(limitMs);
  let next = 0;
  const waiting = new Map<number, () => void>();
  const release = (id: number) => {
    if (process.connected) process.send!({ camauWriteLock: 'release', id } satisfies LockMessage);
  };
  process.on('message', (message: unknown) => {
    if (!isLockMessage(message) || message.camauWriteLock !== 'granted') return;
    const granted = waiting.get(message.id);
    // A grant that comes after this process stopped waiting goes straight back.
    if (granted) granted();
    else release(message.id);
  });
  return async () => {
    const releaseLocal = await local();
    const id = ++next;
    let timer: NodeJS.Timeout | undefined;
    try {
      await new Promise<void>((granted, refused) => {
        waiting.set(id, granted);
        timer = setTimeout(() => refused(new Error('Timed out waiting for the database write lock from the supervisor')), limitMs);
        process.send!({ camauWriteLock: 'acquire', id } satisfies LockMessage);
      });
    } catch (error) {
      releaseLocal();
      throw error;
    } finally {
      clearTimeout(timer);
      waiting.delete(id);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      release(id);
      releaseLocal();
    };
  };
}

/** A child process as the parent sees it (a cluster worker or a forked child). */
export type LockHolder = { send(message: unknown, callback: (error: Error | null) => void): unknown; on(event: 'message', listener: (message: unknown) => void): unknown; once(event: 'exit', listener: () => void): unknown };

/**
 * The parent's side: grants the write lock to one child at a time, in the order asked, and takes
 * it back from a child that exits holding it.
 */
export function writeLockCoordinator(): { serve(child: LockHolder): void } {
  const queue: { child: LockHolder; id: number }[] = [];
  let holder: { child: LockHolder; id: number } | null = null;
  const grantNext = () => {
    while (!holder && queue.length) {
      const next = queue.shift()!;
      holder = next;
      const gone = () => {
        // The child has gone: its 'exit' frees the lock, but do not wait for it.
        if (holder === next) holder = null;
        grantNext();
      };
      try {
        next.child.send({ camauWriteLock: 'granted', id: next.id } satisfies LockMessage, (error) => error && gone());
      } catch {
        gone();
      }
    }
  };
  return {
    serve(child) {
      child.on('message', (message) => {
        if (!isLockMessage(message)) return;
        if (message.camauWriteLock === 'acquire') queue.push({ child, id: message.id });
        else if (message.camauWriteLock === 'release' && holder?.child === child && holder.id === message.id) holder = null;
        grantNext();
      });
      child.once('exit', () => {
        for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.child === child) queue.splice(i, 1);
        if (holder?.child === child) holder = null;
        grantNext();
      });
    },
  };
}
