import { useId, useState, useSyncExternalStore } from 'react'
import type { Column } from '../../../../shared/board'
import type { DraftPlace, PrivateNotes } from '../../crdt/privateNotes'
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
  /** The journey map's stages and lanes: each note is written for one cell. Null on a board without cells. */
  places?: { stages: readonly Column[]; lanes: readonly Column[] } | null
}

/** Which cell new notes are for: two menus, remembered from one note to the next. */
function PlacePicker({ places, place, onChange }: { places: NonNullable<BrainstormStageProps['places']>; place: DraftPlace; onChange(place: DraftPlace): void }) {
  const stageId = useId()
  const laneId = useId()
  return (
    <div className="brainstorm__place" role="group" aria-label="Where the next note goes">
      <label htmlFor={stageId}>Stage</label>
      <select id={stageId} value={place.columnId} onChange={(event) => onChange({ ...place, columnId: event.target.value })}>
        {places.stages.map((stage) => (
          <option key={stage.id} value={stage.id}>
            {stage.title}
          </option>
        ))}
      </select>
      <label htmlFor={laneId}>Lane</label>
      <select id={laneId} value={place.laneId} onChange={(event) => onChange({ ...place, laneId: event.target.value })}>
        {places.lanes.map((lane) => (
          <option key={lane.id} value={lane.id}>
            {lane.title}
          </option>
        ))}
      </select>
    </div>
  )
}

/** "Onboard · Pain points", or nothing for a note without a cell (or one whose stage or lane is gone). */
function placeLabel(places: BrainstormStageProps['places'], place: DraftPlace | null): string | null {
  if (!places || !place) return null
  const stage = places.stages.find((entry) => entry.id === place.columnId)
  const lane = places.lanes.find((entry) => entry.id === place.laneId)
  return stage && lane ? `${stage.title} · ${lane.title}` : null
}

interface PrivateDraftProps {
  id: string
  text: string
  place: string | null
  privateNotes: PrivateNotes
  readOnly: boolean
}

function PrivateDraft({ id, text, place, privateNotes, readOnly }: PrivateDraftProps) {
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
      {place && <p className="private-note__place">{place}</p>}
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
export function BrainstormStage({ prompt, privateNotes, roomCount, writers, readOnly, places = null }: BrainstormStageProps) {
  const { drafts } = useSyncExternalStore(privateNotes.subscribe, privateNotes.getSnapshot)
  const headingId = useId()
  const [chosenPlace, setPlace] = useState<DraftPlace | null>(null)
  // The first cell until the person picks one; a stage or lane removed meanwhile falls back to the first.
  const place: DraftPlace | undefined = places?.stages[0] && places.lanes[0] && {
    columnId: places.stages.some((stage) => stage.id === chosenPlace?.columnId) ? chosenPlace!.columnId : places.stages[0].id,
    laneId: places.lanes.some((lane) => lane.id === chosenPlace?.laneId) ? chosenPlace!.laneId : places.lanes[0].id
  }
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
              <PrivateDraft
                key={note.id}
                id={note.id}
                text={note.text}
                place={placeLabel(places, note.place)}
                privateNotes={privateNotes}
                readOnly={readOnly}
              />
            ))}
          </ul>
        )}
        {!readOnly && places && place && <PlacePicker places={places} place={place} onChange={setPlace} />}
        {!readOnly && (
          <NewNoteForm
            label="New private note"
            placeholder="Write an idea…"
            add={(text) => {
              const { id, truncated } = privateNotes.addDraft(text, undefined, place)
              return { added: id !== null, truncated }
            }}
          />
        )}
      </section>
    </div>
  )
}
