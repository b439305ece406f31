import type { LiveState } from './useLiveSession'

interface LiveButtonProps {
  state: LiveState
  panelId: string
  panelOpen: boolean
  /** A finalized workshop has nothing left to do live: it offers no Go live (a session still on can be ended). */
  finalized: boolean
  onGoLive(): void
  onTogglePanel(): void
}

/** "Go live" on the board's header; once live, it shows and hides the live session panel. */
export function LiveButton({ state, panelId, panelOpen, finalized, onGoLive, onTogglePanel }: LiveButtonProps) {
  if (state.status === 'live') {
    return (
      <button
        type="button"
        className="button button--small live-button live-button--live"
        aria-expanded={panelOpen}
        aria-controls={panelId}
        onClick={onTogglePanel}
      >
        <span className="live-button__dot" aria-hidden="true" />
        {panelOpen ? 'Hide live panel' : 'Show live panel'}
      </button>
    )
  }
  if (finalized) return null
  return (
    <button
      type="button"
      className="button button--small button--primary live-button"
      disabled={state.status !== 'off'}
      onClick={onGoLive}
    >
      {state.status === 'starting' ? 'Going live…' : 'Go live'}
    </button>
  )
}
