import * as Y from 'yjs'
import { describe, expect, it, vi } from 'vitest'
import { DOC_KEYS } from '../../../../shared/board'
import type { TextField, TextSelection } from '../../../../renderer/src/crdt/collaborativeText'
import {
  addBehaviour,
  addExample,
  addValue,
  bindDefinition,
  BEHAVIOUR_MAX_LENGTH,
  buildValuesSnapshot,
  createValuesFromClusters,
  createValuesModel,
  createValuesSnapshotStore,
  dropValue,
  editBehaviour,
  editExample,
  EXAMPLE_MAX_LENGTH,
  MAX_BEHAVIOURS,
  MAX_VALUES,
  mergeValues,
  moveValue,
  readValues,
  removeBehaviour,
  removeExample,
  renameValue,
  setDefinition,
  VALUE_DEFINITION_MAX_LENGTH,
  VALUE_FIELDS,
  VALUE_NAME_MAX_LENGTH,
  valuesOf
} from '../../../../renderer/src/crdt/values'
import { peerOf, sync } from './boardFixtures'

const RANKING = [
  { clusterId: 'c-honest', name: 'Integrity' },
  { clusterId: 'c-customer', name: 'Customer obsessed' },
  { clusterId: 'c-own', name: 'Ownership' },
  { clusterId: 'c-respect', name: 'Respect' }
]

const names = (doc: Y.Doc) => readValues(doc).map((value) => value.name)
const valueOf = (doc: Y.Doc, id: string) => readValues(doc).find((value) => value.id === id)!

function add(doc: Y.Doc, name: string): string {
  const { valueId } = addValue(doc, name)
  if (!valueId) throw new Error(`could not add ${name}`)
  return valueId
}

/** A text box without a DOM, enough for bindDefinition. */
class FakeField implements TextField {
  value = ''
  selection: TextSelection | null = null
  getValue = () => this.value
  setValue = (value: string) => {
    this.value = value
    if (this.selection) this.selection = { start: value.length, end: value.length, direction: 'none' }
  }
  getSelection = () => this.selection
  setSelection = (selection: TextSelection) => {
    this.selection = { ...selection }
  }
  type(text: string, at = this.selection?.start ?? this.value.length): void {
    this.value = this.value.slice(0, at) + text + this.value.slice(this.selection?.end ?? at)
    this.selection = { start: at + text.length, end: at + text.length, direction: 'none' }
  }
}

describe('createValuesFromClusters', () => {
  it('makes the top clusters candidates, in ranking order, once', () => {
    const doc = new Y.Doc()
    expect(createValuesFromClusters(doc, RANKING, 3)).toBe(true)
    const values = readValues(doc)
    expect(values.map((value) => value.name)).toEqual(['Integrity', 'Customer obsessed', 'Ownership'])
    expect(values.map((value) => value.sourceClusterId)).toEqual(['c-honest', 'c-customer', 'c-own'])
    expect(values[0]).toMatchObject({ definition: '', weDo: [], weDont: [], examples: [] })

    expect(createValuesFromClusters(doc, RANKING, 4)).toBe(false)
    expect(names(doc)).toHaveLength(3)
  })

  it('does not double the candidates when two facilitators’ screens seed at once', () => {
    const alice = new Y.Doc()
    const bob = peerOf(alice)
    createValuesFromClusters(alice, RANKING, 3)
    createValuesFromClusters(bob, RANKING, 3)
    sync(alice, bob)
    expect(names(alice)).toEqual(['Integrity', 'Customer obsessed', 'Ownership'])
    expect(readValues(bob)).toEqual(readValues(alice))
  })

  it('skips repeated or unusable clusters, names nameless ones and keeps within bounds', () => {
    const doc = new Y.Doc()
    const ranking = [
      { clusterId: 'a', name: '  ' },
      { clusterId: 'a', name: 'Again' },
      { clusterId: '', name: 'No id' },
      { clusterId: 'x'.repeat(500), name: 'Huge id' },
      { clusterId: 'b', name: `  Curiosity \n ${'!'.repeat(200)}` }
    ]
    expect(createValuesFromClusters(doc, ranking, 10)).toBe(true)
    const [first, second] = readValues(doc)
    expect(readValues(doc)).toHaveLength(2)
    expect(first!.name).toBe('Value 1')
    expect(second!.name.startsWith('Curiosity !')).toBe(true)
    expect(second!.name).toHaveLength(VALUE_NAME_MAX_LENGTH)

    const many = Array.from({ length: 50 }, (_, i) => ({ clusterId: `c${i}`, name: `Cluster ${i}` }))
    const other = new Y.Doc()
    createValuesFromClusters(other, many, 1000)
    expect(readValues(other)).toHaveLength(MAX_VALUES)
    expect(createValuesFromClusters(new Y.Doc(), many, Number.NaN)).toBe(false)
    expect(createValuesFromClusters(new Y.Doc(), [], 5)).toBe(false)
  })
})

