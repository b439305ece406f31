import { useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { AlertBanner } from '../../ui/AlertBanner'
import { Dialog } from '../../ui/Dialog'
import { useBoardHistoryShown } from '../stages/boardAccess'
import { StageGuide } from '../stages/StageGuide'
import { StageIndicator } from '../stages/StageIndicator'
import { StageTimer } from '../stages/StageTimer'
import { WorkshopView } from '../stages/WorkshopView'
import { HistoryButtons } from '../board/HistoryButtons'
import { useHistoryShortcuts } from '../board/useHistoryShortcuts'
import { connectionStatus } from '../live/connectionStatus'
import { PeopleButton } from '../live/PeopleButton'
import '../board/board.css'
import '../live/live.css'
import './join.css'
import type { JoinedSession } from './joinedSession'
import { useParticipantBoard, type OpenParticipantBoard } from './useParticipantBoard'

const NOT_KEPT_NOTICE =
  'This browser is not keeping a copy of the board (private browsing or storage turned off). ' +
  'Everything you add is shared while you are connected, but if you close this tab while offline, those changes are lost.'

/** Once the session is over, the board stays for reading; `kept` says whether this browser stores it. */
function endedNotice(kept: boolean): string {
  return (
    'This session has ended: the facilitator closed it, and everything that reached them is saved on their computer. ' +
    (kept
      ? 'The board stays here for you to read, and this browser keeps your copy until you leave; '
      : 'The board stays here for you to read until you close this tab; ') +
    'nothing you change now reaches anyone. ' +
    'To join another session, ask the facilitator for a new link or code.'
  )
}

interface LeaveDialogProps {
  connected: boolean
  ended: boolean
  onCancel(): void
  onLeave(): void
}

function LeaveDialog({ connected, ended, onCancel, onLeave }: LeaveDialogProps) {
  return (
    <Dialog title="Leave the board?" onClose={onCancel}>
      <p className="dialog__text">
        {ended
          ? 'The session has ended. Leaving deletes this browser’s copy of the board.'
          : connected
            ? 'Everything you added stays on the board for the room. To come back, you will need the join code again.'
            : 'You are not connected to the room: changes you made since the connection dropped have not reached it and will be lost. ' +
              'To come back, you will need the join code again.'}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" data-autofocus onClick={onCancel}>
          Stay
        </button>
        <button type="button" className="button button--danger" onClick={onLeave}>
          Leave
        </button>
      </div>
    </Dialog>
  )
}

interface OpenBoardProps {
  session: JoinedSession
  board: OpenParticipantBoard
  onLeave(): void
}

function OpenParticipantBoardScreen({ session, board, onLeave }: OpenBoardProps) {
  const { model: workshopModel, connection } = board
  const { board: model } = useSyncExternalStore(workshopModel.editing.subscribe, workshopModel.editing.getSnapshot)
  // The facilitator's board names its template when it arrives; until then there is nothing to show.
  const flow = useSyncExternalStore(workshopModel.flow.subscribe, workshopModel.flow.getSnapshot)
  const { canUndo, canRedo } = useSyncExternalStore(model.undo.subscribe, model.undo.getSnapshot)
  const people = useSyncExternalStore(connection.people.subscribe, connection.people.getSnapshot)
  const state = useSyncExternalStore(connection.connection.subscribe, connection.connection.getSnapshot)
  const [notice, setNotice] = useState(board.keptInBrowser ? null : NOT_KEPT_NOTICE)
  const [leaving, setLeaving] = useState(false)
  const heading = useRef<HTMLHeadingElement>(null)
  const historyShown = useBoardHistoryShown(workshopModel, 'participant', state.ended)
  useHistoryShortcuts(model.undo, historyShown)

  useLayoutEffect(() => {
    heading.current?.focus()
  }, [])

  const status = connectionStatus(state, 'participant')
  // Linked to others but not to the facilitator, whose app keeps the record: say so, or people
  // would take "Connected" to mean their work is in it.
  const facilitatorAway = state.online && state.via !== null && !people.some((person) => person.role === 'facilitator')
  return (
    <div className="board-screen">
      {/* One line on every screen, a phone's included: the work gets the rest of it. */}
      <header className="participant-header">
        <h1 ref={heading} tabIndex={-1} className="participant-header__title">
          {session.title}
        </h1>
        {flow.template !== null && <StageIndicator flow={flow} />}
        <p className={`live-status live-status--${status.tone} participant-header__status`} role="status">
          <span className="participant-header__status-text">{status.text}</span>
        </p>
        {flow.template !== null && flow.finalizedAt === null && (
          <StageTimer timer={flow.timer} hostNow={connection.hostNow} intents={null} />
        )}
        <PeopleButton people={people} />
        <button type="button" className="button button--quiet participant-header__leave" onClick={() => setLeaving(true)}>
          Leave
        </button>
      </header>
      {facilitatorAway && (
        <p className="participant-notice" role="status">
          The facilitator’s screen is not connected right now; what you add is still kept on their laptop.
        </p>
      )}
      {flow.template !== null && (
        <div className="participant-guide">
          <StageGuide flow={flow} />
          {historyShown && <HistoryButtons canUndo={canUndo} canRedo={canRedo} onUndo={model.undo.undo} onRedo={model.undo.redo} />}
        </div>
      )}
      <main className="board-screen__main">
        {/* Not dismissible: it stays true for as long as this screen is open. */}
        <AlertBanner tone="notice" messages={state.ended ? [endedNotice(board.keptInBrowser)] : []} />
        <AlertBanner tone="notice" messages={notice ? [notice] : []} onDismiss={() => setNotice(null)} />
        {flow.template === null ? (
          <p className="board-screen__status" role="status">
            Getting the board from the facilitator…
          </p>
        ) : (
          <WorkshopView
            workshop={workshopModel}
            role="participant"
            people={people}
            live={connection}
            record={null}
            viewOnly={state.ended}
          />
        )}
      </main>
      {leaving && (
        <LeaveDialog
          connected={state.online && state.via !== null}
          ended={state.ended}
          onCancel={() => setLeaving(false)}
          onLeave={onLeave}
        />
      )}
    </div>
  )
}

/** The shared board as a participant sees it: no library, no renaming; their own undo. */
export function ParticipantBoard({ session, onLeft }: { session: JoinedSession; onLeft(): void }) {
  const { state, leave } = useParticipantBoard(session)
  if (state.status === 'open') {
    return <OpenParticipantBoardScreen session={session} board={state.board} onLeave={() => void leave().then(onLeft)} />
  }
  return (
    <div className="board-screen">
      <header className="board-header">
        <div className="board-header__title">
          <h1>{session.title}</h1>
        </div>
      </header>
      <main className="board-screen__main">
        {state.status === 'failed' ? (
          <AlertBanner tone="problem" messages={[state.message]} />
        ) : (
          <p className="board-screen__status" role="status">
            Opening the board…
          </p>
        )}
      </main>
    </div>
  )
}
