/** Where a calibration round stands: before it opens, open for answers, or closed (closed early, or past its closing time). */
export type RoundState = 'upcoming' | 'open' | 'closed';

export function roundState(round: { opensAt: number; closesAt: number; closedAt: number | null }, now = Date.now()): RoundState {
  if (round.closedAt !== null || now >= round.closesAt) return 'closed';
  return now < round.opensAt ? 'upcoming' : 'open';
}

/** When a round stopped (or will stop) taking answers: the moment it was closed early, else its planned end. */
export function roundEndsAt(round: { closesAt: number; closedAt: number | null }): number {
  return round.closedAt !== null && round.closedAt < round.closesAt ? round.closedAt : round.closesAt;
}
