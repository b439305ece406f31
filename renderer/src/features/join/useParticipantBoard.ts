import { useCallback, useEffect, useRef, useState } from 'react'
import { joinLiveDoc, type LiveDocConnection } from '../../crdt/liveSync'
import { openParticipantDoc, openPrivateDoc, type BrowserDoc } from '../../crdt/participantDoc'
import { createWorkshopModel, type WorkshopModel } from '../../crdt/workshopModel'
import { sessionHasEnded } from './joinCheck'
import type { JoinedSession } from './joinedSession'
import type { BoardOpening } from '../board/boardOpening'

export interface OpenParticipantBoard {
  model: WorkshopModel
  connection: LiveDocConnection
  keptInBrowser: boolean
}

export type ParticipantBoardState = BoardOpening<OpenParticipantBoard>

const COULD_NOT_OPEN =
  'The board could not be opened in this browser. Reload the page to try again; if it keeps happening, try another browser.'

/**
 * The shared board for as long as the participant's screen shows it: their browser's copy
 * of the document, undo and snapshots over it, and the connection to the room. `leave`
 * also deletes the browser's copy, for someone who is done with the session.
 */
export function useParticipantBoard(session: JoinedSession): { state: ParticipantBoardState; leave(): Promise<void> } {
  const [state, setState] = useState<ParticipantBoardState>({ status: 'opening' })
  const opened = useRef<{ doc: BrowserDoc; own: BrowserDoc; model: WorkshopModel; connection: LiveDocConnection } | null>(null)

  useEffect(() => {
    let left = false
    Promise.all([openParticipantDoc(session.room), openPrivateDoc(session.room)]).then(
      ([doc, own]) => {
        if (left) {
          doc.close()
          own.close()
          return
        }
        // No template: the columns come from the facilitator's board, never seeded here.
        const model = createWorkshopModel(doc.doc, {
          template: undefined,
          hostNow: () => connection.hostNow(),
          privateDoc: own.doc
        })
        const connection = joinLiveDoc(doc.doc, {
          // The session's host is the server that served this page.
          address: { origin: window.location.origin, room: session.room, ticket: session.ticket, hostKey: session.hostKey },
          name: session.name,
          role: 'participant',
          colour: session.colour,
          sessionEnded: () => sessionHasEnded(session.ticket)
        })
        // In anonymous mode this person's notes and clusters reach the room only as the host writes them.
        model.patchBoardThrough(connection)
        opened.current = { doc, own, model, connection }
        setState({ status: 'open', board: { model, connection, keptInBrowser: doc.keptInBrowser } })
      },
      () => {
        if (!left) setState({ status: 'failed', message: COULD_NOT_OPEN })
      }
    )
    return () => {
      left = true
      const board = opened.current
      opened.current = null
      if (!board) return
      board.connection.destroy()
      board.model.destroy()
      board.doc.close()
      board.own.close()
    }
  }, [session])

  const leave = useCallback(async () => {
    const board = opened.current
    opened.current = null
    if (!board) return
    board.connection.forgetUnsentChanges()
    board.connection.destroy()
    board.model.destroy()
    // Someone done with the session leaves nothing of theirs on this device: not even unrevealed notes.
    await Promise.all([board.doc.forget(), board.own.forget()])
  }, [])

  return { state, leave }
}
