import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { WorkshopSummary } from '../../../../shared/workshop'
import { AlertBanner } from '../../ui/AlertBanner'
import { useDocumentTitle } from '../../useDocumentTitle'
import { navigate } from '../../useRoute'
import { userMessage } from '../../ui/userMessage'
import { JoinSessionDialog } from '../join/JoinSessionDialog'
import { DeleteForeverDialog } from './DeleteForeverDialog'
import { NewWorkshopDialog } from './NewWorkshopDialog'
import { useWorkshops } from './useWorkshops'
import { filterByTitle, splitByTrash } from './workshopList'
import { TrashListItem, WorkshopListItem, type RunLibraryAction } from './WorkshopListItems'
import './library.css'

function FirstRun({ everythingTrashed }: { everythingTrashed: boolean }) {
  return (
    <div className="library__empty">
      {everythingTrashed ? (
        <>
          <h2>Every workshop is in the trash</h2>
          <p>Open the trash to restore one, or start a new workshop.</p>
        </>
      ) : (
        <>
          <h2>No workshops yet</h2>
          <p>
            Choose <strong>New workshop</strong>, pick a template and give it a title: the board is ready for your
            team to fill.
          </p>
        </>
      )}
    </div>
  )
}

export function LibraryScreen() {
  useDocumentTitle(null)
  const [problem, setProblem] = useState<string | null>(null)
  const { workshops, refresh } = useWorkshops(setProblem)
  const [query, setQuery] = useState('')
  const [trashOpen, setTrashOpen] = useState(false)
  const [creating, setCreating] = useState(false)
  const [joining, setJoining] = useState(false)
  const [deleting, setDeleting] = useState<WorkshopSummary | null>(null)
  const heading = useRef<HTMLHeadingElement>(null)
  const trashId = useId()

  // Where a screen reader starts after coming back from a board.
  useLayoutEffect(() => {
    heading.current?.focus()
  }, [])

  const run: RunLibraryAction = useCallback(
    async (action) => {
      setProblem(null)
      try {
        await action()
        refresh()
        return true
      } catch (error) {
        setProblem(userMessage(error))
        return false
      }
    },
    [refresh]
  )
  const open = useCallback((workshopId: string) => navigate({ screen: 'board', workshopId }), [])

  const { active, trashed } = useMemo(() => splitByTrash(workshops ?? []), [workshops])
  const shown = useMemo(() => filterByTitle(active, query), [active, query])

  let content
  if (workshops === null) {
    content = <p className="library__status">Loading your workshops…</p>
  } else if (active.length === 0) {
    content = <FirstRun everythingTrashed={trashed.length > 0} />
  } else if (shown.length === 0) {
    content = <p className="library__status">{`No workshops match “${query.trim()}”.`}</p>
  } else {
    content = (
      <ul className="workshop-list" aria-label="Workshops">
        {shown.map((workshop) => (
          <WorkshopListItem key={workshop.id} workshop={workshop} onOpen={open} run={run} />
        ))}
      </ul>
    )
  }

  return (
    <main className="library">
      <header className="library__header">
        <div>
          <h1 ref={heading} tabIndex={-1}>
            Workshops
          </h1>
          <p className="library__lede">Sessions where your team defines its values, maps the employee journey and plans the programs that improve it.</p>
        </div>
        <div className="library__header-actions">
          <button type="button" className="button" onClick={() => setJoining(true)}>
            Join a session
          </button>
          <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
            New workshop
          </button>
        </div>
      </header>

      <AlertBanner tone="problem" messages={problem ? [problem] : []} onDismiss={() => setProblem(null)} />

      <div className="library__toolbar">
        <label className="search">
          <span className="visually-hidden">Search workshops</span>
          <input
            type="search"
            className="search__input"
            placeholder="Search by title"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <button
          type="button"
          className="button"
          aria-expanded={trashOpen}
          aria-controls={trashOpen ? trashId : undefined}
          onClick={() => setTrashOpen((open) => !open)}
        >
          {`Trash (${trashed.length})`}
        </button>
      </div>

      {content}

      {trashOpen && (
        <section id={trashId} className="trash" aria-labelledby={`${trashId}-heading`}>
          <h2 id={`${trashId}-heading`}>Trash</h2>
          <p className="trash__note">Workshops in the trash can be restored until you delete them forever.</p>
          {trashed.length === 0 ? (
            <p className="library__status">The trash is empty.</p>
          ) : (
            <ul className="workshop-list" aria-label="Trash">
              {trashed.map((workshop) => (
                <TrashListItem key={workshop.id} workshop={workshop} onOpen={open} run={run} onDeleteForever={setDeleting} />
              ))}
            </ul>
          )}
        </section>
      )}

      {joining && <JoinSessionDialog onClose={() => setJoining(false)} />}
      {creating && <NewWorkshopDialog onCancel={() => setCreating(false)} onCreated={(workshop) => open(workshop.id)} />}
      {deleting && (
        <DeleteForeverDialog
          workshop={deleting}
          onCancel={() => setDeleting(null)}
          onDeleted={() => {
            setDeleting(null)
            refresh()
          }}
        />
      )}
    </main>
  )
}
