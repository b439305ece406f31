/**
 * The stages a workshop moves through, per template, what each one asks of people, and the
 * facilitator's settings with their defaults. The facilitator's screen sets the stage; every
 * participant's screen follows it.
 */
import { TEMPLATE_IDS, type TemplateId } from './templates'

/** Every stage any template has. A template's own list and order are in TEMPLATE_STAGES. */
export const STAGE_IDS = [
  'prompt',
  'brainstorm',
  'cluster',
  'map',
  'emotions',
  'vote',
  'draft',
  'consensus',
  'plan',
  'finalize'
] as const
export type StageId = (typeof STAGE_IDS)[number]

export interface Stage {
  id: StageId
  name: string
  /** What the stage asks of participants, shown on every screen. */
  instructions: string
  /** What the facilitator should do or watch for in this stage. */
  facilitatorTip: string
  /** What participants are told once the stage's private round is over (notes revealed, voting closed…). */
  afterRound?: string
  /** The length its timer starts with (each stage starts its own, stopped). */
  timerMinutes: number
}

export const STAGES: Record<StageId, Stage> = {
  prompt: {
    id: 'prompt',
    name: 'Prompt',
    timerMinutes: 3,
    instructions: 'Read the question. In the next stage you will answer it on your own, in silence.',
    facilitatorTip: 'Make the question your own, then start the silent brainstorm.'
  },
  brainstorm: {
    id: 'brainstorm',
    name: 'Silent brainstorm',
    timerMinutes: 5,
    instructions:
      'Write one idea per note. Your notes stay on your own device until the facilitator reveals them; no one sees them before that.',
    afterRound: 'The notes are revealed: everyone’s ideas are on the board now.',
    facilitatorTip: 'Everyone sees only how many notes have been written. When the room is ready, press Next: moving on reveals every note.'
  },
  cluster: {
    id: 'cluster',
    name: 'Cluster',
    timerMinutes: 10,
    instructions: 'Drag notes that say the same thing into one cluster, and give each cluster a name.',
    facilitatorTip: 'Clusters become the options of the dot vote; notes left unsorted get no votes.'
  },
  map: {
    id: 'map',
    name: 'Map the journey',
    timerMinutes: 15,
    instructions:
      'Move each note to the stage and lane where it belongs, add what is missing, and link opportunities to our values.',
    facilitatorTip: 'Rename, add or reorder stages and lanes with the group. Opportunities can be linked to a finalized value.'
  },
  emotions: {
    id: 'emotions',
    name: 'Emotion curve',
    timerMinutes: 5,
    instructions:
      'Rate how each stage of the journey feels, from −2 (very bad) to +2 (very good). Your ratings stay on your device; the curve shows a stage only once enough people rated it.',
    facilitatorTip: 'Close the round when everyone is done. A stage shows on the curve only when at least the minimum group rated it.',
    afterRound: 'The round has closed. The curve shows each stage that enough people rated.'
  },
  vote: {
    id: 'vote',
    name: 'Dot vote',
    timerMinutes: 3,
    instructions: 'Place your dots on the clusters that matter most to you. Your ballot stays private until voting closes.',
    afterRound: 'Voting has closed: the results are on every screen.',
    facilitatorTip: 'Close voting when everyone is done; the results then show on every screen, ranked.'
  },
  draft: {
    id: 'draft',
    name: 'Draft value statements',
    timerMinutes: 15,
    instructions:
      'For each value: a name, a one-sentence definition, what we do and what we don\u2019t, and an example story.',
    facilitatorTip: 'The top clusters are the candidates. Add, merge, drop and reorder them with the group.'
  },
  consensus: {
    id: 'consensus',
    name: 'Consensus check',
    timerMinutes: 3,
    instructions: 'Show how far you support each value: 0 fingers blocks it, 5 means full support.',
    afterRound: 'The consensus check has closed. These are the results.',
    facilitatorTip: 'Results show when everyone has voted or you close the check. Values below your threshold are flagged for rework.'
  },
  plan: {
    id: 'plan',
    name: 'Plan the program',
    timerMinutes: 20,
    instructions:
      'Fill in the plan together: who it is for, what employees may now handle differently and within which boundaries, the behaviours, and how we will know it worked.',
    facilitatorTip: 'Start from the top opportunities of a finalized journey map. Every section is edited live by everyone.'
  },
  finalize: {
    id: 'finalize',
    name: 'Finalize',
    timerMinutes: 5,
    instructions: 'The facilitator is locking in the values you agreed on.',
    facilitatorTip: 'Finalizing stores a record of the values and the decisions that cannot be changed later. Then export it.'
  }
}

