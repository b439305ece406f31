import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { LOCAL_ORIGIN } from '../../../../renderer/src/crdt/boardDoc'
import { bindTextInput, diffText, mapIndex, replaceText } from '../../../../renderer/src/crdt/collaborativeText'
import { peerOf, sync } from './boardFixtures'
import { FakeField } from './fakeField'

function textDoc(initial = ''): { doc: Y.Doc; text: Y.Text } {
  const doc = new Y.Doc()
  const text = doc.getText('t')
  if (initial) text.insert(0, initial)
  return { doc, text }
}

describe('diffText', () => {
  it('finds the one changed stretch between the common start and end', () => {
    expect(diffText('We own it', 'We own it')).toBeNull()
    expect(diffText('We own it', 'We fully own it')).toEqual({ index: 3, remove: 0, insert: 'fully ' })
    expect(diffText('We fully own it', 'We own it')).toEqual({ index: 3, remove: 6, insert: '' })
    expect(diffText('We own it', 'We keep it')).toEqual({ index: 3, remove: 3, insert: 'keep' })
    expect(diffText('', 'Hello')).toEqual({ index: 0, remove: 0, insert: 'Hello' })
    expect(diffText('Hello', '')).toEqual({ index: 0, remove: 5, insert: '' })
  })

  it('does not count the same characters twice when a repeat is typed', () => {
    expect(diffText('aa', 'aaa')).toEqual({ index: 2, remove: 0, insert: 'a' })
    expect(diffText('abab', 'ab')).toEqual({ index: 2, remove: 2, insert: '' })
  })

  it('never splits an emoji in two', () => {
    // 😀 and 😁 share their first UTF-16 unit.
    expect(diffText('a😀b', 'a😁b')).toEqual({ index: 1, remove: 2, insert: '😁' })
    // U+1F600 and U+2F600 share their second unit.
    expect(diffText('x\u{1F600}', 'x\u{2F600}')).toEqual({ index: 1, remove: 2, insert: '\u{2F600}' })
  })
})

describe('mapIndex', () => {
  const delta = [{ retain: 3 }, { insert: 'XY' }, { delete: 2 }]
  it('moves positions after a change by what it added or removed', () => {
    expect(mapIndex(1, delta, 'left')).toBe(1)
    expect(mapIndex(7, delta, 'left')).toBe(7)
    expect(mapIndex(9, [{ retain: 2 }, { delete: 3 }], 'left')).toBe(6)
  })

  it('leans left or right at an insertion, and lands at a deletion inside deleted text', () => {
    expect(mapIndex(3, delta, 'left')).toBe(3)
    expect(mapIndex(3, delta, 'right')).toBe(5)
    expect(mapIndex(4, delta, 'left')).toBe(5)
    expect(mapIndex(4, [{ retain: 2 }, { delete: 3 }], 'left')).toBe(2)
  })
})

