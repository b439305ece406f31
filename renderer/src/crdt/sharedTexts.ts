/**
 * Texts a group writes together, each a Y.Text under a key of a Y.Map (a value's definition,
 * the program plan's texts and the cells of its outcomes): a defensive reader (a peer may have
 * written a plain string, or anything else), setting a whole text from code, and the binding
 * of a text box that follows the text when a peer replaces it. textLists.ts does the same for
 * lists of short texts.
 */
import * as Y from 'yjs'
import { LOCAL_ORIGIN } from './boardDoc'
import { bindTextInput, replaceText, shownText, type TextBinding, type TextField, type TextInputResult } from './collaborativeText'
import type { DeepObservable } from './externalStore'
import { limitLength } from './noteText'
import { boundedString, changed, unchanged, type EditResult } from './textLists'

/** The text under `key`: a Y.Text normally, a plain string if a peer wrote one. */
export function readSharedText(container: Y.Map<unknown>, key: string, maxLength: number): string {
  const value = container.get(key)
  if (value instanceof Y.Text) return shownText(value, maxLength)
  return boundedString(value, maxLength)
}

/** The text under `key` as a Y.Text, replacing a plain string (or anything else) a peer wrote. Call inside a transaction. */
export function writableSharedText(container: Y.Map<unknown>, key: string, maxLength: number): Y.Text {
  const value = container.get(key)
  if (value instanceof Y.Text) return value
  const repaired = new Y.Text(boundedString(value, maxLength))
  container.set(key, repaired)
  return repaired
}

/**
 * Sets a whole text with the smallest edit, so a peer typing elsewhere in it keeps their
 * words. `container` null: it is gone. A text box uses `bindSharedText`, which also keeps its caret.
 */
export function setSharedText(doc: Y.Doc, container: Y.Map<unknown> | null, key: string, text: string, maxLength: number): EditResult {
  if (!container) return unchanged('missing')
  const current = container.get(key)
  if (current instanceof Y.Text) {
    const result = replaceText(current, text, maxLength, LOCAL_ORIGIN)
    return result.changed ? changed(result.truncated) : unchanged(null, result.truncated)
  }
  const { text: bounded, truncated } = limitLength(text, maxLength)
  doc.transact(() => container.set(key, new Y.Text(bounded)), LOCAL_ORIGIN)
  return changed(truncated)
}

/**
 * Keeps a text box and the Y.Text under `key` of the map `locate` finds in step, for live
 * co-editing (see collaborativeText.ts). Any change within `scope` is a cue to look again, so
 * the box follows when a peer replaces the text or the map holding it; a text that is still
 * the same keeps its binding. A text that is a plain string a peer wrote, or missing, becomes
 * a Y.Text on the first keystroke. When the map itself is gone the box keeps what it shows:
 * what holds the box is about to go too.
 */
export function bindSharedText(
  doc: Y.Doc,
  scope: DeepObservable,
  locate: () => Y.Map<unknown> | null,
  key: string,
  maxLength: number,
  field: TextField
): TextBinding {
  let text: Y.Text | null = null
  let inner: TextBinding | null = null
  let composing = false

  function rebind() {
    const container = locate()
    const value = container?.get(key)
    const next = value instanceof Y.Text ? value : null
    if (next && next === text) return
    inner?.destroy()
    text = next
    inner = next ? bindTextInput(next, field, { maxLength }) : null
    if (inner && composing) inner.compositionStart()
    // Rewriting the box while an input method composes would cancel the composition.
    if (!inner && container && !composing) {
      const plain = boundedString(value, maxLength)
      if (field.getValue() !== plain) field.setValue(plain)
    }
  }

  /** A first keystroke into a text that is not a Y.Text yet: make it one, then send it. */
  function repairAndInput(): TextInputResult {
    const container = locate()
    if (!container) return { truncated: false }
    const typed = field.getValue()
    const selection = field.getSelection()
    doc.transact(() => writableSharedText(container, key, maxLength), LOCAL_ORIGIN)
    // The repair rebound the field to the new Y.Text, which showed its text: put back what was typed.
    field.setValue(typed)
    if (selection) field.setSelection(selection)
    return inner ? inner.input() : { truncated: false }
  }

  scope.observeDeep(rebind)
  rebind()

  return {
    input: () => (inner ? inner.input() : repairAndInput()),
    compositionStart() {
      composing = true
      inner?.compositionStart()
    },
    compositionEnd() {
      composing = false
      return inner ? inner.compositionEnd() : repairAndInput()
    },
    destroy() {
      scope.unobserveDeep(rebind)
      inner?.destroy()
      inner = null
    }
  }
}

/** The text-box bindings a model hands out, so that destroying the model takes back those still open. */
export function createOpenBindings(): { track(binding: TextBinding): TextBinding; destroyAll(): void } {
  const open = new Set<TextBinding>()
  return {
    track(binding) {
      const tracked: TextBinding = {
        input: binding.input,
        compositionStart: binding.compositionStart,
        compositionEnd: binding.compositionEnd,
        // Once: the model and the component holding the box may both take it back.
        destroy() {
          if (open.delete(tracked)) binding.destroy()
        }
      }
      open.add(tracked)
      return tracked
    },
    destroyAll() {
      for (const binding of [...open]) binding.destroy()
    }
  }
}
