import { describe, expect, it } from 'vitest';
import { createLock } from '../../db/lock.ts';

describe('the in-process write lock', () => {
  it('hands the lock on in order', async () => {
    const acquire = createLock(1000);
    const order: string[] = [];
    const first = await acquire();
    const second = acquire().then((release) => {
      order.push('second');
      release();
    });
    order.push('first');
    first();
    await second;
    expect(order).toEqual(['first', 'second']);
  });

  it('keeps working after a waiter gives up', async () => {
    const acquire = createLock(20);
    const held = await acquire();
    await expect(acquire()).rejects.toThrow('Timed out waiting for the database write lock');
    held();
    // Would time out too if the place given up were never passed on.
    await expect(acquire()).resolves.toBeTypeOf('function');
  });
});
