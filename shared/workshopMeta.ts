/**
 * The facilitator's settings in the document's `meta` map, by name, and the rules of the
 * room's private rounds as both the screens (renderer/src/crdt/workshopFlow.ts) and the host
 * (electron/host/roundMixer.ts) read them: the host enforces what the screens show.
 */
import { DEFAULT_MIN_GROUP, SMALLEST_GROUP } from './stages'
import { TEMPLATE_IDS, TEMPLATES, type TemplateId } from './templates'

/** Keys in `meta`. Never rename: saved files and other peers use them. */
export const FLOW_FIELDS = {
  stage: 'stage',
  stageLog: 'stageLog',
  prompt: 'prompt',
  timer: 'timer',
  locked: 'locked',
  anonymous: 'anonymous',
  showEditing: 'showEditing',
  followFacilitator: 'followFacilitator',
  revealed: 'revealed',
  voteBudget: 'voteBudget',
  multipleDots: 'multipleDots',
  votingClosed: 'votingClosed',
  /** The facilitator's decisions on ties in the dot vote's results (ballots.ts TieDecision[]). */
  voteTies: 'voteTies',
  consensusThreshold: 'consensusThreshold',
  minGroup: 'minGroup',
  consensusClosed: 'consensusClosed',
  emotionsClosed: 'emotionsClosed',
  valueSource: 'valueSource',
  opportunitySource: 'opportunitySource',
  finalizedAt: 'finalizedAt',
  agreed: 'agreed'
} as const

/** The workshop's own fields in `meta`, beside the facilitator's settings. */
export const META_FIELDS = { title: 'title', template: 'template' } as const

export const MAX_MIN_GROUP = 50

/** The rounds whose contributions are private until the facilitator closes them. */
export const ROUNDS = ['brainstorm', 'votes', 'consensus', 'emotions'] as const
export type Round = (typeof ROUNDS)[number]

/** The flag in `meta` that closes each round (the brainstorm's is the reveal). */
export const ROUND_CLOSED_FIELD: Record<Round, string> = {
  brainstorm: FLOW_FIELDS.revealed,
  votes: FLOW_FIELDS.votingClosed,
  consensus: FLOW_FIELDS.consensusClosed,
  emotions: FLOW_FIELDS.emotionsClosed
}

export interface RoomRules {
  template: TemplateId | null
  /** No one can tell who wrote a note or cast a vote. On unless set, where the template says so. */
  anonymous: boolean
  /** Aggregates (consensus per value, the emotion curve per stage) come from at least this many people. */
  minGroup: number
  closed: Record<Round, boolean>
}

/** A yes/no setting from `meta`: what it holds if that is a boolean, else `fallback`. */
export const readFlag = (value: unknown, fallback: boolean): boolean => (typeof value === 'boolean' ? value : fallback)

/** The room's rules from `meta`'s values; anything odd (a file, a peer) reads as the default. */
export function readRoomRules(get: (key: string) => unknown): RoomRules {
  const written = get(META_FIELDS.template)
  const template = TEMPLATE_IDS.includes(written as TemplateId) ? (written as TemplateId) : null
  const minGroup = get(FLOW_FIELDS.minGroup)
  return {
    template,
    anonymous: readFlag(get(FLOW_FIELDS.anonymous), template !== null && TEMPLATES[template].anonymousByDefault),
    minGroup:
      typeof minGroup === 'number' && Number.isInteger(minGroup) && minGroup >= SMALLEST_GROUP && minGroup <= MAX_MIN_GROUP
        ? minGroup
        : DEFAULT_MIN_GROUP,
    closed: {
      brainstorm: readFlag(get(ROUND_CLOSED_FIELD.brainstorm), false),
      votes: readFlag(get(ROUND_CLOSED_FIELD.votes), false),
      consensus: readFlag(get(ROUND_CLOSED_FIELD.consensus), false),
      emotions: readFlag(get(ROUND_CLOSED_FIELD.emotions), false)
    }
  }
}
