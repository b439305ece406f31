import { useEffect, useState } from 'react'
import { TEMPLATES } from '../../../../shared/templates'
import type { WorkshopSummary } from '../../../../shared/workshop'
import { openPrivateDoc, type BrowserDoc } from '../../crdt/participantDoc'
import { createWorkshopModel, type WorkshopModel } from '../../crdt/workshopModel'
import type { WorkshopDocSession } from '../../crdt/persistence'
import { api } from '../../platform/api'
import { userMessage } from '../../ui/userMessage'
import { openBoardDoc } from '../live/liveRoomHolder'
import type { BoardOpening } from './boardOpening'

export interface OpenBoard {
  workshop: WorkshopSummary
  model: WorkshopModel
  persistence: WorkshopDocSession
}

export type BoardSessionState = BoardOpening<OpenBoard>

const NOT_IN_LIBRARY =
  'This workshop is not in your library any more; it may have been deleted in another window. Go back to your workshops to choose another.'

/**
 * Opens a workshop's board for as long as the screen shows it: its library entry, its
 * document (loaded, seeded from the template when new, saved as it changes), the workshop's
 * models over it, and the facilitator's own private document (notes and ballots of their own). Leaving saves what is pending; a save that still fails then is reported
 * through `onUnsavedAfterLeaving`, since the board is no longer on screen to show it. While the
 * workshop is live its document stays open after leaving, kept in the session's room
 * (liveRoomHolder.ts), and opening the board again picks it up.
 */
export function useBoardSession(workshopId: string, onUnsavedAfterLeaving: (message: string) => void): BoardSessionState {
  const [state, setState] = useState<BoardSessionState>({ status: 'opening' })

  useEffect(() => {
    let left = false
    let opened: OpenBoard | null = null
    let privateDoc: BrowserDoc | null = null

    async function open() {
      try {
        const workshop = (await api.library.list()).find((candidate) => candidate.id === workshopId)
        if (!workshop) throw new Error(NOT_IN_LIBRARY)
        const persistence = await openBoardDoc(workshopId, api.docs)
        const own = await openPrivateDoc(workshopId).catch((error: unknown) => {
          void persistence.close()
          throw error
        })
        if (left) {
          own.close()
          void persistence.close()
          return
        }
        privateDoc = own
        const model = createWorkshopModel(persistence.doc, {
          template: TEMPLATES[workshop.template],
          // The facilitator's machine is the host: its clock is the one every screen follows.
          hostNow: Date.now,
          privateDoc: own.doc
        })
        opened = { workshop, model, persistence }
        setState({ status: 'open', board: opened })
      } catch (error) {
        if (!left) setState({ status: 'failed', message: userMessage(error) })
      }
    }
    void open()

    return () => {
      left = true
      if (!opened) return
      const { workshop, model, persistence } = opened
      model.destroy()
      privateDoc?.close()
      void persistence.close().then((saved) => {
        if (!saved) {
          onUnsavedAfterLeaving(
            `The latest changes to “${workshop.title}” are not saved yet. The app keeps trying while it stays open; ` +
              'open the workshop again to see whether saving works.'
          )
        }
      })
    }
  }, [workshopId, onUnsavedAfterLeaving])

  return state
}
