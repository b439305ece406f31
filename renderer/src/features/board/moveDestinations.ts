import { createContext, useContext } from 'react'

/** A place "Move to…" offers a note: a column of the board, or a cell of the journey map. */
export interface MoveDestination {
  /** The container's id, as NoteDragArea knows it. */
  containerId: string
  /** What the place is called: a column's title, a cell's lane ("Pain points"). */
  name: string
  /** A cell's journey stage ("Onboard"), under which its lanes are listed; null for a column. */
  group: string | null
}

/** "Onboard · Pain points", or a column's title. */
export const destinationTitle = ({ name, group }: MoveDestination): string => (group === null ? name : `${group} · ${name}`)

/**
 * Opens "Move to…" for a note. Provided by NoteDragArea, which holds the one dialog of the
 * board, so a card carries only a stable function and stays memoized. Null outside one.
 */
export const OpenMoveDialogContext = createContext<((noteId: string) => void) | null>(null)
export const useOpenMoveDialog = (): ((noteId: string) => void) | null => useContext(OpenMoveDialogContext)
