/**
 * A person's silent-brainstorm notes, kept on their own device and out of the shared
 * document until the facilitator reveals them. They live in a separate Y.Doc stored in the
 * browser (IndexedDB), so a refresh or a closed lid keeps them, and no peer ever receives
 * them before the reveal: they are not in anything that syncs.
 *
 * At the reveal, in anonymous mode, the notes go to the host only (shared/roundSubmissions.ts),
 * which writes everyone's as its own change, mixed; a draft stays here until the board has it.
 * With anonymity off this screen writes them itself, as this person's. Either way every revealed
 * note has the same order key (the board sorts them by their random ids). This device remembers
 * which notes are its own, to show "mine" to their author only.
 */
import * as Y from 'yjs'
import { NOTE_COLOURS, type NoteColour } from '../../../shared/board'
import { revealedNoteFields, type HandIn, type SubmittedNote } from '../../../shared/roundSubmissions'
import { notesOf } from './boardDoc'
import { createListeners, type ExternalStore } from './externalStore'
import { newId } from './ids'
import { cleanNoteText } from './noteText'


export interface PrivateDraft {
  id: string
  text: string
  colour: NoteColour
  /** When it was written (this device's clock), for the order drafts are shown in. */
  createdAt: number
  /** The journey-map cell it is for; null on a board without cells (revealed into the given column). */
  place: DraftPlace | null
}

export interface DraftPlace {
  columnId: string
  laneId: string
}

export interface PrivateNotesState {
  /** Written and not yet revealed, oldest first. */
  drafts: readonly PrivateDraft[]
  /** Ids of the board notes this person wrote. */
  mine: ReadonlySet<string>
}

export interface PrivateNotes extends ExternalStore<PrivateNotesState> {
  addDraft(text: string, colour?: NoteColour, place?: DraftPlace): { id: string | null; truncated: boolean }
  editDraft(id: string, text: string): { truncated: boolean }
  deleteDraft(id: string): void
  /**
   * Reveals every draft: into its own cell, or else into `columnId`. Handed in to the host
   * (even none, so the host knows this person has nothing to add), or written to the board and
   * remembered as this person's. Returns how many drafts there were.
   */
  reveal(board: Y.Doc, columnId: string, handIn: HandIn): number
  /** Drafts the board now has (the host wrote them) become this person's notes. */
  settle(board: Y.Doc, noteIds: Iterable<string>): void
  destroy(): void
}

const DRAFTS = 'drafts'
const MINE = 'mine'
const DRAFT_FIELDS = { text: 'text', colour: 'colour', createdAt: 'createdAt', columnId: 'columnId', laneId: 'laneId' } as const

const isColour = (value: unknown): value is NoteColour => NOTE_COLOURS.includes(value as NoteColour)

function readDrafts(drafts: Y.Map<unknown>): PrivateDraft[] {
  const read: PrivateDraft[] = []
  drafts.forEach((entry, id) => {
    if (!(entry instanceof Y.Map)) return
    const text = entry.get(DRAFT_FIELDS.text)
    const colour = entry.get(DRAFT_FIELDS.colour)
    const createdAt = entry.get(DRAFT_FIELDS.createdAt)
    const columnId = entry.get(DRAFT_FIELDS.columnId)
    const laneId = entry.get(DRAFT_FIELDS.laneId)
    if (typeof text !== 'string' || !text) return
    read.push({
      id,
      text,
      colour: isColour(colour) ? colour : NOTE_COLOURS[0],
      createdAt: typeof createdAt === 'number' && Number.isFinite(createdAt) ? createdAt : 0,
      place: typeof columnId === 'string' && typeof laneId === 'string' ? { columnId, laneId } : null
    })
  })
  return read.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1))
}

/** `own` is the person's private document (see openBrowserDoc in participantDoc.ts). */
export function createPrivateNotes(own: Y.Doc): PrivateNotes {
  const drafts = own.getMap<unknown>(DRAFTS)
  const mine = own.getMap<unknown>(MINE)
  const listeners = createListeners()
  let state: PrivateNotesState = { drafts: readDrafts(drafts), mine: new Set(mine.keys()) }
  const refresh = () => {
    state = { drafts: readDrafts(drafts), mine: new Set(mine.keys()) }
    listeners.notify()
  }
  drafts.observeDeep(refresh)
  mine.observe(refresh)

  return {
    subscribe: listeners.add,
    getSnapshot: () => state,
    addDraft(text, colour = NOTE_COLOURS[0], place) {
      const clean = cleanNoteText(text)
      if (!clean.text) return { id: null, truncated: clean.truncated }
      const id = newId()
      // Two notes written within one millisecond must still keep the order they were written in.
      const latest = state.drafts.at(-1)?.createdAt ?? 0
      drafts.set(
        id,
        new Y.Map<unknown>([
          [DRAFT_FIELDS.text, clean.text],
          [DRAFT_FIELDS.colour, colour],
          [DRAFT_FIELDS.createdAt, Math.max(Date.now(), latest + 1)],
          ...(place ? ([[DRAFT_FIELDS.columnId, place.columnId], [DRAFT_FIELDS.laneId, place.laneId]] as const) : [])
        ])
      )
      return { id, truncated: clean.truncated }
    },
    editDraft(id, text) {
      const clean = cleanNoteText(text)
      const entry = drafts.get(id)
      if (entry instanceof Y.Map && clean.text) entry.set(DRAFT_FIELDS.text, clean.text)
      return { truncated: clean.truncated }
    },
    deleteDraft: (id) => drafts.delete(id),
    reveal(board, columnId, handIn) {
      const notes: SubmittedNote[] = readDrafts(drafts).map((draft) => ({
        id: draft.id,
        text: draft.text,
        colour: draft.colour,
        columnId: draft.place?.columnId ?? columnId,
        ...(draft.place ? { laneId: draft.place.laneId } : {})
      }))
      if (handIn) {
        handIn({ v: 1, round: 'brainstorm', notes })
        return notes.length
      }
      if (notes.length === 0) return 0
      // Remembered as revealed first: a crash half-way must not reveal a note twice later.
      own.transact(() => {
        for (const note of notes) {
          mine.set(note.id, true)
          drafts.delete(note.id)
        }
      })
      board.transact(() => {
        for (const note of notes) {
          notesOf(board).set(note.id, new Y.Map<unknown>(revealedNoteFields(note)))
        }
      })
      return notes.length
    },
    settle(board, noteIds) {
      const arrived = [...noteIds].filter((id) => drafts.has(id) && notesOf(board).has(id))
      if (arrived.length === 0) return
      own.transact(() => {
        for (const id of arrived) {
          mine.set(id, true)
          drafts.delete(id)
        }
      })
    },
    destroy() {
      drafts.unobserveDeep(refresh)
      mine.unobserve(refresh)
    }
  }
}

/** Notes added on the board itself (after the reveal) are this person's too. */
export function rememberMine(own: Y.Doc, noteId: string): void {
  own.getMap<unknown>(MINE).set(noteId, true)
}