describe('adding, renaming, dropping and reordering candidates', () => {
  it('adds at the end, trimmed and on one line', () => {
    const doc = new Y.Doc()
    createValuesFromClusters(doc, RANKING, 2)
    const id = add(doc, '  Learning\nevery day ')
    expect(names(doc)).toEqual(['Integrity', 'Customer obsessed', 'Learning every day'])
    expect(valueOf(doc, id).sourceClusterId).toBeNull()
  })

  it('refuses a blank name and a candidate past the limit, and cuts a long name', () => {
    const doc = new Y.Doc()
    expect(addValue(doc, ' ')).toMatchObject({ valueId: null, refused: 'blank' })
    const long = addValue(doc, 'n'.repeat(10 * 1024 * 1024))
    expect(long).toMatchObject({ changed: true, truncated: true })
    expect(valueOf(doc, long.valueId!).name).toHaveLength(VALUE_NAME_MAX_LENGTH)
    for (let i = 1; i < MAX_VALUES; i++) add(doc, `Value ${i}`)
    expect(addValue(doc, 'One too many')).toMatchObject({ valueId: null, refused: 'full' })
  })

  it('renames, ignoring blank and unchanged names', () => {
    const doc = new Y.Doc()
    const id = add(doc, 'Integrity')
    expect(renameValue(doc, id, ' Honesty ')).toEqual({ changed: true, truncated: false, refused: null })
    expect(renameValue(doc, id, 'Honesty').changed).toBe(false)
    expect(renameValue(doc, id, '').refused).toBe('blank')
    expect(renameValue(doc, 'gone', 'Anything').refused).toBe('missing')
    expect(names(doc)).toEqual(['Honesty'])
  })

  it('drops a candidate with everything written for it', () => {
    const doc = new Y.Doc()
    const id = add(doc, 'Integrity')
    addBehaviour(doc, id, 'weDo', 'Tell the truth')
    expect(dropValue(doc, id)).toBe(true)
    expect(dropValue(doc, id)).toBe(false)
    expect(readValues(doc)).toEqual([])
    expect(valuesOf(doc).size).toBe(0)
  })

  it('moves a candidate between neighbours by order key', () => {
    const doc = new Y.Doc()
    createValuesFromClusters(doc, RANKING, 4)
    const [a, b, c, d] = readValues(doc).map((value) => value.id)
    expect(moveValue(doc, d!, null, a!)).toBe(true)
    expect(names(doc)).toEqual(['Respect', 'Integrity', 'Customer obsessed', 'Ownership'])
    expect(moveValue(doc, a!, c!, null)).toBe(true)
    expect(names(doc)).toEqual(['Respect', 'Customer obsessed', 'Ownership', 'Integrity'])
    expect(moveValue(doc, b!, d!, c!)).toBe(false)
    expect(moveValue(doc, 'gone', null, null)).toBe(false)
  })

  it('keeps both people’s moves when two reorder at once, the same on both screens', () => {
    const alice = new Y.Doc()
    createValuesFromClusters(alice, RANKING, 4)
    const bob = peerOf(alice)
    const [a, b, c, d] = readValues(alice).map((value) => value.id)
    moveValue(alice, a!, d!, null)
    moveValue(bob, c!, null, b!)
    sync(alice, bob)
    expect(names(alice)).toEqual(names(bob))
    expect(names(alice)).toEqual(['Ownership', 'Customer obsessed', 'Respect', 'Integrity'])
  })
})

