interface HistoryButtonsProps {
  canUndo: boolean
  canRedo: boolean
  onUndo(): void
  onRedo(): void
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const UNDO_HINT = isMac ? 'Undo (⌘Z)' : 'Undo (Ctrl+Z)'
const REDO_HINT = isMac ? 'Redo (⇧⌘Z)' : 'Redo (Ctrl+Y or Ctrl+Shift+Z)'

/** Undo and Redo of this person's own board edits, with their shortcuts announced. */
export function HistoryButtons({ canUndo, canRedo, onUndo, onRedo }: HistoryButtonsProps) {
  return (
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
  )
}
