import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { bindSharedText, createOpenBindings, readSharedText, setSharedText } from '../../../../renderer/src/crdt/sharedTexts'
import { FakeField } from './fakeField'

/** Rows of shared texts, as the program plan's outcomes hold them: row id → Y.Map with a "note". */
function rowsDoc(): { doc: Y.Doc; rows: Y.Map<unknown>; row: (id: string) => Y.Map<unknown> | null } {
  const doc = new Y.Doc()
  const all = doc.getMap<unknown>('rows')
  const row = (id: string) => {
    const entry = all.get(id)
    return entry instanceof Y.Map ? (entry as Y.Map<unknown>) : null
  }
  return { doc, rows: all, row }
}

describe('sharedTexts', () => {
  it('reads a plain string a peer wrote, bounded, and anything else as empty', () => {
    const { rows: all } = rowsDoc()
    const entry = new Y.Map<unknown>([
      ['plain', 'p'.repeat(50)],
      ['number', 42]
    ])
    all.set('a', entry)
    expect(readSharedText(entry, 'plain', 10)).toBe('p'.repeat(10))
    expect(readSharedText(entry, 'number', 10)).toBe('')
    expect(readSharedText(entry, 'missing', 10)).toBe('')
  })

  it('refuses to set a text whose map is gone', () => {
    const { doc } = rowsDoc()
    expect(setSharedText(doc, null, 'note', 'Lost', 100)).toEqual({ changed: false, truncated: false, refused: 'missing' })
  })

  it('follows a text that moves into a row added later, and keeps the box as it is when the row goes', () => {
    const { doc, rows: all, row } = rowsDoc()
    const field = new FakeField()
    const binding = bindSharedText(doc, all, () => row('r1'), 'note', 100, field)
    expect(field.value).toBe('')
    all.set('r1', new Y.Map<unknown>([['note', new Y.Text('Written by a peer')]]))
    expect(field.value).toBe('Written by a peer')
    field.type('!')
    binding.input()
    expect(readSharedText(row('r1')!, 'note', 100)).toBe('Written by a peer!')

    all.delete('r1')
    expect(field.value).toBe('Written by a peer!')
    binding.destroy()
  })

  it('takes back every binding still open, once', () => {
    const { doc, rows: all, row } = rowsDoc()
    all.set('r1', new Y.Map<unknown>([['note', new Y.Text('Before')]]))
    const open = createOpenBindings()
    const field = new FakeField()
    const binding = open.track(bindSharedText(doc, all, () => row('r1'), 'note', 100, field))
    open.destroyAll()
    binding.destroy()
    setSharedText(doc, row('r1'), 'note', 'After', 100)
    expect(field.value).toBe('Before')
  })
})
