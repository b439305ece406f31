import { useId, useState, useSyncExternalStore } from 'react'
import type { FacilitatorSession } from '../../../../shared/contract'
import { formatJoinCode } from '../../../../shared/joinCode'
import { JOIN_ROUTE_FRAGMENT } from '../../../../shared/liveSession'
import type { LiveDocConnection } from '../../crdt/liveSync'
import { AlertBanner } from '../../ui/AlertBanner'
import { connectionStatus } from './connectionStatus'
import { EndSessionDialog } from './EndSessionDialog'
import { JoinQrCode } from './JoinQrCode'
import { PeopleHere } from './PeopleHere'
import './live.css'

interface LivePanelProps {
  id: string
  session: FacilitatorSession
  /** The private round still open, in words, for the End session dialog; null if none. */
  privateRound: string | null
  connection: LiveDocConnection
  problem: string | null
  onDismissProblem(): void
  onNewCode(): Promise<void>
  onEnd(): Promise<boolean>
}

/**
 * The link with line breaks between its address, its code and the session's key, and anywhere
 * inside the key, which no one types: the address and code stay readable for those who do.
 */
function JoinLinkText({ url }: { url: string }) {
  const at = url.indexOf('#')
  if (at < 0) return url
  const keyAt = url.lastIndexOf('/')
  const hasKey = keyAt > at + JOIN_ROUTE_FRAGMENT.length
  return (
    <>
      <span className="join-link__part">{url.slice(0, at)}</span>
      <wbr />
      <span className="join-link__part">{url.slice(at, hasKey ? keyAt : undefined)}</span>
      {hasKey && <span className="join-link__key">{url.slice(keyAt)}</span>}
    </>
  )
}

/** Everything the facilitator shows the room to let people in, and who has come in. */
export function LivePanel({ id, session, privateRound, connection, problem, onDismissProblem, onNewCode, onEnd }: LivePanelProps) {
  const people = useSyncExternalStore(connection.people.subscribe, connection.people.getSnapshot)
  const state = useSyncExternalStore(connection.connection.subscribe, connection.connection.getSnapshot)
  const [addressIndex, setAddressIndex] = useState(0)
  const [confirmingEnd, setConfirmingEnd] = useState(false)
  const [rotating, setRotating] = useState(false)
  const codeLabelId = useId()

  const participants = people.filter((person) => !person.isSelf)
  const status = connectionStatus(state, 'facilitator')
  const joinUrl = session.joinUrls[Math.min(addressIndex, session.joinUrls.length - 1)] ?? ''

  return (
    <section id={id} className="live-panel" aria-label="Live session">
      <div className="live-panel__top">
        <h2 className="live-panel__title">Live session</h2>
        <p className={`live-status live-status--${status.tone}`} role="status">
          {status.text}
        </p>
      </div>
      {/* Problems from the dialog show inside it while it is open. */}
      {!confirmingEnd && <AlertBanner tone="problem" messages={problem ? [problem] : []} onDismiss={onDismissProblem} />}
      <AlertBanner tone="notice" messages={session.notice ? [session.notice] : []} />

      <div className="live-panel__code">
        <p id={codeLabelId} className="live-panel__label">
          Join code
        </p>
        {/* An output is a live region: when the code changes, screen readers say the new one. */}
        <output className="join-code" aria-labelledby={codeLabelId}>
          {formatJoinCode(session.code)}
        </output>
        <button
          type="button"
          className="button button--small"
          disabled={rotating}
          onClick={() => {
            setRotating(true)
            void onNewCode().finally(() => setRotating(false))
          }}
        >
          New code
        </button>
        <p className="live-panel__hint">The old code stops letting people in; everyone already here stays.</p>
      </div>

      <div className="live-panel__link">
        <p className="live-panel__label">Join link</p>
        <p className="join-link">
          <JoinLinkText url={joinUrl} />
        </p>
        {session.joinUrls.length > 1 && (
          <label className="live-panel__network">
            <span>This computer is on several networks. Show the address for:</span>
            <select value={addressIndex} onChange={(event) => setAddressIndex(Number(event.target.value))}>
              {session.joinUrls.map((url, index) => (
                <option key={url} value={index}>
                  {new URL(url).hostname}
                </option>
              ))}
            </select>
          </label>
        )}
        <JoinQrCode url={joinUrl} />
        <p className="live-panel__hint">People on this network open the link or scan the code, then type the join code if asked.</p>
      </div>

      <PeopleHere people={participants} emptyText="No one has joined yet." />
      {session.connecting > 0 && (
        <p className="live-panel__connecting" role="status">
          {session.connecting === 1 ? '1 person is' : `${session.connecting} people are`} trying to connect. If it takes
          more than a few seconds, their device may be on another network, or this network may block it from reaching
          this computer.
        </p>
      )}

      <button type="button" className="button button--danger-quiet live-panel__end" onClick={() => setConfirmingEnd(true)}>
        End session
      </button>
      {confirmingEnd && (
        <EndSessionDialog
          peopleCount={participants.length}
          privateRound={privateRound}
          problem={problem}
          onCancel={() => setConfirmingEnd(false)}
          onEnd={async () => {
            const ended = await onEnd()
            if (ended) setConfirmingEnd(false)
            return ended
          }}
        />
      )}
    </section>
  )
}
