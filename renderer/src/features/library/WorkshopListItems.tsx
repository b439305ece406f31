import { useRef, useState } from 'react'
import { TITLE_MAX_LENGTH, type WorkshopSummary } from '../../../../shared/workshop'
import { api } from '../../platform/api'
import { formatDateTime } from '../../ui/formatDateTime'
import { InlineTextEdit } from '../../ui/InlineTextEdit'
import { ExportDialog } from '../export/ExportDialog'
import { STATUS_LABELS, templateName } from './workshopList'

/** Runs a library call, shows its error if it fails, refreshes the list; true when it worked. */
export type RunLibraryAction = (action: () => Promise<unknown>) => Promise<boolean>

interface WorkshopListItemProps {
  workshop: WorkshopSummary
  onOpen(workshopId: string): void
  run: RunLibraryAction
}

function OpenWorkshopButton({ workshop, onOpen }: Pick<WorkshopListItemProps, 'workshop' | 'onOpen'>) {
  return (
    <button type="button" className="workshop__open" aria-label={`Open ${workshop.title}`} onClick={() => onOpen(workshop.id)}>
      {workshop.title}
    </button>
  )
}

function Timestamp({ label, iso }: { label: string; iso: string }) {
  return (
    <span>
      {label} <time dateTime={iso}>{formatDateTime(iso)}</time>
    </span>
  )
}

export function WorkshopListItem({ workshop, onOpen, run }: WorkshopListItemProps) {
  const [renaming, setRenaming] = useState(false)
  const [exporting, setExporting] = useState(false)
  const renameButton = useRef<HTMLButtonElement>(null)
  const stopRenaming = () => {
    setRenaming(false)
    renameButton.current?.focus()
  }

  return (
    <li className="workshop">
      <div className="workshop__summary">
        {renaming ? (
          <InlineTextEdit
            label="New title"
            initialValue={workshop.title}
            maxLength={TITLE_MAX_LENGTH}
            emptyMessage="A workshop needs a title."
            onSave={async (title) => {
              const renamed = await run(() => api.library.rename(workshop.id, title))
              if (renamed) stopRenaming()
              return renamed
            }}
            onCancel={stopRenaming}
          />
        ) : (
          <OpenWorkshopButton workshop={workshop} onOpen={onOpen} />
        )}
        <p className="workshop__facts">
          <span>{templateName(workshop)}</span>
          <span className={`status status--${workshop.status}`}>{STATUS_LABELS[workshop.status]}</span>
        </p>
        <p className="workshop__dates">
          <Timestamp label="Created" iso={workshop.createdAt} />
          <Timestamp label="Edited" iso={workshop.updatedAt} />
        </p>
      </div>
      <div className="workshop__actions">
        {workshop.status === 'finalized' && (
          <button type="button" className="button button--small" onClick={() => setExporting(true)}>
            Export
          </button>
        )}
        <button ref={renameButton} type="button" className="button button--small" onClick={() => setRenaming(true)}>
          Rename
        </button>
        <button type="button" className="button button--small" onClick={() => void run(() => api.library.duplicate(workshop.id))}>
          Duplicate
        </button>
        <button type="button" className="button button--small" onClick={() => void run(() => api.library.trash(workshop.id))}>
          Move to trash
        </button>
      </div>
      {exporting && <ExportDialog workshop={workshop} onClose={() => setExporting(false)} />}
    </li>
  )
}

interface TrashListItemProps {
  workshop: WorkshopSummary
  onOpen(workshopId: string): void
  run: RunLibraryAction
  onDeleteForever(workshop: WorkshopSummary): void
}

export function TrashListItem({ workshop, onOpen, run, onDeleteForever }: TrashListItemProps) {
  return (
    <li className="workshop workshop--trashed">
      <div className="workshop__summary">
        <OpenWorkshopButton workshop={workshop} onOpen={onOpen} />
        <p className="workshop__facts">
          <span>{templateName(workshop)}</span>
        </p>
        <p className="workshop__dates">
          <Timestamp label="Moved to the trash" iso={workshop.trashedAt ?? workshop.updatedAt} />
        </p>
      </div>
      <div className="workshop__actions">
        <button type="button" className="button button--small" onClick={() => void run(() => api.library.restore(workshop.id))}>
          Restore
        </button>
        <button type="button" className="button button--small button--danger-quiet" onClick={() => onDeleteForever(workshop)}>
          Delete forever
        </button>
      </div>
    </li>
  )
}