describe('behaviours and example stories', () => {
  it('adds "we do" and "we don’t" behaviours on one line each, without duplicates', () => {
    const doc = new Y.Doc()
    const id = add(doc, 'Customer obsessed')
    expect(addBehaviour(doc, id, 'weDo', ' Call the customer back\nthe same day ').changed).toBe(true)
    expect(addBehaviour(doc, id, 'weDont', 'Promise what we can’t deliver').changed).toBe(true)
    expect(addBehaviour(doc, id, 'weDo', 'call the customer  back the same day').refused).toBe('duplicate')
    expect(addBehaviour(doc, id, 'weDo', '   ').refused).toBe('blank')
    expect(addBehaviour(doc, 'gone', 'weDo', 'Anything').refused).toBe('missing')
    expect(valueOf(doc, id)).toMatchObject({
      weDo: ['Call the customer back the same day'],
      weDont: ['Promise what we can’t deliver']
    })
  })

  it('cuts a long behaviour and refuses one past the list’s limit', () => {
    const doc = new Y.Doc()
    const id = add(doc, 'Ownership')
    expect(addBehaviour(doc, id, 'weDo', 'b'.repeat(5000))).toMatchObject({ changed: true, truncated: true })
    expect(valueOf(doc, id).weDo[0]).toHaveLength(BEHAVIOUR_MAX_LENGTH)
    for (let i = 1; i < MAX_BEHAVIOURS; i++) addBehaviour(doc, id, 'weDo', `Behaviour ${i}`)
    expect(addBehaviour(doc, id, 'weDo', 'One more')).toMatchObject({ changed: false, refused: 'full' })
    expect(addBehaviour(doc, id, 'weDont', 'Still room here').changed).toBe(true)
  })

  it('edits and removes the item the person saw, even after a peer removed one above it', () => {
    const alice = new Y.Doc()
    const id = add(alice, 'Respect')
    for (const text of ['Listen first', 'Ask before assuming', 'Credit others']) addBehaviour(alice, id, 'weDo', text)
    const bob = peerOf(alice)
    removeBehaviour(bob, id, 'weDo', 0, 'Listen first')
    sync(alice, bob)

    // Alice still sees "Credit others" at index 2.
    expect(editBehaviour(alice, id, 'weDo', 2, 'Credit others by name', 'Credit others').changed).toBe(true)
    expect(valueOf(alice, id).weDo).toEqual(['Ask before assuming', 'Credit others by name'])
    expect(removeBehaviour(alice, id, 'weDo', 1, 'Listen first')).toBe(false)
    expect(removeBehaviour(alice, id, 'weDo', 0, 'Ask before assuming')).toBe(true)
    expect(valueOf(alice, id).weDo).toEqual(['Credit others by name'])
  })

  it('refuses an edit that is blank, a duplicate, or of an item that is gone', () => {
    const doc = new Y.Doc()
    const id = add(doc, 'Respect')
    addBehaviour(doc, id, 'weDont', 'Interrupt')
    addBehaviour(doc, id, 'weDont', 'Gossip')
    expect(editBehaviour(doc, id, 'weDont', 0, ' ').refused).toBe('blank')
    expect(editBehaviour(doc, id, 'weDont', 0, 'GOSSIP').refused).toBe('duplicate')
    expect(editBehaviour(doc, id, 'weDont', 5, 'Anything').refused).toBe('missing')
    expect(editBehaviour(doc, id, 'weDont', 0, 'Interrupt').changed).toBe(false)
    expect(editBehaviour(doc, id, 'weDont', 0, 'interrupt people').changed).toBe(true)
    expect(valueOf(doc, id).weDont).toEqual(['interrupt people', 'Gossip'])
  })

  it('keeps both items when two people add at once', () => {
    const alice = new Y.Doc()
    const id = add(alice, 'Curiosity')
    const bob = peerOf(alice)
    addBehaviour(alice, id, 'weDo', 'Ask why')
    addBehaviour(bob, id, 'weDo', 'Try the product ourselves')
    sync(alice, bob)
    expect(valueOf(alice, id).weDo).toHaveLength(2)
    expect(valueOf(alice, id).weDo).toEqual(valueOf(bob, id).weDo)
  })

  it('keeps line breaks in example stories and bounds them', () => {
    const doc = new Y.Doc()
    const id = add(doc, 'Ownership')
    expect(addExample(doc, id, '  Maria stayed late.\nThe order shipped on time.  ').changed).toBe(true)
    expect(addExample(doc, id, 's'.repeat(EXAMPLE_MAX_LENGTH + 1)).truncated).toBe(true)
    expect(valueOf(doc, id).examples).toEqual(['Maria stayed late.\nThe order shipped on time.', 's'.repeat(EXAMPLE_MAX_LENGTH)])
    expect(editExample(doc, id, 0, 'Maria stayed late.', 'Maria stayed late.\nThe order shipped on time.').changed).toBe(true)
    expect(removeExample(doc, id, 1)).toBe(true)
    expect(valueOf(doc, id).examples).toEqual(['Maria stayed late.'])
  })
})

