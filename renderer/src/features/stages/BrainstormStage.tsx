import { useId, useState, useSyncExternalStore } from 'react'
import type { PrivateNotes } from '../../crdt/privateNotes'
import { NewNoteForm } from '../board/NewNoteForm'
import { NoteTextArea } from '../board/NoteTextArea'

interface BrainstormStageProps {
  prompt: string
  privateNotes: PrivateNotes
  /** Notes written so far in the room, everyone's private notes counted, none shown. */
  roomCount: number
  /** People who have written at least one note, of those present. */
  writers: number
  readOnly: boolean
}

function PrivateDraft({ id, text, privateNotes, readOnly }: { id: string; text: string; privateNotes: PrivateNotes; readOnly: boolean }) {
  const [editing, setEditing] = useState(false)
  const [value, setValue] = useState(text)
  if (editing && !readOnly) {
    const save = () => {
      privateNotes.editDraft(id, value)
      setEditing(false)
    }
    return (
      <li className="private-note private-note--editing">
        <NoteTextArea label="Note text" value={value} onChange={(next) => setValue(next)} onSubmit={save} onCancel={() => setEditing(false)} />
        <div className="private-note__actions">
          <button type="button" className="button button--small" onClick={save}>
            Save
          </button>
        </div>
      </li>
    )
  }
  return (
    <li className="private-note" aria-label={text}>
      <p className="private-note__text">{text}</p>
      {!readOnly && (
        <div className="private-note__actions">
          <button
            type="button"
            className="note__action"
            aria-label={`Edit “${text}”`}
            onClick={() => {
              setValue(text)
              setEditing(true)
            }}
          >
            Edit
          </button>
          <button type="button" className="note__action" aria-label={`Delete “${text}”`} onClick={() => privateNotes.deleteDraft(id)}>
            Delete
          </button>
        </div>
      )}
    </li>
  )
}

/**
 * Silent brainstorm: this person's notes, on this device only, and how many the room has
 * written. Nothing here is in the shared document until the facilitator reveals.
 */
export function BrainstormStage({ prompt, privateNotes, roomCount, writers, readOnly }: BrainstormStageProps) {
  const { drafts } = useSyncExternalStore(privateNotes.subscribe, privateNotes.getSnapshot)
  const headingId = useId()
  return (
    <div className="brainstorm">
      <p className="brainstorm__prompt">{prompt}</p>
      <p className="brainstorm__count" role="status">
        {roomCount === 1 ? '1 note' : `${roomCount} notes`} written so far
        {writers > 0 ? ` by ${writers === 1 ? '1 person' : `${writers} people`}` : ''}
      </p>
      <section className="brainstorm__mine" aria-labelledby={headingId}>
        <h3 id={headingId} className="brainstorm__heading">
          Your notes <span className="brainstorm__private">Private: only you can see these until the reveal</span>
        </h3>
        {drafts.length === 0 ? (
          <p className="brainstorm__empty">No notes yet. One idea per note.</p>
        ) : (
          <ul className="brainstorm__list" aria-label="Your private notes">
            {drafts.map((note) => (
              <PrivateDraft key={note.id} id={note.id} text={note.text} privateNotes={privateNotes} readOnly={readOnly} />
            ))}
          </ul>
        )}
        {!readOnly && (
          <NewNoteForm
            label="New private note"
            placeholder="Write an idea…"
            add={(text) => {
              const { id, truncated } = privateNotes.addDraft(text)
              return { added: id !== null, truncated }
            }}
          />
        )}
      </section>
    </div>
  )
}
