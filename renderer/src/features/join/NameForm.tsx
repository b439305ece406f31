import { useId, useLayoutEffect, useRef, useState } from 'react'
import { NAME_MAX_LENGTH } from '../../crdt/presence'

interface NameFormProps {
  title: string
  onJoin(typedName: string): void
}

/** The last step before the board: the name others will see, which a person may leave out. */
export function NameForm({ title, onJoin }: NameFormProps) {
  const [name, setName] = useState('')
  const heading = useRef<HTMLHeadingElement>(null)
  const ids = useId()

  useLayoutEffect(() => {
    heading.current?.focus()
  }, [])

  return (
    <div className="join__card">
      <p className="join__kicker">You’re joining</p>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      <form
        className="join__form"
        onSubmit={(event) => {
          event.preventDefault()
          onJoin(name)
        }}
      >
        <label className="field__label" htmlFor={`${ids}-name`}>
          Your name (optional)
        </label>
        <input
          id={`${ids}-name`}
          className="field__input"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={NAME_MAX_LENGTH}
          autoComplete="nickname"
          aria-describedby={`${ids}-hint`}
        />
        <p id={`${ids}-hint`} className="join__hint">
          Shown to the others in the room. Leave it empty to join as a guest.
        </p>
        <button type="submit" className="button button--primary join__submit">
          Join the board
        </button>
      </form>
    </div>
  )
}
