import { useEffect, useMemo, useSyncExternalStore } from 'react'
import type { RoomProgress } from '../../../../shared/liveSession'
import type { HandIn } from '../../../../shared/roundSubmissions'
import type { StageId } from '../../../../shared/stages'
import type { Round } from '../../../../shared/workshopMeta'
import { constantStore } from '../../crdt/externalStore'
import type { LiveDocConnection } from '../../crdt/liveSync'
import type { PresentPerson, Progress } from '../../crdt/presence'
import type { WorkshopModel } from '../../crdt/workshopModel'
import type { WorkshopFlow } from '../../crdt/workshopFlow'
import type { Turnout } from './RoundProgress'

/** A private round of a stage (dot vote, consensus check, emotion ratings) and this person's part in it. */
export interface PrivateRound {
  stage: StageId
  closed: boolean
  /** This person said they are done. */
  done: boolean
}

interface WorkshopRoomInput {
  workshop: WorkshopModel
  flow: WorkshopFlow
  live: LiveDocConnection | null
  people: readonly PresentPerson[]
  /** Where this person's private notes go when the facilitator reveals (their cells, if they have one). */
  revealInto: string | undefined
  rounds: readonly PrivateRound[]
}

export interface WorkshopRoom {
  /** Notes written so far in the silent brainstorm, everyone's counted, none shown. */
  roomCount: number
  /** People who have written at least one. */
  writers: number
  participants: readonly PresentPerson[]
  /** How many participants present are done with a round. */
  turnoutOf(stage: StageId): Turnout
  /** Where this person's part of a closed round goes: to the host in anonymous mode while live (workshopModel.ts). */
  handIn: HandIn
  /** Parts of rounds held back by the host because they came after the round's results (latecomers). */
  waiting: RoomProgress['waiting'] | null
  /** The rounds in which this person's own part is among those held back. */
  heldBack: readonly Round[]
  /** Participants who have been in the room since the host started, as the host counts them (0 when not live). */
  tookPart: number
}

const noRoom = constantStore<RoomProgress | null>(null)

/** How far the room is, as the host counts it; null when not live. */
export function useRoomProgress(live: LiveDocConnection | null): RoomProgress | null {
  const store = live?.room ?? noRoom
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
const nothingHeld = constantStore<readonly Round[]>([])

/**
 * What every workshop's screen does with the room, whatever its template: once the
 * facilitator reveals, it puts this person's private notes on the board, or hands them to the
 * host in anonymous mode (also later, for someone who was offline at the reveal); it shares
 * how far this person is, as counts only, never what they wrote or chose; and it shows how far
 * the room is, as the host counts it.
 */
export function useWorkshopRoom({ workshop, flow, live, people, revealInto, rounds }: WorkshopRoomInput): WorkshopRoom {
  const drafts = useSyncExternalStore(workshop.privateNotes.subscribe, workshop.privateNotes.getSnapshot).drafts.length
  const room = useRoomProgress(live)
  const heldStore = live?.heldBack ?? nothingHeld
  const heldBack = useSyncExternalStore(heldStore.subscribe, heldStore.getSnapshot)
  const handIn = useMemo<HandIn>(() => (flow.anonymous && live ? live.submit : null), [flow.anonymous, live])

  useEffect(() => {
    if (flow.revealed && revealInto) workshop.revealMine(revealInto, handIn)
  }, [flow.revealed, drafts, revealInto, workshop, handIn])

  const round = rounds.find((each) => each.stage === flow.stage && !each.closed)
  const brainstorming = flow.stage === 'brainstorm' && !flow.revealed
  const progress: Progress | null = brainstorming
    ? { stage: 'brainstorm', notes: drafts, done: false }
    : round
      ? { stage: round.stage, notes: 0, done: round.done }
      : null
  const progressKey = JSON.stringify(progress)
  useEffect(() => {
    live?.share({ progress: JSON.parse(progressKey) as Progress | null })
  }, [live, progressKey])

  const participants = people.filter((person) => person.role === 'participant')
  // The facilitator's own notes are not in the host's count, which is the participants'.
  const own = live && participants.some((person) => person.isSelf) ? 0 : drafts
  const brainstorm = room?.stages.brainstorm
  return {
    roomCount: (brainstorm?.notes ?? 0) + own,
    writers: (brainstorm?.writers ?? 0) + (own > 0 ? 1 : 0),
    participants,
    turnoutOf: (stage) => ({ done: room?.stages[stage]?.done ?? 0, of: room?.participants ?? 0 }),
    handIn,
    waiting: room?.waiting ?? null,
    heldBack,
    tookPart: room?.tookPart ?? 0
  }
}
