import { useId } from 'react'
import type { RankedPlace } from '../../../../shared/ballots'
import type { Note } from '../../../../shared/board'
import { rankWord, votePlaceText } from '../../../../shared/exports/journeyText'
import type { JourneyIntents, ValueLink } from '../../crdt/journey'
import type { LibrarySource } from '../../crdt/workshopFlow'

export interface JourneyNoteExtras {
  links: ReadonlyMap<string, ValueLink>
  /** Notes in an opportunities lane: the ones that can be linked to a value. */
  opportunityIds: ReadonlySet<string>
  /** Each voted note's dots, rank and tie once voting has closed; null before. */
  places: ReadonlyMap<string, RankedPlace> | null
  /** The values that can be linked to; null until the facilitator picks a finalized workshop. */
  source: LibrarySource | null
  /** Null when links cannot be changed on this screen now. */
  intents: JourneyIntents | null
}

function LinkPicker({ note, source, intents }: { note: Note; source: LibrarySource; intents: JourneyIntents }) {
  const id = useId()
  return (
    <span className="journey-note__link-picker">
      <label htmlFor={id} className="visually-hidden">
        Link “{note.text}” to a value
      </label>
      <select
        id={id}
        className="journey-note__select"
        value=""
        onPointerDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => event.stopPropagation()}
        onChange={(event) => {
          const name = event.target.value
          if (name) intents.linkValue(note.id, { workshopId: source.workshopId, workshopTitle: source.workshopTitle, name })
        }}
      >
        <option value="">Link to a value…</option>
        {source.items.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </span>
  )
}

/** What a journey note shows below its text: the dots it got, and the value it lives. */
export function JourneyNoteExtra({ note, extras }: { note: Note; extras: JourneyNoteExtras }) {
  const link = extras.links.get(note.id)
  const place = extras.places?.get(note.id)
  const linkable = extras.opportunityIds.has(note.id) && extras.intents !== null
  if (!link && place === undefined && !(linkable && extras.source)) return null
  return (
    <div className="journey-note__extra">
      {place !== undefined && (
        // "● 4, rank =5": "=" marks a rank shared in a tie, as in the exports; the label says it in words.
        <span className="journey-note__dots" aria-label={votePlaceText(place)} title={votePlaceText(place)}>
          <span aria-hidden="true">●</span> {place.dots}
          {place.dots > 0 && `, rank ${rankWord(place)}`}
        </span>
      )}
      {link ? (
        <span className="journey-note__value">
          Lives our value <strong>{link.name}</strong>
          {linkable && (
            <button
              type="button"
              className="note__action"
              aria-label={`Unlink “${note.text}” from ${link.name}`}
              onPointerDown={(event) => event.stopPropagation()}
              onClick={() => extras.intents?.linkValue(note.id, null)}
            >
              Unlink
            </button>
          )}
        </span>
      ) : (
        linkable && extras.source && <LinkPicker note={note} source={extras.source} intents={extras.intents!} />
      )}
    </div>
  )
}
