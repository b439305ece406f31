import { useId, useLayoutEffect, useRef } from 'react'

interface JoinCodeFormProps {
  typed: string
  onTypedChange(typed: string): void
  problem: string | null
  checking: boolean
  onSubmit(): void
}

/** "Join a session": the code from the facilitator's screen, kept as typed when it is refused. */
export function JoinCodeForm({ typed, onTypedChange, problem, checking, onSubmit }: JoinCodeFormProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  const field = useRef<HTMLInputElement>(null)
  const ids = useId()

  useLayoutEffect(() => {
    heading.current?.focus()
  }, [])
  useLayoutEffect(() => {
    // After a refusal the person's next move is to fix what they typed.
    if (problem) field.current?.focus()
  }, [problem])

  return (
    <div className="join__card">
      <p className="join__kicker">Workshop Studio</p>
      <h1 ref={heading} tabIndex={-1}>
        Join a session
      </h1>
      <p className="join__lede">Type the code shown on the facilitator’s screen, for example K7Q-M4X.</p>
      <form
        className="join__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit()
        }}
      >
        <label className="field__label" htmlFor={`${ids}-code`}>
          Join code
        </label>
        <input
          ref={field}
          id={`${ids}-code`}
          className="field__input join__code-input"
          value={typed}
          onChange={(event) => onTypedChange(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={20}
          aria-invalid={problem !== null}
          aria-describedby={problem ? `${ids}-problem` : undefined}
        />
        {problem && (
          <p id={`${ids}-problem`} role="alert" className="field-message">
            {problem}
          </p>
        )}
        <p role="status" className="join__hint">
          {checking ? 'Checking the code…' : ''}
        </p>
        <button type="submit" className="button button--primary join__submit" disabled={checking} aria-busy={checking}>
          Join
        </button>
      </form>
    </div>
  )
}
