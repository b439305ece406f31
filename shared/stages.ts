/**
 * The stages a core-values workshop moves through, what each one asks of people, and the
 * facilitator's settings with their defaults. The facilitator's screen sets the stage; every
 * participant's screen follows it.
 */

export const STAGE_IDS = ['prompt', 'brainstorm', 'cluster', 'vote', 'draft', 'consensus', 'finalize'] as const
export type StageId = (typeof STAGE_IDS)[number]

export interface Stage {
  id: StageId
  name: string
  /** What the stage asks of participants, shown on every screen. */
  instructions: string
  /** What the facilitator should do or watch for in this stage. */
  facilitatorTip: string
}

export const STAGES: Record<StageId, Stage> = {
  prompt: {
    id: 'prompt',
    name: 'Prompt',
    instructions: 'Read the question. In the next stage you will answer it on your own, in silence.',
    facilitatorTip: 'Make the question your own, then start the silent brainstorm.'
  },
  brainstorm: {
    id: 'brainstorm',
    name: 'Silent brainstorm',
    instructions:
      'Write one idea per note. Your notes stay on your own device until the facilitator reveals them; no one sees them before that.',
    facilitatorTip: 'Everyone sees only how many notes have been written. Reveal when the room is ready.'
  },
  cluster: {
    id: 'cluster',
    name: 'Cluster',
    instructions: 'Drag notes that say the same thing into one cluster, and give each cluster a name.',
    facilitatorTip: 'Clusters become the options of the dot vote; notes left unsorted get no votes.'
  },
  vote: {
    id: 'vote',
    name: 'Dot vote',
    instructions: 'Place your dots on the clusters that matter most to you. Your ballot stays private until voting closes.',
    facilitatorTip: 'Close voting when everyone is done; the results then show on every screen, ranked.'
  },
  draft: {
    id: 'draft',
    name: 'Draft value statements',
    instructions:
      'For each value: a name, a one-sentence definition, what we do and what we don\u2019t, and an example story.',
    facilitatorTip: 'The top clusters are the candidates. Add, merge, drop and reorder them with the group.'
  },
  consensus: {
    id: 'consensus',
    name: 'Consensus check',
    instructions: 'Show how far you support each value: 0 fingers blocks it, 5 means full support.',
    facilitatorTip: 'Results show when everyone has voted or you close the check. Values below your threshold are flagged for rework.'
  },
  finalize: {
    id: 'finalize',
    name: 'Finalize',
    instructions: 'The facilitator is locking in the values you agreed on.',
    facilitatorTip: 'Finalizing stores a record of the values and the decisions that cannot be changed later. Then export it.'
  }
}

export const DEFAULT_PROMPT = 'What do we stand for when serving our customers?'
export const PROMPT_MAX_LENGTH = 300

export const DEFAULT_VOTE_BUDGET = 3
export const MAX_VOTE_BUDGET = 10
/** Fist-of-five average below which a value is flagged for rework. */
export const DEFAULT_CONSENSUS_THRESHOLD = 3
/** Aggregates (consensus, emotion curves) show only when at least this many contributed. */
export const DEFAULT_MIN_GROUP = 3

export const stageIndex = (stage: StageId): number => STAGE_IDS.indexOf(stage)
export const isStageId = (value: unknown): value is StageId => STAGE_IDS.includes(value as StageId)

/** The clusters of a core-values board: every column but the first, which holds what is not sorted yet. */
export const clustersOf = <T>(columns: readonly T[]): readonly T[] => columns.slice(1)
