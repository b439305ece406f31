import { useId, useState, type FormEvent } from 'react'
import { Dialog } from '../../ui/Dialog'
import { buildJoinLink } from './joinLink'
import './join.css'

/**
 * "Join a session" from the app: someone else is facilitating, and this laptop joins as a
 * participant. The session opens in its own window (a browser tab in host mode).
 */
export function JoinSessionDialog({ onClose }: { onClose(): void }) {
  const [address, setAddress] = useState('')
  const [code, setCode] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const problemId = useId()

  function join(event: FormEvent) {
    event.preventDefault()
    const link = buildJoinLink(address, code)
    if (!link.ok) return setProblem(link.problem)
    window.open(link.url, '_blank', 'noopener')
    onClose()
  }

  return (
    <Dialog title="Join a session" onClose={onClose}>
      <form onSubmit={join} noValidate>
        <p className="dialog__text">Type the address and the join code shown on the facilitator’s screen.</p>
        <div className="join-session__fields">
          <label className="field">
            <span className="field__label">Session address</span>
            <input
              className="field__input"
              value={address}
              data-autofocus
              placeholder="192.168.1.20:4321"
              autoComplete="off"
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => {
                setAddress(event.target.value)
                setProblem(null)
              }}
            />
          </label>
          <label className="field">
            <span className="field__label">Join code</span>
            <input
              className="field__input"
              value={code}
              autoComplete="off"
              autoCapitalize="characters"
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => {
                setCode(event.target.value)
                setProblem(null)
              }}
            />
          </label>
        </div>
        {problem && (
          <p id={problemId} role="alert" className="field-message">
            {problem}
          </p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary">
            Join
          </button>
        </div>
      </form>
    </Dialog>
  )
}
