import { createContext, useContext, type ReactNode } from 'react'
import type { Note } from '../../../../shared/board'

/**
 * How a board behaves in a workshop's stage, set once for the whole board rather than
 * passed through every memoized column and card.
 */
export interface BoardOptions {
  /** The facilitator locked editing (or the workshop is finalized): look, don't touch. */
  readOnly: boolean
  /** Columns are clusters: they can be renamed and merged, and new ones added. */
  clusters: boolean
  /** Notes this person wrote, marked "Mine" on their own screen only. */
  mine: ReadonlySet<string>
  /** More on a card, below its text: a journey note's dots and linked value. */
  noteExtra: ((note: Note) => ReactNode) | null
  /** Cards are narrow (a journey map fitted to the screen): their actions show as symbols (ActionFace.tsx). */
  narrowCards: boolean
}

const NONE: ReadonlySet<string> = new Set()
export const PLAIN_BOARD: BoardOptions = { readOnly: false, clusters: false, mine: NONE, noteExtra: null, narrowCards: false }

export const BoardOptionsContext = createContext<BoardOptions>(PLAIN_BOARD)
export const useBoardOptions = (): BoardOptions => useContext(BoardOptionsContext)
