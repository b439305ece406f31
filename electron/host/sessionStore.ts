/**
 * What makes a workshop's live session the same session across End / Go live and app
 * restarts: its port, join code, room, key pair and the tickets it gave out. Kept in
 * `<dataDir>/live-sessions.json`, so a QR code printed or projected earlier keeps working,
 * participants' browsers find their room (and their unrevealed notes, kept per room) again,
 * and those still on the board reconnect by themselves when the host is back. A new code
 * only when the facilitator asks for one.
 *
 * The file holds the session's secret key: it is as private as the boards beside it.
 */
import { join } from 'node:path'
import { z } from 'zod'
import { readIfExists, writeFileAtomic } from '../services/atomicFile'

export const SESSION_STORE_VERSION = 1
/** Tickets kept per session: a room of 150 and their reloads, with room to spare. */
const TICKETS_KEPT = 1_000

const savedSessionSchema = z.object({
  port: z.number().int().min(1).max(65_535),
  code: z.string().min(1).max(32),
  room: z.string().min(1).max(200),
  publicKey: z.string().min(1).max(100),
  secretKey: z.string().min(1).max(100),
  facilitatorTicket: z.string().min(1).max(100),
  tickets: z.array(z.string().min(1).max(100)).max(TICKETS_KEPT)
})
export type SavedSession = z.infer<typeof savedSessionSchema>

const storeSchema = z.object({
  v: z.literal(SESSION_STORE_VERSION),
  sessions: z.record(z.string(), savedSessionSchema)
})

export interface SessionStore {
  get(workshopId: string): SavedSession | null
  /** Keeps `session` for the workshop; written to disk in the background, in order. */
  set(workshopId: string, session: SavedSession): void
  /** Written once everything set so far is on disk. */
  flush(): Promise<void>
}

/** The store in `dataDir`. A file that cannot be read is ignored (sessions start afresh) and replaced on the next change. */
export async function openSessionStore(dataDir: string): Promise<SessionStore> {
  const path = join(dataDir, 'live-sessions.json')
  let sessions: Record<string, SavedSession> = {}
  const bytes = await readIfExists(path)
  if (bytes) {
    try {
      sessions = storeSchema.parse(JSON.parse(new TextDecoder().decode(bytes))).sessions
    } catch {
      console.warn(`${path} could not be read; live sessions start afresh.`)
    }
  }
  let writing: Promise<void> = Promise.resolve()
  return {
    get: (workshopId) => sessions[workshopId] ?? null,
    set(workshopId, session) {
      sessions = { ...sessions, [workshopId]: { ...session, tickets: session.tickets.slice(-TICKETS_KEPT) } }
      const text = `${JSON.stringify({ v: SESSION_STORE_VERSION, sessions }, null, 2)}\n`
      writing = writing
        .then(() => writeFileAtomic(path, text))
        .catch((error: unknown) => console.error(`Keeping the live session of ${workshopId} failed:`, error))
    },
    flush: () => writing
  }
}