/** A template's stages in order, and what its stages say where the shared wording does not fit. */
export interface TemplateStages {
  stages: readonly StageId[]
  wording: Partial<Record<StageId, Pick<Stage, 'instructions' | 'facilitatorTip'>>>
  defaultPrompt: string
}

export const TEMPLATE_STAGES: Record<TemplateId, TemplateStages> = {
  'core-values': {
    stages: ['prompt', 'brainstorm', 'cluster', 'vote', 'draft', 'consensus', 'finalize'],
    wording: {},
    defaultPrompt: 'What do we stand for when serving our customers?'
  },
  'journey-map': {
    stages: ['prompt', 'brainstorm', 'map', 'emotions', 'vote', 'finalize'],
    wording: {
      brainstorm: {
        instructions:
          'Write one note per idea, in the stage and lane it belongs to. Your notes stay on your own device until the facilitator reveals them.',
        facilitatorTip: 'Everyone sees only how many notes have been written. Reveal when the room is ready.'
      },
      vote: {
        instructions:
          'Place your dots on the pain points and opportunities that matter most. Your ballot stays private until voting closes.',
        facilitatorTip: 'Close voting when everyone is done; the dots then show on every note.'
      },
      finalize: {
        instructions: 'The facilitator is locking in the journey map you built together.',
        facilitatorTip: 'Finalizing stores a record of the map, the curve and the votes that cannot be changed later. Then export it.'
      }
    },
    defaultPrompt: 'Where in their journey with us do our employees struggle, and where do they shine?'
  },
  'program-plan': {
    stages: ['prompt', 'plan', 'finalize'],
    wording: {
      finalize: {
        instructions: 'The facilitator is locking in the program plan you wrote together.',
        facilitatorTip: 'Finalizing stores a record of the plan that cannot be changed later. Then export it.'
      }
    },
    defaultPrompt: 'Which opportunity do we turn into a program, and what may employees do differently to serve customers?'
  }
}

/**
 * A template's stages. `null` is a workshop whose template is not known yet (a participant
 * before the facilitator's board arrived): it reads as the first template.
 */
export const templateStages = (template: TemplateId | null): TemplateStages => TEMPLATE_STAGES[template ?? TEMPLATE_IDS[0]]

/** The stage as a template words it. */
export function stageOf(template: TemplateId | null, id: StageId): Stage {
  return { ...STAGES[id], ...templateStages(template).wording[id] }
}

export const PROMPT_MAX_LENGTH = 300

export const DEFAULT_VOTE_BUDGET = 3
export const MAX_VOTE_BUDGET = 10
/** Fist-of-five average below which a value is flagged for rework. */
export const DEFAULT_CONSENSUS_THRESHOLD = 3
/**
 * The smallest group whose aggregate (a consensus result, an emotion curve) is ever shown or
 * published, whatever the setting: with two, each would know the other's answer.
 */
export const SMALLEST_GROUP = 3
/** Aggregates show only when at least this many contributed, unless the facilitator asks for more. */
export const DEFAULT_MIN_GROUP = SMALLEST_GROUP

export const isStageId = (value: unknown): value is StageId => STAGE_IDS.includes(value as StageId)

/** The clusters of a core-values board: every column but the first, which holds what is not sorted yet. */
export const clustersOf = <T>(columns: readonly T[]): readonly T[] => columns.slice(1)

/** One entry per stage change: which stage began, at which host time (ms). */
export interface StageStart {
  stage: StageId
  at: number
}

/** When each stage ran, as a finalized record keeps it: names as the template words them, ISO times. */
export function stageTimeline(
  template: TemplateId,
  log: readonly StageStart[],
  finalizedAt: number
): Array<{ stage: string; startedAt: string; endedAt: string | null }> {
  const iso = (ms: number) => new Date(ms).toISOString()
  return log.map((entry, i) => ({
    stage: stageOf(template, entry.stage).name,
    startedAt: iso(entry.at),
    endedAt: iso(log[i + 1]?.at ?? finalizedAt)
  }))
}
