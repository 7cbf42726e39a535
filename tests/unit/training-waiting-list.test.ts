import { describe, expect, it } from 'vitest';
import { decideBooking, lowestFreeSeat, placesLeft, promotions, waitingPosition, type Queue } from '../../src/domain/training/index.ts';

const empty: Queue = { booked: [], waiting: [] };
const full: Queue = {
  booked: [{ personId: 'ann', seat: 1 }, { personId: 'bob', seat: 2 }],
  waiting: [{ personId: 'dai', seq: 7 }, { personId: 'cat', seq: 4 }, { personId: 'eve', seq: 9 }],
};

describe('booking a place', () => {
  it('gives a place while one is free and nobody waits', () => {
    expect(decideBooking(empty, 2, 'ann', true)).toBe('book');
  });

  it('puts the person on the waiting list when every place is taken', () => {
    expect(decideBooking(full, 2, 'fay', true)).toBe('wait');
  });

  it('never lets a newcomer take a free place from people already waiting', () => {
    expect(decideBooking(full, 3, 'fay', true)).toBe('wait');
  });

  it('answers "already" for someone who holds a place or a waiting place, so a double-click books once', () => {
    expect(decideBooking(full, 2, 'ann', true)).toBe('already');
    expect(decideBooking(full, 2, 'cat', true)).toBe('already');
    expect(decideBooking(full, 2, 'cat', false)).toBe('already');
  });

  it('refuses once booking has closed', () => {
    expect(decideBooking(empty, 2, 'ann', false)).toBe('closed');
  });
});

describe('seats', () => {
  it('takes the lowest seat nobody holds', () => {
    expect(lowestFreeSeat([1, 3], 4)).toBe(2);
    expect(lowestFreeSeat([], 4)).toBe(1);
  });

  it('has no seat to give when all are taken, so capacity is never exceeded', () => {
    expect(lowestFreeSeat([2, 1], 2)).toBeNull();
    expect(lowestFreeSeat([1, 2, 3], 2)).toBeNull();
  });

  it('counts places left, never below zero', () => {
    expect(placesLeft(5, 3)).toBe(2);
    expect(placesLeft(3, 4)).toBe(0);
  });
});

describe('promotion from the waiting list', () => {
  it('promotes in arrival order, whatever order the rows come in', () => {
    expect(promotions(full.waiting, 1)).toEqual(['cat']);
    expect(promotions(full.waiting, 2)).toEqual(['cat', 'dai']);
  });

  it('promotes everyone waiting when more places are freed than people wait', () => {
    expect(promotions(full.waiting, 5)).toEqual(['cat', 'dai', 'eve']);
  });

  it('promotes nobody when no place is free', () => {
    expect(promotions(full.waiting, 0)).toEqual([]);
    expect(promotions(full.waiting, -1)).toEqual([]);
  });

  it('gives each person their 1-based position by arrival', () => {
    expect(waitingPosition(full.waiting, 'cat')).toBe(1);
    expect(waitingPosition(full.waiting, 'dai')).toBe(2);
    expect(waitingPosition(full.waiting, 'eve')).toBe(3);
    expect(waitingPosition(full.waiting, 'ann')).toBeNull();
  });

  it('moves everyone behind up one place when the first is promoted', () => {
    const [first] = promotions(full.waiting, 1);
    const after = full.waiting.filter((w) => w.personId !== first);
    expect(waitingPosition(after, 'dai')).toBe(1);
    expect(waitingPosition(after, 'eve')).toBe(2);
  });
});
