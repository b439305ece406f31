import type { KeyboardEvent } from 'react'
import type { Note } from '../../../../shared/board'
import { Dialog } from '../../ui/Dialog'
import { notePreview } from './announcements'
import { destinationTitle, type MoveDestination } from './moveDestinations'

interface MoveNoteDialogProps {
  note: Note
  /** The container the note is in now. */
  fromId: string
  destinations: readonly MoveDestination[]
  onMove(containerId: string): void
  onClose(): void
}

/** Destinations in runs of one group (a journey stage), in the order given. */
function groupsOf(destinations: readonly MoveDestination[]): { group: string | null; entries: MoveDestination[] }[] {
  const groups: { group: string | null; entries: MoveDestination[] }[] = []
  for (const destination of destinations) {
    const last = groups.at(-1)
    if (last && last.group === destination.group) last.entries.push(destination)
    else groups.push({ group: destination.group, entries: [destination] })
  }
  return groups
}

const STEP_BY_KEY: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }

/** The arrow keys step through the places, as in a menu; Tab still works. */
function stepThroughPlaces(event: KeyboardEvent<HTMLElement>) {
  const step = STEP_BY_KEY[event.key]
  if (step === undefined) return
  const places = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button:enabled')]
  const at = places.indexOf(document.activeElement as HTMLButtonElement)
  const next = places[at < 0 ? 0 : (at + step + places.length) % places.length]
  if (!next) return
  event.preventDefault()
  next.focus()
}

/**
 * "Move to…": a note goes to another column or cell with one press, for people who cannot
 * or would rather not drag (a phone, a screen reader). It lands at the end of that place.
 */
export function MoveNoteDialog({ note, fromId, destinations, onMove, onClose }: MoveNoteDialogProps) {
  const here = destinations.find((destination) => destination.containerId === fromId)
  const firstChoice = destinations.find((destination) => destination.containerId !== fromId)
  return (
    <Dialog title="Move note to…" onClose={onClose}>
      <p className="move-note__note">“{notePreview(note.text)}”</p>
      {here && <p className="dialog__text">Now in {destinationTitle(here)}.</p>}
      <div className="move-note__places" onKeyDown={stepThroughPlaces}>
        {groupsOf(destinations).map(({ group, entries }) => (
          <div key={group ?? ''} className="move-note__group" role={group === null ? undefined : 'group'} aria-label={group ?? undefined}>
            {group !== null && <h3 className="move-note__group-title">{group}</h3>}
            <ul className="move-note__list">
              {entries.map((destination) => {
                const isHere = destination.containerId === fromId
                return (
                  <li key={destination.containerId}>
                    <button
                      type="button"
                      className="move-note__place"
                      disabled={isHere}
                      data-autofocus={destination === firstChoice ? true : undefined}
                      onClick={() => onMove(destination.containerId)}
                    >
                      {group !== null && <span className="visually-hidden">{group} · </span>}
                      {destination.name}
                      {isHere && ' (here now)'}
                    </button>
                  </li>
                )
              })}
            </ul>
          </div>
        ))}
      </div>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  )
}
