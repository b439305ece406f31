import { useEffect, useState } from 'react'
import { TEMPLATES } from '../../../../shared/templates'
import type { WorkshopSummary } from '../../../../shared/workshop'
import { createBoardModel, type BoardModel } from '../../crdt/boardModel'
import { openWorkshopDoc, type WorkshopDocSession } from '../../crdt/persistence'
import { api } from '../../platform/api'
import { userMessage } from '../../ui/userMessage'
import type { BoardOpening } from './boardOpening'

export interface OpenBoard {
  workshop: WorkshopSummary
  model: BoardModel
  persistence: WorkshopDocSession
}

export type BoardSessionState = BoardOpening<OpenBoard>

const NOT_IN_LIBRARY =
  'This workshop is not in your library any more; it may have been deleted in another window. Go back to your workshops to choose another.'

/**
 * Opens a workshop's board for as long as the screen shows it: its library entry, its
 * document (loaded, seeded from the template when new, saved as it changes), undo and
 * snapshots. Leaving saves what is pending; a save that still fails then is reported
 * through `onUnsavedAfterLeaving`, since the board is no longer on screen to show it.
 */
export function useBoardSession(workshopId: string, onUnsavedAfterLeaving: (message: string) => void): BoardSessionState {
  const [state, setState] = useState<BoardSessionState>({ status: 'opening' })

  useEffect(() => {
    let left = false
    let opened: OpenBoard | null = null

    async function open() {
      try {
        const workshop = (await api.library.list()).find((candidate) => candidate.id === workshopId)
        if (!workshop) throw new Error(NOT_IN_LIBRARY)
        const persistence = await openWorkshopDoc(workshopId, api.docs)
        if (left) {
          void persistence.close()
          return
        }
        opened = { workshop, model: createBoardModel(persistence.doc, TEMPLATES[workshop.template]), persistence }
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
