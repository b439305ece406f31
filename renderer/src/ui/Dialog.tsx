import { useEffect, useId, useRef, type ReactNode } from 'react'

interface DialogProps {
  /** Also the dialog's accessible name. */
  title: string
  /** Escape, or the caller's own Cancel button. */
  onClose(): void
  children: ReactNode
  /** A tap or click outside the dialog closes it too, as for a popover (a list to glance at, not a question). */
  lightDismiss?: boolean
  /** A look other than the centred card, e.g. `dialog--sheet`. */
  className?: string
}

/** Whether a click landed outside the dialog's box, i.e. on its backdrop. */
function onBackdrop(dialog: HTMLElement, event: MouseEvent): boolean {
  const box = dialog.getBoundingClientRect()
  return event.clientX < box.left || event.clientX > box.right || event.clientY < box.top || event.clientY > box.bottom
}

/**
 * A modal dialog on the native <dialog>: the browser keeps focus inside it and makes the
 * page behind it inert. Focus starts on the element marked `data-autofocus` (else the
 * first field) and returns to where it was when the dialog closes.
 */
export function Dialog({ title, onClose, children, lightDismiss = false, className }: DialogProps) {
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
      className={className ? `dialog ${className}` : 'dialog'}
      aria-labelledby={titleId}
      onClick={(event) => {
        // The backdrop belongs to the <dialog> itself: only where the click landed tells them apart.
        if (lightDismiss && event.target === event.currentTarget && onBackdrop(event.currentTarget, event.nativeEvent)) onClose()
      }}
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
