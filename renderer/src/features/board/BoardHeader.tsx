import { useEffect, useRef, useState, type RefObject } from 'react'
import { TITLE_MAX_LENGTH } from '../../../../shared/workshop'
import { InlineTextEdit } from '../../ui/InlineTextEdit'

interface BoardHeaderProps {
  title: string
  headingRef: RefObject<HTMLHeadingElement | null>
  onBack(): void
  /** Resolves true once renamed; false keeps the title box open. */
  onRename(title: string): Promise<boolean>
  canUndo: boolean
  canRedo: boolean
  onUndo(): void
  onRedo(): void
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const UNDO_HINT = isMac ? 'Undo (⌘Z)' : 'Undo (Ctrl+Z)'
const REDO_HINT = isMac ? 'Redo (⇧⌘Z)' : 'Redo (Ctrl+Y or Ctrl+Shift+Z)'

export function BoardHeader({ title, headingRef, onBack, onRename, canUndo, canRedo, onUndo, onRedo }: BoardHeaderProps) {
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
      <div className="board-header__history">
        <button
          type="button"
          className="button button--small"
          disabled={!canUndo}
          title={UNDO_HINT}
          aria-keyshortcuts={isMac ? 'Meta+Z' : 'Control+Z'}
          onClick={onUndo}
        >
          Undo
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!canRedo}
          title={REDO_HINT}
          aria-keyshortcuts={isMac ? 'Meta+Shift+Z' : 'Control+Y Control+Shift+Z'}
          onClick={onRedo}
        >
          Redo
        </button>
      </div>
    </header>
  )
}
