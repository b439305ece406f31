import { useEffect, useSyncExternalStore } from 'react'
import type { StageId } from '../../../../shared/stages'
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
}

/**
 * What every workshop's screen does with the room, whatever its template: once the
 * facilitator reveals, it puts this person's private notes on the board (also later, for
 * someone who was offline at the reveal); it shares how far this person is, as counts only,
 * never what they wrote or chose; and it counts how far everyone else is.
 */
export function useWorkshopRoom({ workshop, flow, live, people, revealInto, rounds }: WorkshopRoomInput): WorkshopRoom {
  const drafts = useSyncExternalStore(workshop.privateNotes.subscribe, workshop.privateNotes.getSnapshot).drafts.length

  useEffect(() => {
    if (flow.revealed && drafts > 0 && revealInto) workshop.revealMine(revealInto)
  }, [flow.revealed, drafts, revealInto, workshop])

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

  // This person's own notes are counted from their drafts, everyone else's from presence.
  const othersWriting = people.flatMap((person) =>
    !person.isSelf && person.progress?.stage === 'brainstorm' ? [person.progress.notes] : []
  )
  const participants = people.filter((person) => person.role === 'participant')
  return {
    roomCount: othersWriting.reduce((sum, notes) => sum + notes, drafts),
    writers: othersWriting.filter((notes) => notes > 0).length + (drafts > 0 ? 1 : 0),
    participants,
    turnoutOf: (stage) => ({
      done: participants.filter((person) => person.progress?.stage === stage && person.progress.done).length,
      of: participants.length
    })
  }
}
