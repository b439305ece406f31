/**
 * The facilitator's board documents this page has open, and the live rooms it keeps them in.
 *
 * While a workshop is live the host holds the room's board and saves it; this page is one of
 * its clients. It stays in the room while the library is on screen, so that opening the board
 * again is instant and shows the room as it is (no reload, no second link from one page), and it
 * leaves when the session ends. A document with no live session lives exactly as long as its
 * board is on screen.
 *
 * Module state: it outlives every screen, and a page has one of it.
 */
import type { LiveDocConnection } from '../../crdt/liveSync'
import { openWorkshopDoc, type DocStorage, type WorkshopDocSession } from '../../crdt/persistence'

export interface LiveRoomAddress {
  room: string
  ticket: string
}

interface LiveRoom extends LiveRoomAddress {
  connection: LiveDocConnection
  stopFollowing(): void
}

interface OpenDoc {
  opening: Promise<WorkshopDocSession>
  /** Set once opened. */
  persistence: WorkshopDocSession | null
  /** Boards using the document: one on screen, briefly two when React mounts a screen twice. */
  boards: number
  live: LiveRoom | null
  /** Settles once the document is closed for good, with whether its last save worked. */
  closed: Promise<boolean>
  settleClosed(saved: boolean): void
}

const openDocs = new Map<string, OpenDoc>()

function openFromDisk(workshopId: string, storage: DocStorage): OpenDoc {
  let settleClosed: (saved: boolean) => void = () => undefined
  const entry: OpenDoc = {
    opening: openWorkshopDoc(workshopId, storage),
    persistence: null,
    boards: 0,
    live: null,
    closed: new Promise<boolean>((resolve) => (settleClosed = resolve)),
    settleClosed: (saved) => settleClosed(saved)
  }
  openDocs.set(workshopId, entry)
  entry.opening.then(
    (persistence) => {
      entry.persistence = persistence
    },
    () => {
      if (openDocs.get(workshopId) === entry) openDocs.delete(workshopId)
    }
  )
  return entry
}

function closeIfUnused(workshopId: string, entry: OpenDoc): void {
  if (entry.boards > 0 || entry.live) return
  if (openDocs.get(workshopId) === entry) openDocs.delete(workshopId)
  void entry.opening.then((persistence) => persistence.close()).then(entry.settleClosed)
}

/**
 * A workshop's document for its board: the one this page keeps in a live room, or else loaded
 * from `storage`. The board's close() hands it back; it resolves once the document is closed
 * for good (when the session ends, if it is live), with whether the last save worked.
 */
export function openBoardDoc(workshopId: string, storage: DocStorage): Promise<WorkshopDocSession> {
  const existing = openDocs.get(workshopId)
  const entry = existing ?? openFromDisk(workshopId, storage)
  // How the document was loaded concerns the boards that waited for it, not one that finds it open.
  const loadedForThisBoard = !existing?.persistence
  entry.boards++
  return entry.opening.then((persistence) => {
    let handedBack = false
    return {
      doc: persistence.doc,
      notice: loadedForThisBoard ? persistence.notice : null,
      saveProblem: persistence.saveProblem,
      close() {
        if (!handedBack) {
          handedBack = true
          entry.boards--
          closeIfUnused(workshopId, entry)
        }
        return entry.closed
      }
    }
  })
}

/**
 * Keeps the board's document in the session's room until the session ends, joining it through
 * `join` unless this page is in that room already: then it gives back the same connection.
 */
export function keepLiveRoom(
  workshopId: string,
  doc: WorkshopDocSession['doc'],
  address: LiveRoomAddress,
  join: () => LiveDocConnection
): LiveDocConnection {
  const entry = openDocs.get(workshopId)
  if (!entry || entry.persistence?.doc !== doc) throw new Error('A live room keeps only a board opened with openBoardDoc.')
  const { live } = entry
  if (live && live.room === address.room && live.ticket === address.ticket) return live.connection
  // Another room is another session: the old one is over.
  leaveLiveRoom(workshopId)
  const connection = join()
  // Found out by the connection, whether or not a board is on screen to show it.
  const follow = () => {
    if (connection.connection.getSnapshot().ended) leaveLiveRoom(workshopId)
  }
  entry.live = { room: address.room, ticket: address.ticket, connection, stopFollowing: connection.connection.subscribe(follow) }
  return connection
}

/** Leaves the workshop's live room, once its session is over; the document closes too unless a board shows it. */
export function leaveLiveRoom(workshopId: string): void {
  const entry = openDocs.get(workshopId)
  const live = entry?.live
  if (!entry || !live) return
  entry.live = null
  live.stopFollowing()
  live.connection.destroy()
  closeIfUnused(workshopId, entry)
}