describe('mergeValues', () => {
  it('gives the kept candidate the other’s behaviours, examples and definition, then removes the other', () => {
    const doc = new Y.Doc()
    const keep = add(doc, 'Customer obsessed')
    const merge = add(doc, 'Service')
    setDefinition(doc, keep, 'We put the customer first.')
    setDefinition(doc, merge, 'We solve the problem on the first call.')
    addBehaviour(doc, keep, 'weDo', 'Call back the same day')
    addBehaviour(doc, merge, 'weDo', 'call back the same  day')
    addBehaviour(doc, merge, 'weDo', 'Own the ticket until it is closed')
    addBehaviour(doc, merge, 'weDont', 'Pass the customer around')
    addExample(doc, merge, 'Sam drove a part to a customer on Sunday.')

    expect(mergeValues(doc, keep, merge)).toEqual({ changed: true, truncated: false, refused: null })
    expect(readValues(doc)).toHaveLength(1)
    expect(valueOf(doc, keep)).toMatchObject({
      name: 'Customer obsessed',
      definition: 'We put the customer first. We solve the problem on the first call.',
      weDo: ['Call back the same day', 'Own the ticket until it is closed'],
      weDont: ['Pass the customer around'],
      examples: ['Sam drove a part to a customer on Sunday.']
    })
  })

  it('leaves the definition alone when the other says the same or nothing', () => {
    const doc = new Y.Doc()
    const [keep, same, empty] = [add(doc, 'A'), add(doc, 'B'), add(doc, 'C')]
    setDefinition(doc, keep, 'We tell the truth, even when it is hard.')
    setDefinition(doc, same, 'we tell the truth')
    mergeValues(doc, keep, same)
    mergeValues(doc, keep, empty)
    expect(valueOf(doc, keep).definition).toBe('We tell the truth, even when it is hard.')
    expect(names(doc)).toEqual(['A'])
  })

  it('refuses when a list would overflow, changing nothing, and cuts an overlong definition', () => {
    const doc = new Y.Doc()
    const keep = add(doc, 'A')
    const merge = add(doc, 'B')
    for (let i = 0; i < MAX_BEHAVIOURS; i++) addBehaviour(doc, keep, 'weDo', `Keep ${i}`)
    addBehaviour(doc, merge, 'weDo', 'One more')
    expect(mergeValues(doc, keep, merge)).toEqual({ changed: false, truncated: false, refused: 'full' })
    expect(names(doc)).toEqual(['A', 'B'])

    removeBehaviour(doc, merge, 'weDo', 0)
    setDefinition(doc, keep, 'k'.repeat(300))
    setDefinition(doc, merge, 'm'.repeat(300))
    expect(mergeValues(doc, keep, merge)).toMatchObject({ changed: true, truncated: true })
    expect(valueOf(doc, keep).definition).toBe(`${'k'.repeat(300)} ${'m'.repeat(99)}`)
  })

  it('refuses to merge a candidate into itself or into one that is gone', () => {
    const doc = new Y.Doc()
    const id = add(doc, 'A')
    expect(mergeValues(doc, id, id).refused).toBe('missing')
    expect(mergeValues(doc, id, 'gone').refused).toBe('missing')
    expect(names(doc)).toEqual(['A'])
  })
})