describe('bindTextInput', () => {
  it('shows the text at once and sends typing as one small edit', () => {
    const { doc, text } = textDoc('We own problems')
    const field = new FakeField()
    const binding = bindTextInput(text, field, { maxLength: 400 })
    expect(field.value).toBe('We own problems')

    const origins: unknown[] = []
    const deltas: unknown[] = []
    doc.on('update', (_update: Uint8Array, origin: unknown) => origins.push(origin))
    text.observe((event) => deltas.push(event.delta))
    field.caret(3)
    field.type('fully ')
    expect(binding.input()).toEqual({ truncated: false })

    expect(text.toString()).toBe('We fully own problems')
    expect(origins).toEqual([LOCAL_ORIGIN])
    expect(deltas).toEqual([[{ retain: 3 }, { insert: 'fully ' }]])
    binding.destroy()
  })

  it('keeps the caret where it was when a peer types before it', () => {
    const { doc, text } = textDoc('We call back')
    const field = new FakeField()
    const binding = bindTextInput(text, field, { maxLength: 400 })
    field.caret(7) // "We call| back"

    const peer = peerOf(doc)
    peer.getText('t').insert(0, 'Always: ')
    sync(doc, peer)

    expect(field.picture).toBe('Always: We call| back')
    binding.destroy()
  })

  it('keeps a selection around the same words when a peer deletes before it and types after it', () => {
    const { doc, text } = textDoc('Please We call the customer back')
    const field = new FakeField()
    const binding = bindTextInput(text, field, { maxLength: 400 })
    field.caret(15, 27) // "[the customer]"

    const peer = peerOf(doc)
    peer.transact(() => {
      peer.getText('t').delete(0, 7)
      peer.getText('t').insert(25, ' the same day')
    })
    sync(doc, peer)

    expect(field.picture).toBe('We call [the customer] back the same day')
    binding.destroy()
  })

  it('leaves the caret before what a peer types right at it', () => {
    const { doc, text } = textDoc('ab')
    const field = new FakeField()
    const binding = bindTextInput(text, field, { maxLength: 400 })
    field.caret(1)
    const peer = peerOf(doc)
    peer.getText('t').insert(1, 'XYZ')
    sync(doc, peer)
    expect(field.picture).toBe('a|XYZb')
    binding.destroy()
  })

  it('two people typing at once in one box both keep their words', () => {
    const { doc: alice, text: aliceText } = textDoc('We keep promises.')
    const bob = peerOf(alice)
    const aliceField = new FakeField()
    const bobField = new FakeField()
    const aliceBinding = bindTextInput(aliceText, aliceField, { maxLength: 400 })
    const bobBinding = bindTextInput(bob.getText('t'), bobField, { maxLength: 400 })

    aliceField.caret(8)
    aliceField.type('our ')
    aliceBinding.input()
    bobField.caret(16)
    bobField.type(' to customers')
    bobBinding.input()
    sync(alice, bob)

    expect(aliceText.toString()).toBe('We keep our promises to customers.')
    expect(bob.getText('t').toString()).toBe('We keep our promises to customers.')
    expect(aliceField.picture).toBe('We keep our |promises to customers.')
    expect(bobField.picture).toBe('We keep our promises to customers|.')
    aliceBinding.destroy()
    bobBinding.destroy()
  })

  it('cuts typing at the length limit, says so, and keeps the caret after what fitted', () => {
    const { text } = textDoc('12345678')
    const field = new FakeField()
    const binding = bindTextInput(text, field, { maxLength: 10 })
    field.caret(4)
    field.type('abcdef')
    expect(binding.input()).toEqual({ truncated: true })
    expect(text.toString()).toBe('1234ab5678')
    expect(field.picture).toBe('1234ab|5678')

    field.type('z')
    expect(binding.input()).toEqual({ truncated: true })
    expect(field.picture).toBe('1234ab|5678')
    binding.destroy()
  })

  it('shows a huge text from a faulty peer only up to the limit', () => {
    const { text } = textDoc('x'.repeat(100_000))
    const field = new FakeField()
    const binding = bindTextInput(text, field, { maxLength: 400 })
    expect(field.value).toHaveLength(400)
    binding.destroy()
  })

  it('does not rewrite the box while an input method composes, then merges both edits', () => {
    const { doc, text } = textDoc('Respect people')
    const field = new FakeField()
    const binding = bindTextInput(text, field, { maxLength: 400 })
    field.caret(14)
    binding.compositionStart()
    field.type(' 皆')
    expect(binding.input()).toEqual({ truncated: false })

    const peer = peerOf(doc)
    peer.getText('t').insert(0, 'We ')
    sync(doc, peer)
    expect(field.value).toBe('Respect people 皆')
    expect(text.toString()).toBe('We Respect people')

    field.type('さん')
    const writesBefore = field.setValueCalls
    binding.compositionEnd()
    expect(field.setValueCalls).toBe(writesBefore + 1)
    expect(text.toString()).toBe('We Respect people 皆さん')
    expect(field.picture).toBe('We Respect people 皆さん|')
    binding.destroy()
  })

  it('carries the edit through several peer changes that came in while composing', () => {
    const { doc, text } = textDoc('one two three')
    const field = new FakeField()
    const binding = bindTextInput(text, field, { maxLength: 400 })
    field.caret(7)
    binding.compositionStart()
    field.type('!')

    const peer = peerOf(doc)
    peer.getText('t').delete(0, 4) // "two three"
    sync(doc, peer)
    peer.getText('t').insert(9, ' four') // "two three four"
    sync(doc, peer)
    peer.getText('t').insert(0, 'zero ') // "zero two three four"
    sync(doc, peer)

    binding.compositionEnd()
    expect(text.toString()).toBe('zero two! three four')
    expect(field.picture).toBe('zero two!| three four')
    binding.destroy()
  })

  it('shows a change made by other code on this machine, and stops after destroy', () => {
    const { text } = textDoc('Old')
    const field = new FakeField()
    const binding = bindTextInput(text, field, { maxLength: 400 })
    replaceText(text, 'Old and new', 400)
    expect(field.value).toBe('Old and new')
    binding.destroy()
    replaceText(text, 'Later', 400)
    expect(field.value).toBe('Old and new')
    field.type('!')
    expect(binding.input()).toEqual({ truncated: false })
    expect(text.toString()).toBe('Later')
  })

  it('replaces the whole text when a faulty peer put embeds in it, rather than misplace the edit', () => {
    const { text } = textDoc('ab')
    text.insertEmbed(1, { image: 'x' })
    const field = new FakeField()
    const binding = bindTextInput(text, field, { maxLength: 400 })
    expect(field.value).toBe('ab')
    field.caret(2)
    field.type('c')
    binding.input()
    expect(text.toString()).toBe('abc')
    expect(text.length).toBe(3)
    binding.destroy()
  })
})

describe('replaceText', () => {
  it('applies the smallest edit, so a peer’s concurrent typing elsewhere survives', () => {
    const { doc: alice, text } = textDoc('We listen.')
    const bob = peerOf(alice)
    replaceText(text, 'We listen first.', 400)
    replaceText(bob.getText('t'), 'Always: We listen.', 400)
    sync(alice, bob)
    expect(text.toString()).toBe('Always: We listen first.')
    expect(bob.getText('t').toString()).toBe(text.toString())
  })

  it('cuts to the limit and reports nothing changed for the same text', () => {
    const { text } = textDoc('Same')
    expect(replaceText(text, 'Same', 400)).toEqual({ changed: false, truncated: false })
    expect(replaceText(text, 'x'.repeat(500), 400)).toEqual({ changed: true, truncated: true })
    expect(text.length).toBe(400)
  })
})
