/**
 * What a finished journey-map workshop puts in its record (journeyRecord.ts), worked out
 * from what every screen already knows: the grid, the published dot-vote ballots, the
 * published emotion ratings (and the counts of stages too few rated), the stages. Pure: the facilitator's screen calls it once, when
 * finalizing, and the record is kept as it is, whatever anyone does to the map afterwards.
 */
import { decideTies, rankClusters, type TieDecision } from './ballots'
import { NOTE_TEXT_MAX_LENGTH, type Note } from './board'
import { emotionCurve, type PublishedEmotions } from './emotions'
import { JOURNEY_RECORD_LIMITS, JOURNEY_RECORD_VERSION, type JourneyNote, type JourneyRecord } from './journeyRecord'
import { stageTimeline, type StageStart } from './stages'
import type { LaneKind } from './templates'

export interface JourneyFinalizeInput {
  workshopId: string
  title: string
  prompt: string
  anonymous: boolean
  /** Host time, ms. */
  finalizedAt: number
  stages: ReadonlyArray<{ id: string; title: string }>
  lanes: ReadonlyArray<{ id: string; title: string; kind: LaneKind | null }>
  /** Note ids per cell, in order, as `cellKey(stageId, laneId)` says. */
  cells: Readonly<Record<string, readonly string[]>>
  cellKey(stageId: string, laneId: string): string
  notes: Readonly<Record<string, Note>>
  links: ReadonlyMap<string, { name: string; workshopTitle: string }>
  /** The lanes whose notes were voted on. */
  votedLaneIds: readonly string[]
  voteBallots: readonly unknown[]
  vote: { budget: number; multipleDots: boolean }
  /** The facilitator's decisions on ties of the vote (meta's voteTies); a tie without one is recorded as undecided. */
  voteTies: readonly TieDecision[]
  /** The emotion ratings as the document publishes them, and the stages the host withheld. */
  emotions: PublishedEmotions
  minGroup: number
  /** Participants present when finalizing (the facilitator not counted). */
  participantNames: readonly string[]
  /** Participants who were in the room at any time, as the host counted them (0 when not live): someone who left counts too. */
  tookPart: number
  stageLog: readonly StageStart[]
}

const UNTITLED = { stage: 'Untitled stage', lane: 'Untitled lane' }
const fits = (id: string) => id.length > 0 && id.length <= JOURNEY_RECORD_LIMITS.id

export function buildJourneyRecord(input: JourneyFinalizeInput): JourneyRecord {
  const stages = input.stages.filter((stage) => fits(stage.id)).slice(0, JOURNEY_RECORD_LIMITS.stages)
  const lanes = input.lanes.filter((lane) => fits(lane.id)).slice(0, JOURNEY_RECORD_LIMITS.lanes)
  const voted = new Set(input.votedLaneIds)

  // Cell by cell, stage by stage: the order a reader goes through the map.
  const placed: Array<{ note: Note; stageId: string; laneId: string }> = []
  for (const stage of stages) {
    for (const lane of lanes) {
      for (const id of input.cells[input.cellKey(stage.id, lane.id)] ?? []) {
        const note = input.notes[id]
        if (note && fits(id) && note.text.trim()) placed.push({ note, stageId: stage.id, laneId: lane.id })
      }
    }
  }
  const kept = placed.slice(0, JOURNEY_RECORD_LIMITS.notes)
  const votable = kept.filter(({ laneId }) => voted.has(laneId)).map(({ note }) => ({ id: note.id, title: note.text }))
  const votes = rankClusters(input.voteBallots, votable, input.vote)
  const dots = new Map(votes.ranking.map((entry) => [entry.clusterId, entry.dots]))

  const notes: JourneyNote[] = kept.map(({ note, stageId, laneId }) => {
    const link = input.links.get(note.id)
    return {
      id: note.id,
      stageId,
      laneId,
      text: note.text.trim().slice(0, NOTE_TEXT_MAX_LENGTH),
      colour: note.colour,
      votes: voted.has(laneId) ? (dots.get(note.id) ?? 0) : null,
      linkedValue: link ? { name: link.name, workshopTitle: link.workshopTitle } : null
    }
  })
  const curve = emotionCurve(input.emotions, stages.map((stage) => stage.id), input.minGroup)
  const raters = Math.max(0, ...curve.map((result) => result.raters))
  // Someone may have left before the end; ballots and ratings still show they took part.
  const count = Math.max(input.participantNames.length, input.tookPart, votes.voters, raters)

  return {
    v: JOURNEY_RECORD_VERSION,
    kind: 'journey-map',
    workshopId: input.workshopId,
    title: input.title,
    prompt: input.prompt,
    finalizedAt: new Date(input.finalizedAt).toISOString(),
    anonymous: input.anonymous,
    participants: { count, names: input.anonymous ? null : [...input.participantNames] },
    stages: stages.map((stage) => ({ id: stage.id, name: stage.title.trim() || UNTITLED.stage })),
    lanes: lanes.map((lane) => ({ id: lane.id, name: lane.title.trim() || UNTITLED.lane, kind: lane.kind })),
    notes,
    emotions: {
      minGroup: input.minGroup,
      stages: curve
    },
    votes: {
      budget: input.vote.budget,
      voters: votes.voters,
      laneIds: lanes.filter((lane) => voted.has(lane.id)).map((lane) => lane.id),
      ranking: decideTies(votes.ranking, input.voteTies).map(({ clusterId, dots, rank, tie }) => ({ noteId: clusterId, dots, rank, tie }))
    },
    timeline: stageTimeline('journey-map', input.stageLog, input.finalizedAt)
  }
}
