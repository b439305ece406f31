import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import type { WorkshopSummary } from '../../../../shared/workshop'
import { useAppAlerts } from '../../AppAlerts'
import { api } from '../../platform/api'
import { AlertBanner } from '../../ui/AlertBanner'
import { userMessage } from '../../ui/userMessage'
import { useDocumentTitle } from '../../useDocumentTitle'
import { navigate } from '../../useRoute'
import { LiveButton } from '../live/LiveButton'
import { openPrivateRound } from '../stages/privateRound'
import { LivePanel } from '../live/LivePanel'
import { useLiveSession } from '../live/useLiveSession'
import { usePeople } from '../live/usePeople'
import { useFacilitatorRecord } from '../stages/useFacilitatorRecord'
import { useBoardHistoryShown } from '../stages/boardAccess'
import { WorkshopView } from '../stages/WorkshopView'
import { BoardHeader } from './BoardHeader'
import { useBoardSession, type OpenBoard } from './useBoardSession'
import { useHistoryShortcuts } from './useHistoryShortcuts'
import './board.css'

const goToLibrary = () => navigate({ screen: 'library' })

const TRASHED_NOTICE = 'This workshop is in the trash. Restore it from your workshops to keep it.'

/** What shows while the board opens, or instead of it when it cannot open. */
function BoardPlaceholder({ problem }: { problem: string | null }) {
  const title = problem ? 'This workshop could not be opened' : 'Opening workshop…'
  useDocumentTitle(title)
  return (
    <div className="board-screen">
      <header className="board-header">
        <button type="button" className="button button--quiet" onClick={goToLibrary}>
          <span aria-hidden="true">←</span> Back to workshops
        </button>
        <div className="board-header__title">
          <h1>{title}</h1>
        </div>
      </header>
      <main className="board-screen__main">
        {problem ? (
          <AlertBanner tone="problem" messages={[problem]} />
        ) : (
          <p className="board-screen__status" role="status">
            Loading the board…
          </p>
        )}
      </main>
    </div>
  )
}

/** The library entry, kept current when it changes elsewhere (renamed in another window, trashed…). */
function useLatestWorkshop(initial: WorkshopSummary): [WorkshopSummary, (workshop: WorkshopSummary) => void] {
  const [workshop, setWorkshop] = useState(initial)
  useEffect(() => {
    let current = true
    const stopListening = api.on('library', 'changed', () => {
      api.library.list().then(
        (list) => {
          const latest = list.find((candidate) => candidate.id === initial.id)
          if (current && latest) setWorkshop(latest)
        },
        // The board keeps working on what it knows; the library screen reports list failures.
        () => undefined
      )
    })
    return () => {
      current = false
      stopListening()
    }
  }, [initial.id])
  return [workshop, setWorkshop]
}

function OpenBoardScreen({ board }: { board: OpenBoard }) {
  const { model: workshopModel, persistence } = board
  const { board: model } = useSyncExternalStore(workshopModel.editing.subscribe, workshopModel.editing.getSnapshot)
  const { canUndo, canRedo } = useSyncExternalStore(model.undo.subscribe, model.undo.getSnapshot)
  const flow = useSyncExternalStore(workshopModel.flow.subscribe, workshopModel.flow.getSnapshot)
  const saveProblem = useSyncExternalStore(persistence.saveProblem.subscribe, persistence.saveProblem.getSnapshot)
  const [workshop, setWorkshop] = useLatestWorkshop(board.workshop)
  const [loadNotice, setLoadNotice] = useState(persistence.notice)
  const [renameProblem, setRenameProblem] = useState<string | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const live = useLiveSession(workshop.id, persistence.doc)
  const connection = live.state.status === 'live' ? live.state.connection : null
  const people = usePeople(connection)
  const record = useFacilitatorRecord(workshop)
  const [livePanelOpen, setLivePanelOpen] = useState(true)
  const livePanelId = useId()
  useDocumentTitle(workshop.title)
  const historyShown = useBoardHistoryShown(workshopModel, 'facilitator')
  useHistoryShortcuts(model.undo, historyShown)

  // Before paint and before anyone can click: a screen reader starts at the workshop's name.
  useLayoutEffect(() => {
    heading.current?.focus()
  }, [])

  const rename = useCallback(
    async (title: string) => {
      setRenameProblem(null)
      try {
        const renamed = await api.library.rename(workshop.id, title)
        setWorkshop(renamed)
        model.intents.setWorkshopTitle(renamed.title)
        return true
      } catch (error) {
        setRenameProblem(userMessage(error))
        return false
      }
    },
    [workshop.id, model, setWorkshop]
  )

  const notices = [loadNotice, workshop.trashedAt ? TRASHED_NOTICE : null].filter((notice) => notice !== null)
  const problems = [saveProblem, renameProblem].filter((problem) => problem !== null)

  return (
    <div className="board-screen">
      <BoardHeader
        title={workshop.title}
        headingRef={heading}
        onBack={goToLibrary}
        onRename={rename}
        history={historyShown}
        canUndo={canUndo}
        canRedo={canRedo}
        onUndo={model.undo.undo}
        onRedo={model.undo.redo}
        live={
          <LiveButton
            state={live.state}
            panelId={livePanelId}
            panelOpen={livePanelOpen}
            finalized={flow.finalizedAt !== null}
            onGoLive={() => {
              setLivePanelOpen(true)
              void live.goLive()
            }}
            onTogglePanel={() => setLivePanelOpen((open) => !open)}
          />
        }
      />
      <div className="live-layout">
        <main className="board-screen__main">
          {/* Save problems clear themselves once a retry works, so they offer no Dismiss. */}
          <AlertBanner tone="problem" messages={problems} onDismiss={renameProblem ? () => setRenameProblem(null) : undefined} />
          {live.state.status !== 'live' && (
            <AlertBanner tone="problem" messages={live.problem ? [live.problem] : []} onDismiss={live.dismissProblem} />
          )}
          <AlertBanner tone="notice" messages={notices} onDismiss={loadNotice ? () => setLoadNotice(null) : undefined} />
          <WorkshopView workshop={workshopModel} role="facilitator" people={people} live={connection} record={record} />
        </main>
        {live.state.status === 'live' && livePanelOpen && (
          <LivePanel
            id={livePanelId}
            session={live.state.session}
            privateRound={openPrivateRound(flow)}
            connection={live.state.connection}
            problem={live.problem}
            onDismissProblem={live.dismissProblem}
            onNewCode={live.newCode}
            onEnd={live.end}
          />
        )}
      </div>
    </div>
  )
}

export function BoardScreen({ workshopId }: { workshopId: string }) {
  const { report } = useAppAlerts()
  const session = useBoardSession(workshopId, report)
  if (session.status === 'open') return <OpenBoardScreen board={session.board} />
  return <BoardPlaceholder problem={session.status === 'failed' ? session.message : null} />
}
