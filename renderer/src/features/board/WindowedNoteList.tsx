import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable'
import type { Ref } from 'react'
import type { Note } from '../../../../shared/board'
import { NoteCard, type NoteCardIntents } from './NoteCard'
import type { WindowEntry } from './noteWindow'

interface WindowedNoteListProps {
  /** The container's id: its SortableContext and its droppable share it. */
  containerId: string
  listRef: Ref<HTMLOListElement>
  className: string
  /** What a person calls the container: "Themes", "Onboard, Pain points". */
  title: string
  /** Every note of the container, in order; the SortableContext holds them all. */
  noteIds: readonly string[]
  notes: Readonly<Record<string, Note>>
  /** What useNoteWindow mounts: notes, and gaps of their height for the rest. */
  mounted: readonly WindowEntry[]
  intents: NoteCardIntents
}

/**
 * The notes of a column or a journey-map cell, as a sortable list that mounts only some of
 * them; each note still says where it is in the whole list, so keyboard moves and screen
 * readers count them all.
 */
export function WindowedNoteList({ containerId, listRef, className, title, noteIds, notes, mounted, intents }: WindowedNoteListProps) {
  return (
    <SortableContext id={containerId} items={noteIds as string[]} strategy={verticalListSortingStrategy}>
      <ol ref={listRef} role="list" className={className} aria-label={`Notes in ${title}`}>
        {mounted.map((entry) => {
          if (entry.type === 'gap') {
            // Hidden from screen readers: each note says where it is in the whole list.
            return <li key={entry.key} className="column__gap" style={{ height: entry.height }} aria-hidden="true" />
          }
          const note = notes[entry.id]
          return note ? <NoteCard key={entry.id} note={note} position={entry.index + 1} setSize={noteIds.length} intents={intents} /> : null
        })}
      </ol>
    </SortableContext>
  )
}
