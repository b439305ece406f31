/**
 * Who is on a live board: each peer's awareness state, as written by that peer and read
 * defensively by everyone else. Nothing here is saved; it lives as long as the connection.
 */

import { HOST_PRESENCE_ROLE, readCount, readProgress, type Progress, type RoomProgress } from '../../../shared/liveSession'
import { ROUNDS } from '../../../shared/workshopMeta'
import { PARTICIPANT_COLOURS, PRESENCE_COLOURS, type PresenceColour } from '../../../shared/presenceColours'
import { isStageId } from '../../../shared/stages'

/** Bumped when the fields below change meaning; readers still take what they can use. */
export const PRESENCE_VERSION = 1

/** Longer names are cut: they have to fit the "People here" list. */
export const NAME_MAX_LENGTH = 40

export { FACILITATOR_COLOUR, PRESENCE_COLOURS, type PresenceColour } from '../../../shared/presenceColours'

export type { Progress } from '../../../shared/liveSession'

export type PresenceRole = 'facilitator' | 'participant'

/** What this peer publishes about itself. */
export interface Presence {
  v: typeof PRESENCE_VERSION
  name: string
  /** Participants are told when the facilitator, whose app keeps the record, is not connected. */
  role: PresenceRole
  colour: PresenceColour
  /** The note whose text box this person has open, so others can see it is being worked on. */
  editingNoteId: string | null
  /** How far this person is with the current stage; counts only, never what they wrote. */
  progress: Progress | null
  /** The facilitator's focus (a data-follow-key on screen) for "Everyone follows me"; null otherwise. */
  focus: string | null
}

/** The parts of presence that change as a person works. */
export type Activity = Pick<Presence, 'editingNoteId' | 'progress' | 'focus'>

const FOCUS_MAX_LENGTH = 80

export interface PresentPerson {
  clientId: number
  name: string
  role: PresenceRole
  colour: PresenceColour
  editingNoteId: string | null
  progress: Progress | null
  /** Set for the facilitator's state only. */
  focus: string | null
  isSelf: boolean
}

/** What a person typed as their name: trimmed, single-spaced, cut to NAME_MAX_LENGTH; '' when blank. */
export function cleanDisplayName(typed: string): string {
  return Array.from(typed.replace(/\s+/g, ' ').trim()).slice(0, NAME_MAX_LENGTH).join('').trim()
}

/** "Guest 1" … "Guest 99"; any integer picks one (a random one for someone who gave no name). */
export function guestName(seed: number): string {
  return `Guest ${(Math.abs(Math.trunc(seed)) % 99) + 1}`
}

export function presenceColourFor(seed: number): PresenceColour {
  return PRESENCE_COLOURS[Math.abs(Math.trunc(seed)) % PRESENCE_COLOURS.length]!
}

/** A participant's colour until the host gives it the least-used one (shared/presenceColours.ts). */
export function participantColourFor(seed: number): PresenceColour {
  return PARTICIPANT_COLOURS[Math.abs(Math.trunc(seed)) % PARTICIPANT_COLOURS.length]!
}

const isPresenceColour = (value: unknown): value is PresenceColour => PRESENCE_COLOURS.includes(value as PresenceColour)

/** The session's clock from the host's presence entry (shared/liveSession.ts); null from anyone else's. */
export function readHostClock(state: unknown): number | null {
  if (typeof state !== 'object' || state === null) return null
  const { role, clock } = state as Record<string, unknown>
  return role === HOST_PRESENCE_ROLE && typeof clock === 'number' && Number.isFinite(clock) ? clock : null
}

/** The room's progress from the host's presence entry (counts only); null from anyone else's. */
export function readRoomProgress(state: unknown): RoomProgress | null {
  if (typeof state !== 'object' || state === null) return null
  const { role, room } = state as Record<string, unknown>
  if (role !== HOST_PRESENCE_ROLE || typeof room !== 'object' || room === null) return null
  const { participants, tookPart, stages, waiting } = room as Record<string, unknown>
  const read: RoomProgress = {
    participants: readCount(participants),
    tookPart: readCount(tookPart),
    stages: {},
    waiting: { brainstorm: 0, votes: 0, consensus: 0, emotions: 0 }
  }
  if (typeof stages === 'object' && stages !== null) {
    for (const [stage, counts] of Object.entries(stages)) {
      if (!isStageId(stage) || typeof counts !== 'object' || counts === null) continue
      const { done, notes, writers } = counts as Record<string, unknown>
      read.stages[stage] = { done: readCount(done), notes: readCount(notes), writers: readCount(writers) }
    }
  }
  if (typeof waiting === 'object' && waiting !== null) {
    for (const round of ROUNDS) read.waiting[round] = readCount((waiting as Record<string, unknown>)[round])
  }
  return read
}

/** One peer's state as a person to show; null for a peer that has left (state null), the host, or one that sent nothing usable. */
export function readPresence(clientId: number, state: unknown, selfClientId: number): PresentPerson | null {
  if (typeof state !== 'object' || state === null) return null
  const fields = state as Record<string, unknown>
  if (fields.role === HOST_PRESENCE_ROLE) return null
  const name = typeof fields.name === 'string' ? cleanDisplayName(fields.name) : ''
  const editing = fields.editingNoteId
  const role: PresenceRole = fields.role === 'facilitator' ? 'facilitator' : 'participant'
  return {
    clientId,
    // A peer that left its name out still counts as someone here.
    name: name || guestName(clientId),
    role,
    colour: isPresenceColour(fields.colour) ? fields.colour : presenceColourFor(clientId),
    editingNoteId: typeof editing === 'string' && editing.length > 0 && editing.length <= 64 ? editing : null,
    progress: readProgress(fields.progress),
    focus:
      role === 'facilitator' && typeof fields.focus === 'string' && fields.focus.length <= FOCUS_MAX_LENGTH ? fields.focus : null,
    isSelf: clientId === selfClientId
  }
}

/**
 * One collator for every sort: `localeCompare` with options builds a new one per comparison,
 * and the list is sorted again on every presence change (31 people: ~0.6 ms a sort, not 0.02).
 */
const byName = new Intl.Collator(undefined, { numeric: true })

/** Everyone present, this peer first, then by name, so the list does not shuffle as people type. */
export function presentPeople(states: ReadonlyMap<number, unknown>, selfClientId: number): PresentPerson[] {
  const people: PresentPerson[] = []
  states.forEach((state, clientId) => {
    const person = readPresence(clientId, state, selfClientId)
    if (person) people.push(person)
  })
  return people.sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || byName.compare(a.name, b.name) || a.clientId - b.clientId
  )
}
