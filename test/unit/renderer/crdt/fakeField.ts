import type { TextField, TextSelection } from '../../../../renderer/src/crdt/collaborativeText'

/** A text box without a DOM: what a person sees and where their caret is. */
export class FakeField implements TextField {
  value = ''
  selection: TextSelection | null = null
  focused = true
  setValueCalls = 0

  getValue = () => this.value
  setValue = (value: string) => {
    this.value = value
    this.setValueCalls++
    // A browser puts the caret at the end when a script sets the value.
    if (this.selection) this.selection = { start: value.length, end: value.length, direction: 'none' }
  }
  getSelection = () => (this.focused ? this.selection : null)
  setSelection = (selection: TextSelection) => {
    this.selection = { ...selection }
  }

  /** The person types `text` at the caret (replacing a selection), as a browser would. */
  type(text: string): void {
    const { start, end } = this.selection ?? { start: this.value.length, end: this.value.length }
    this.value = this.value.slice(0, start) + text + this.value.slice(end)
    this.selection = { start: start + text.length, end: start + text.length, direction: 'none' }
  }

  caret(at: number, end = at): void {
    this.selection = { start: at, end, direction: 'none' }
  }

  /** The text with the caret drawn in as "|" (or the selection as "[...]"). */
  get picture(): string {
    const selection = this.selection
    if (!selection) return this.value
    if (selection.start === selection.end) return `${this.value.slice(0, selection.start)}|${this.value.slice(selection.start)}`
    return `${this.value.slice(0, selection.start)}[${this.value.slice(selection.start, selection.end)}]${this.value.slice(selection.end)}`
  }
}
