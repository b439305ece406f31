import { useEffect, useId, useRef, type ReactNode } from 'react'

interface DialogProps {
  /** Also the dialog's accessible name. */
  title: string
  /** Escape, or the caller's own Cancel button. */
  onClose(): void
  children: ReactNode
}

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside it and makes the
 * page behind it inert. Focus starts on the element marked `data-autofocus` (else the
 * first field) and returns to where it was when the dialog closes.
 */
export function Dialog({ title, onClose, children }: DialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null)
  const titleId = useId()

  useEffect(() => {
    const dialog = dialogRef.current
    if (!dialog) return
    const returnFocusTo = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (!dialog.open) dialog.showModal()
    dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus()
    return () => {
      dialog.close()
      if (returnFocusTo?.isConnected) returnFocusTo.focus()
    }
  }, [])

  return (
    <dialog
      ref={dialogRef}
      className="dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        // The caller decides when the dialog goes away, so its state stays the truth.
        event.preventDefault()
        onClose()
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {title}
      </h2>
      {children}
    </dialog>
  )
}
