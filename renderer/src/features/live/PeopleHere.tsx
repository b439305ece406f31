import { useId } from 'react'
import type { PresentPerson } from '../../crdt/presence'

interface PeopleHereProps {
  people: readonly PresentPerson[]
  /** Shown when the list is empty. */
  emptyText: string
  layout: 'column' | 'row'
}

/** The people present in a live session, with the colour of their dot. */
export function PeopleHere({ people, emptyText, layout }: PeopleHereProps) {
  const headingId = useId()
  return (
    <div className={`people people--${layout}`}>
      <p id={headingId} className="people__heading">
        People here <span className="people__count">({people.length})</span>
      </p>
      {people.length === 0 ? (
        <p className="people__empty">{emptyText}</p>
      ) : (
        <ul className="people__list" aria-labelledby={headingId}>
          {people.map((person) => (
            <li key={person.clientId} className="people__person">
              <span className="people__dot" style={{ backgroundColor: person.colour }} aria-hidden="true" />
              <span className="people__name">{person.name}</span>
              {person.isSelf && <span className="people__note"> (you)</span>}
              {person.editingNoteId && <span className="people__note"> — editing a note</span>}
              {person.progress?.done && <span className="people__done"> — done</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
