import type { PresentPerson } from '../../crdt/presence'

/** Each person present, with the colour of their dot; `label` names the list for screen readers. */
export function PeopleList({ people, label }: { people: readonly PresentPerson[]; label: string }) {
  return (
    <ul className="people__list" aria-label={label}>
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
  )
}

interface PeopleHereProps {
  people: readonly PresentPerson[]
  /** Shown when the list is empty. */
  emptyText: string
}

/** The people present in a live session under a "People here (n)" heading. */
export function PeopleHere({ people, emptyText }: PeopleHereProps) {
  return (
    <div className="people">
      <p className="people__heading">
        People here <span className="people__count">({people.length})</span>
      </p>
      {people.length === 0 ? (
        <p className="people__empty">{emptyText}</p>
      ) : (
        <PeopleList people={people} label={`People here (${people.length})`} />
      )}
    </div>
  )
}