describe('the definition, written together', () => {
  it('keeps both people’s words when two type in it at once', () => {
    const alice = new Y.Doc()
    const id = add(alice, 'Integrity')
    setDefinition(alice, id, 'We tell the truth.')
    const bob = peerOf(alice)
    const aliceField = new FakeField()
    const bobField = new FakeField()
    const aliceBinding = bindDefinition(alice, id, aliceField)
    const bobBinding = bindDefinition(bob, id, bobField)
    expect(bobField.value).toBe('We tell the truth.')

    aliceField.type('always ', 3)
    aliceBinding.input()
    bobField.type(' to customers and to each other', 17)
    bobBinding.input()
    sync(alice, bob)

    const expected = 'We always tell the truth to customers and to each other.'
    expect(valueOf(alice, id).definition).toBe(expected)
    expect(valueOf(bob, id).definition).toBe(expected)
    expect(aliceField.value).toBe(expected)
    expect(bobField.value).toBe(expected)
    aliceBinding.destroy()
    bobBinding.destroy()
  })

  it('bounds the definition, through a text box and from code', () => {
    const doc = new Y.Doc()
    const id = add(doc, 'Integrity')
    expect(setDefinition(doc, id, 'd'.repeat(1000))).toMatchObject({ changed: true, truncated: true })
    expect(valueOf(doc, id).definition).toHaveLength(VALUE_DEFINITION_MAX_LENGTH)
    const field = new FakeField()
    const binding = bindDefinition(doc, id, field)
    field.type('more')
    expect(binding.input()).toEqual({ truncated: true })
    expect(valueOf(doc, id).definition).toHaveLength(VALUE_DEFINITION_MAX_LENGTH)
    binding.destroy()
  })

  it('follows the value when a peer replaces its definition', () => {
    const doc = new Y.Doc()
    const id = add(doc, 'Integrity')
    const field = new FakeField()
    const binding = bindDefinition(doc, id, field)
    const entry = valuesOf(doc).get(id) as Y.Map<unknown>
    entry.set(VALUE_FIELDS.definition, new Y.Text('From elsewhere'))
    expect(field.value).toBe('From elsewhere')
    field.type('!')
    binding.input()
    expect(valueOf(doc, id).definition).toBe('From elsewhere!')
    binding.destroy()
  })
})

describe('malformed data from a peer', () => {
  function malformedDoc(): Y.Doc {
    const doc = new Y.Doc()
    const values = valuesOf(doc)
    values.set('junk-string', 'not a value')
    values.set('junk-number', 42)
    values.set(
      'odd',
      new Y.Map<unknown>([
        [VALUE_FIELDS.name, 12],
        [VALUE_FIELDS.definition, 'p'.repeat(1_000_000)],
        [VALUE_FIELDS.weDo, ['Fine', 7, null, { text: 'object' }, '   ', 'w'.repeat(10_000)]],
        [VALUE_FIELDS.weDont, new Y.Array<unknown>()],
        [VALUE_FIELDS.order, { not: 'a key' }],
        [VALUE_FIELDS.sourceClusterId, ['c-honest']]
      ])
    )
    const weDont = (values.get('odd') as Y.Map<unknown>).get(VALUE_FIELDS.weDont) as Y.Array<unknown>
    weDont.push([1, 'Blame', true, ...Array.from({ length: 5000 }, (_, i) => `Flood ${i}`)])
    return doc
  }

  it('reads only what makes sense, bounded', () => {
    const doc = malformedDoc()
    const [value, ...rest] = readValues(doc)
    expect(rest).toEqual([])
    expect(value).toMatchObject({ id: 'odd', name: '', order: '', sourceClusterId: null, examples: [] })
    expect(value!.definition).toHaveLength(VALUE_DEFINITION_MAX_LENGTH)
    expect(value!.weDo).toEqual(['Fine', 'w'.repeat(BEHAVIOUR_MAX_LENGTH)])
    expect(value!.weDont[0]).toBe('Blame')
    expect(value!.weDont.length).toBeLessThanOrEqual(100)
  })

  it('repairs what it writes to: a plain list becomes a Y.Array and items keep their places', () => {
    const doc = malformedDoc()
    expect(addBehaviour(doc, 'odd', 'weDo', 'Own it').changed).toBe(true)
    expect(editBehaviour(doc, 'odd', 'weDo', 1, 'Shorter', 'w'.repeat(BEHAVIOUR_MAX_LENGTH)).changed).toBe(true)
    expect(removeBehaviour(doc, 'odd', 'weDo', 0, 'Fine')).toBe(true)
    expect(addExample(doc, 'odd', 'A story').changed).toBe(true)
    expect(valueOf(doc, 'odd')).toMatchObject({ weDo: ['Shorter', 'Own it'], examples: ['A story'] })
    const entry = valuesOf(doc).get('odd') as Y.Map<unknown>
    expect(entry.get(VALUE_FIELDS.weDo)).toBeInstanceOf(Y.Array)
    expect(renameValue(doc, 'odd', 'Named at last').changed).toBe(true)
    expect(moveValue(doc, add(doc, 'Second'), null, 'odd')).toBe(true)
    expect(names(doc)).toEqual(['Second', 'Named at last'])
  })

  it('turns a plain-string definition into shared text on the first keystroke', () => {
    const doc = new Y.Doc()
    valuesOf(doc).set('plain', new Y.Map<unknown>([[VALUE_FIELDS.definition, 'Plain words']]))
    const field = new FakeField()
    const binding = bindDefinition(doc, 'plain', field)
    expect(field.value).toBe('Plain words')
    field.selection = { start: 11, end: 11, direction: 'none' }
    field.type('.')
    binding.input()
    const entry = valuesOf(doc).get('plain') as Y.Map<unknown>
    expect(entry.get(VALUE_FIELDS.definition)).toBeInstanceOf(Y.Text)
    expect(valueOf(doc, 'plain').definition).toBe('Plain words.')
    expect(field.value).toBe('Plain words.')
    binding.destroy()
  })

  it('merges a malformed candidate without throwing', () => {
    const doc = malformedDoc()
    const keep = add(doc, 'Kept')
    const result = mergeValues(doc, keep, 'odd')
    expect(result.refused).toBe('full') // the flood of "we don't" does not fit
    valuesOf(doc).set('odd2', new Y.Map<unknown>([[VALUE_FIELDS.definition, 'Short'], [VALUE_FIELDS.weDo, ['Fine']]]))
    expect(mergeValues(doc, keep, 'odd2').changed).toBe(true)
    expect(valueOf(doc, keep)).toMatchObject({ definition: 'Short', weDo: ['Fine'] })
  })
})

