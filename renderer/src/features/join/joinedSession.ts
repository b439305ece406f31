/**
 * The session this browser has joined, kept in localStorage: a refresh, or the join link opened
 * again after the tab was closed, goes straight back to the board as the same person (the same
 * name and colour: one entry in the people list, not a new guest). Leave forgets it.
 */
import { PRESENCE_COLOURS, type PresenceColour } from '../../crdt/presence'

export interface JoinedSession {
  /** The code this person joined with: a refresh of the join link that carried it resumes the session. */
  code: string
  title: string
  room: string
  ticket: string
  /** The host's public key for the sealed WebSocket link. */
  hostKey: string
  name: string
  colour: PresenceColour
}

const STORAGE_KEY = 'workshop-studio:joined-session'
const STORED_VERSION = 2

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>

export function saveJoinedSession(storage: KeyValueStore, session: JoinedSession): void {
  try {
    storage.setItem(STORAGE_KEY, JSON.stringify({ v: STORED_VERSION, ...session }))
  } catch {
    // Storage turned off or full: the board still works, only a refresh will ask for the code again.
  }
}

/** The stored session, or null when there is none or it cannot be read (then it is dropped). */
export function loadJoinedSession(storage: KeyValueStore): JoinedSession | null {
  let stored: unknown
  try {
    const text = storage.getItem(STORAGE_KEY)
    if (text === null) return null
    stored = JSON.parse(text)
  } catch {
    stored = null
  }
  const fields = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>
  const { code, title, room, ticket, hostKey, name, colour } = fields
  if (
    fields.v === STORED_VERSION &&
    typeof code === 'string' &&
    typeof title === 'string' &&
    typeof room === 'string' &&
    typeof ticket === 'string' &&
    typeof hostKey === 'string' &&
    typeof name === 'string' &&
    PRESENCE_COLOURS.includes(colour as PresenceColour)
  ) {
    return { code, title, room, ticket, hostKey, name, colour: colour as PresenceColour }
  }
  forgetJoinedSession(storage)
  return null
}

export function forgetJoinedSession(storage: KeyValueStore): void {
  try {
    storage.removeItem(STORAGE_KEY)
  } catch {
    // Nothing stored that could be read back.
  }
}
