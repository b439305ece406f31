import { useLayoutEffect, useMemo, useRef, useState, type ClipboardEvent, type RefObject } from 'react'
import type { TextBinding, TextField, TextSelection } from '../crdt/collaborativeText'
import { limitLength } from '../crdt/noteText'

/** A <textarea> as the text binding sees it. */
export function textareaField(textarea: HTMLTextAreaElement): TextField {
  return {
    getValue: () => textarea.value,
    setValue(value) {
      // Setting the value scrolls a browser's box to the top; a peer's typing must not.
      const { scrollTop } = textarea
      textarea.value = value
      textarea.scrollTop = scrollTop
    },
    getSelection(): TextSelection | null {
      if (textarea.ownerDocument.activeElement !== textarea) return null
      return { start: textarea.selectionStart, end: textarea.selectionEnd, direction: textarea.selectionDirection ?? 'none' }
    },
    setSelection: ({ start, end, direction }) => textarea.setSelectionRange(start, end, direction)
  }
}

export interface CollaborativeText {
  ref: RefObject<HTMLTextAreaElement | null>
  /** Spread onto the <textarea>, which must be uncontrolled (no `value`): the binding writes it. */
  handlers: {
    onChange(): void
    onCompositionStart(): void
    onCompositionEnd(): void
    onPaste(event: ClipboardEvent<HTMLTextAreaElement>): void
  }
  /** The last thing typed or pasted did not fit and was cut: say so. */
  wasCut: boolean
}

/**
 * Binds a <textarea> to shared text for live co-editing: what this person types is sent as
 * they type, and what others type appears with this person's caret kept in place.
 * `bind` comes from the crdt model (e.g. `model.bindDefinition`) and must be stable.
 */
export function useCollaborativeText(bind: (field: TextField) => TextBinding, maxLength: number): CollaborativeText {
  const ref = useRef<HTMLTextAreaElement>(null)
  const binding = useRef<TextBinding | null>(null)
  const [wasCut, setWasCut] = useState(false)

  // Before paint, so the box never shows empty for a frame.
  useLayoutEffect(() => {
    const textarea = ref.current
    if (!textarea) return
    const current = bind(textareaField(textarea))
    binding.current = current
    return () => {
      current.destroy()
      if (binding.current === current) binding.current = null
    }
  }, [bind])

  const handlers = useMemo(
    () => ({
      onChange() {
        const result = binding.current?.input()
        if (result) setWasCut(result.truncated)
      },
      onCompositionStart() {
        binding.current?.compositionStart()
      },
      onCompositionEnd() {
        const result = binding.current?.compositionEnd()
        if (result?.truncated) setWasCut(true)
      },
      onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
        const field = event.currentTarget
        const pasted = event.clipboardData.getData('text/plain')
        const keptLength = field.value.length - (field.selectionEnd - field.selectionStart)
        if (keptLength + pasted.length <= maxLength) return
        // Inserted by hand, cut first: letting the browser lay out a 10 MB paste would freeze the page.
        event.preventDefault()
        const room = Math.max(0, maxLength - keptLength)
        field.setRangeText(limitLength(pasted, room).text, field.selectionStart, field.selectionEnd, 'end')
        binding.current?.input()
        setWasCut(true)
      }
    }),
    [maxLength]
  )

  return { ref, handlers, wasCut }
}