describe('values snapshots', () => {
  it('reuses every unchanged candidate and list when one changes', () => {
    const doc = new Y.Doc()
    createValuesFromClusters(doc, RANKING, 4)
    const store = createValuesSnapshotStore(doc)
    const before = store.getSnapshot()
    expect(store.getSnapshot()).toBe(before)

    const id = before[1]!.id
    addBehaviour(doc, id, 'weDo', 'Answer within a day')
    const after = store.getSnapshot()
    expect(after).not.toBe(before)
    expect(after.filter((value, i) => value === before[i])).toHaveLength(3)
    expect(after[1]!.weDo).toEqual(['Answer within a day'])
    expect(after[1]!.weDont).toBe(before[1]!.weDont)
    expect(after[1]!.examples).toBe(before[1]!.examples)
    store.destroy()
  })

  it('tells subscribers about changes, including typing in a definition, until destroyed', () => {
    const doc = new Y.Doc()
    const id = add(doc, 'Integrity')
    const store = createValuesSnapshotStore(doc)
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    setDefinition(doc, id, 'We tell the truth.')
    expect(listener).toHaveBeenCalled()
    expect(store.getSnapshot()[0]!.definition).toBe('We tell the truth.')

    unsubscribe()
    listener.mockClear()
    renameValue(doc, id, 'Honesty')
    expect(listener).not.toHaveBeenCalled()
    store.destroy()
  })

  it('returns the previous list itself when a change left every candidate as it was', () => {
    const doc = new Y.Doc()
    add(doc, 'Integrity')
    const first = buildValuesSnapshot(doc, null)
    doc.getMap(DOC_KEYS.meta).set('title', 'Only the title changed')
    expect(buildValuesSnapshot(doc, first)).toBe(first)
  })
})

describe('createValuesModel', () => {
  it('binds the intents to the document and takes back open bindings on destroy', () => {
    const doc = new Y.Doc()
    const model = createValuesModel(doc)
    const { valueId } = model.intents.addValue('Integrity')
    const field = new FakeField()
    model.bindDefinition(valueId!, field)
    model.intents.setDefinition(valueId!, 'Shown in the box')
    expect(field.value).toBe('Shown in the box')
    expect(model.snapshots.getSnapshot()[0]!.definition).toBe('Shown in the box')

    model.destroy()
    model.intents.setDefinition(valueId!, 'Not any more')
    expect(field.value).toBe('Shown in the box')
  })
})
