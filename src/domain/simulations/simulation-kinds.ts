/** The two kinds of simulation: a Collaborative Conversation, and Case Conference → Core Group. */
export const SIMULATION_KINDS = ['conversation', 'conference'] as const;
export type SimulationKind = (typeof SIMULATION_KINDS)[number];
