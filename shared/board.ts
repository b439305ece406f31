/**
 * The shape of a workshop's board as the renderer sees it, and the fixed names of the
 * document's top-level types. The Yjs document itself is only touched in renderer/src/crdt.
 */

/** Top-level Y.Map names in every workshop document. Never rename: saved files use them. */
export const DOC_KEYS = {
  meta: 'meta',
  /** The board's columns; in the core-values workshop its clusters, in the journey map its stages. */
  columns: 'columns',
  /** The journey map's lanes (rows). */
  lanes: 'lanes',
  notes: 'notes',
  /** Value candidates and their statements (core values, stage "draft"). */
  values: 'values',
  /** Dot-vote ballots, written only when voting closes (by the host in anonymous mode), each under a random key. */
  votes: 'votes',
  /** Fist-of-five ballots, written only when the check closes; in anonymous mode by the host, one score per entry, from k people up. */
  consensus: 'consensus',
  /** The journey map's emotion ratings (and in anonymous mode "withheld" counts), each under a random key (see crdt/emotions.ts). */
  emotions: 'emotions',
  /** The EX program plan (template "program-plan"), written together on one canvas. */
  plan: 'plan'
} as const

/** A note's fields in its Y.Map under `notes`. Never rename: saved files use them. */
export const NOTE_FIELDS = { text: 'text', colour: 'colour', columnId: 'columnId', laneId: 'laneId', order: 'order' } as const

/**
 * The order key every note revealed from a silent brainstorm shares: the board sorts them by
 * their random ids, so the order tells nothing of whose arrived together. (The first key
 * fractional-indexing makes, `generateKeyBetween(null, null)`.)
 */
export const REVEAL_ORDER = 'a0'

export const NOTE_COLOURS = ['yellow', 'pink', 'blue', 'green', 'orange', 'purple'] as const
export type NoteColour = (typeof NOTE_COLOURS)[number]

/** A sticky note holds at most this many characters; longer pastes are cut with a message. */
export const NOTE_TEXT_MAX_LENGTH = 500

export interface Column {
  id: string
  title: string
  /** Fractional index: columns sort by it, never by array position. */
  order: string
}

export interface Note {
  id: string
  text: string
  colour: NoteColour
  columnId: string
  /** The journey map's lane; '' on a board without lanes. */
  laneId: string
  /** Fractional index within the column (in the journey map, within its cell). */
  order: string
}

export interface BoardSnapshot {
  columns: Column[]
  /** Note ids per column, in order. */
  noteIdsByColumn: Record<string, string[]>
  notes: Record<string, Note>
}
