import { useState } from 'react'
import type { PresentPerson } from '../../crdt/presence'
import { Dialog } from '../../ui/Dialog'
import { PeopleList } from './PeopleHere'

/**
 * How many people are here, as a button that opens the list of who: on a phone the whole list
 * would leave no room for the work. Closes with its button, Escape, or a tap outside.
 */
export function PeopleButton({ people }: { people: readonly PresentPerson[] }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button
        type="button"
        className="button people-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen(true)}
      >
        {people.length} here
      </button>
      {open && (
        <Dialog title={`People here (${people.length})`} onClose={() => setOpen(false)} lightDismiss className="dialog--sheet">
          <PeopleList people={people} label="People here" />
          <div className="dialog__actions">
            <button type="button" className="button" data-autofocus onClick={() => setOpen(false)}>
              Close
            </button>
          </div>
        </Dialog>
      )}
    </>
  )
}
