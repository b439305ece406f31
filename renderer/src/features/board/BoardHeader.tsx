import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react'
import { TITLE_MAX_LENGTH } from '../../../../shared/workshop'
import { InlineTextEdit } from '../../ui/InlineTextEdit'
import { HistoryButtons } from './HistoryButtons'

interface BoardHeaderProps {
  title: string
  headingRef: RefObject<HTMLHeadingElement | null>
  onBack(): void
  /** Resolves true once renamed; false keeps the title box open. */
  onRename(title: string): Promise<boolean>
  /** Whether Undo and Redo are offered now. */
  history: boolean
  canUndo: boolean
  canRedo: boolean
  onUndo(): void
  onRedo(): void
  /** The live session's control (Go live), before Undo and Redo. */
  live?: ReactNode
}

export function BoardHeader({
  title,
  headingRef,
  onBack,
  onRename,
  history,
  canUndo,
  canRedo,
  onUndo,
  onRedo,
  live
}: BoardHeaderProps) {
  const [renaming, setRenaming] = useState(false)
  const renameButton = useRef<HTMLButtonElement>(null)
  const focusRenameButton = useRef(false)
  const stopRenaming = () => {
    focusRenameButton.current = true
    setRenaming(false)
  }

  useEffect(() => {
    // The button is back only after the title box has gone; focus follows it there.
    if (renaming || !focusRenameButton.current) return
    focusRenameButton.current = false
    renameButton.current?.focus()
  }, [renaming])

  return (
    <header className="board-header">
      <button type="button" className="button button--quiet" onClick={onBack}>
        <span aria-hidden="true">←</span> Back to workshops
      </button>
      <div className="board-header__title">
        {renaming ? (
          <InlineTextEdit
            label="Workshop title"
            initialValue={title}
            maxLength={TITLE_MAX_LENGTH}
            emptyMessage="A workshop needs a title."
            onSave={async (next) => {
              const renamed = await onRename(next)
              if (renamed) stopRenaming()
              return renamed
            }}
            onCancel={stopRenaming}
          />
        ) : (
          <h1 ref={headingRef} tabIndex={-1}>
            {title}
          </h1>
        )}
        {!renaming && (
          <button ref={renameButton} type="button" className="button button--small" onClick={() => setRenaming(true)}>
            Rename
          </button>
        )}
      </div>
      {live}
      {history && <HistoryButtons canUndo={canUndo} canRedo={canRedo} onUndo={onUndo} onRedo={onRedo} />}
    </header>
  )
}
