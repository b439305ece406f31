import * as Y from 'yjs'
import { describe, expect, it, vi } from 'vitest'
import { DOC_KEYS } from '../../../../shared/board'
import { LOCAL_ORIGIN } from '../../../../renderer/src/crdt/boardDoc'
import {
  addOutcome,
  addPlanItem,
  bindOutcomeText,
  bindPlanText,
  buildProgramPlanSnapshot,
  createProgramPlanModel,
  createProgramPlanSnapshotStore,
  editPlanItem,
  MAX_OUTCOMES,
  OUTCOME_FIELDS,
  OUTCOME_TEXT_MAX_LENGTH,
  PLAN_FIELDS,
  PLAN_LIST_RULES,
  PLAN_TEXT_MAX_LENGTH,
  planOf,
  readProgramPlan,
  removeOutcome,
  removePlanItem,
  seedProgramPlan,
  setOutcomeText,
  setPlanText,
  setReviewDate
} from '../../../../renderer/src/crdt/programPlan'
import { EMPTY_PLAN } from '../../../exports/planFixtures'
import { peerOf, sync } from './boardFixtures'
import { FakeField } from './fakeField'

const TEN_MB = 10 * 1024 * 1024

/** A new program-plan workshop's document, as the facilitator's screen seeds it. */
function seededPlan(): Y.Doc {
  const doc = new Y.Doc()
  seedProgramPlan(doc)
  return doc
}

function addRow(doc: Y.Doc, metric: string): string {
  const { rowId } = addOutcome(doc)
  if (!rowId) throw new Error('the outcomes table is full')
  setOutcomeText(doc, rowId, 'metric', metric)
  return rowId
}

const metrics = (doc: Y.Doc) => readProgramPlan(doc).outcomes.map((row) => row.metric)

describe('seedProgramPlan', () => {
  it('reads an unseeded document as an empty plan', () => {
    expect(readProgramPlan(new Y.Doc())).toEqual(EMPTY_PLAN)
  })

  it('makes every part once and leaves what is written alone', () => {
    const doc = new Y.Doc()
    expect(seedProgramPlan(doc)).toBe(true)
    expect(planOf(doc).get(PLAN_FIELDS.targetEmployees)).toBeInstanceOf(Y.Text)
    expect(planOf(doc).get(PLAN_FIELDS.boundaries)).toBeInstanceOf(Y.Array)
    expect(planOf(doc).get(PLAN_FIELDS.outcomes)).toBeInstanceOf(Y.Map)
    setPlanText(doc, 'programName', 'Fix it first time')
    expect(seedProgramPlan(doc)).toBe(false)
    expect(readProgramPlan(doc).programName).toBe('Fix it first time')
  })
})

describe('the plan written together on two synced documents', () => {
  it('keeps both people’s words when two type in the same text at once, and each keeps their caret', () => {
    const alice = seededPlan()
    setPlanText(alice, 'targetEmployees', 'Support agents.')
    const bob = peerOf(alice)
    const aliceBox = new FakeField()
    const bobBox = new FakeField()
    const aliceBinding = bindPlanText(alice, 'targetEmployees', aliceBox)
    const bobBinding = bindPlanText(bob, 'targetEmployees', bobBox)
    expect(bobBox.value).toBe('Support agents.')

    aliceBox.caret(0)
    aliceBox.type('First-line ')
    aliceBinding.input()
    bobBox.caret(14)
    bobBox.type(' in Lyon and Porto')
    bobBinding.input()
    sync(alice, bob)

    const expected = 'First-line Support agents in Lyon and Porto.'
    expect(readProgramPlan(alice).targetEmployees).toBe(expected)
    expect(readProgramPlan(bob).targetEmployees).toBe(expected)
    expect(aliceBox.picture).toBe('First-line |Support agents in Lyon and Porto.')
    expect(bobBox.picture).toBe('First-line Support agents in Lyon and Porto|.')
    aliceBinding.destroy()
    bobBinding.destroy()
  })

  it('keeps both rows when two people add an outcome at once, in the same order on both screens', () => {
    const alice = seededPlan()
    addRow(alice, 'First-contact resolution')
    const bob = peerOf(alice)
    addRow(alice, 'Customer satisfaction (CSAT)')
    addRow(bob, 'Average handling time')
    sync(alice, bob)
    expect(metrics(alice)).toHaveLength(3)
    expect(metrics(alice)[0]).toBe('First-contact resolution')
    expect(metrics(alice)).toEqual(expect.arrayContaining(['Customer satisfaction (CSAT)', 'Average handling time']))
    expect(readProgramPlan(bob)).toEqual(readProgramPlan(alice))
  })

  it('keeps both people’s edits to one row: typing in the same cell, and other cells', () => {
    const alice = seededPlan()
    const rowId = addRow(alice, 'CSAT')
    const bob = peerOf(alice)
    const aliceCell = new FakeField()
    const bobCell = new FakeField()
    const aliceBinding = bindOutcomeText(alice, rowId, 'metric', aliceCell)
    const bobBinding = bindOutcomeText(bob, rowId, 'metric', bobCell)
    aliceCell.caret(0)
    aliceCell.type('Weekly ')
    aliceBinding.input()
    bobCell.caret(4)
    bobCell.type(' of escalated cases')
    bobBinding.input()
    setOutcomeText(alice, rowId, 'baseline', '72%')
    setOutcomeText(bob, rowId, 'target', '85%')
    setReviewDate(bob, rowId, '2027-03-31')
    sync(alice, bob)

    expect(readProgramPlan(alice).outcomes).toEqual([
      expect.objectContaining({
        metric: 'Weekly CSAT of escalated cases',
        baseline: '72%',
        target: '85%',
        owner: '',
        reviewDate: '2027-03-31'
      })
    ])
    expect(readProgramPlan(bob)).toEqual(readProgramPlan(alice))
    expect(aliceCell.value).toBe('Weekly CSAT of escalated cases')
    aliceBinding.destroy()
    bobBinding.destroy()
  })

  it('keeps both items when two people add to a list at once', () => {
    const alice = seededPlan()
    const bob = peerOf(alice)
    addPlanItem(alice, 'boundaries', 'Refunds up to €200 without approval')
    addPlanItem(bob, 'boundaries', 'Never share another customer’s data')
    sync(alice, bob)
    expect(readProgramPlan(alice).boundaries).toHaveLength(2)
    expect(readProgramPlan(alice).boundaries).toEqual(readProgramPlan(bob).boundaries)
  })

  it('removes a row for everyone, with what was typed in it', () => {
    const alice = seededPlan()
    const kept = addRow(alice, 'Churn')
    const removed = addRow(alice, 'NPS')
    const bob = peerOf(alice)
    expect(removeOutcome(bob, removed)).toBe(true)
    expect(removeOutcome(bob, removed)).toBe(false)
    sync(alice, bob)
    expect(readProgramPlan(alice).outcomes.map((row) => row.id)).toEqual([kept])
  })
})

describe('lists', () => {
  it('adds items on one line each, refuses blanks and duplicates, and edits the item the person saw', () => {
    const alice = seededPlan()
    expect(addPlanItem(alice, 'activities', ' Offer a goodwill credit\nwithout asking a manager ').changed).toBe(true)
    expect(addPlanItem(alice, 'activities', 'offer a goodwill credit without asking a MANAGER').refused).toBe('duplicate')
    expect(addPlanItem(alice, 'activities', '  ').refused).toBe('blank')
    addPlanItem(alice, 'activities', 'Rebook a missed appointment')
    addPlanItem(alice, 'activities', 'Replace a faulty part on the spot')
    const bob = peerOf(alice)
    removePlanItem(bob, 'activities', 0, 'Offer a goodwill credit without asking a manager')
    sync(alice, bob)

    // Alice still sees "Replace a faulty part on the spot" at index 2.
    expect(editPlanItem(alice, 'activities', 2, 'Replace a faulty part the same day', 'Replace a faulty part on the spot').changed).toBe(true)
    expect(readProgramPlan(alice).activities).toEqual(['Rebook a missed appointment', 'Replace a faulty part the same day'])
    expect(removePlanItem(alice, 'activities', 0, 'Offer a goodwill credit without asking a manager')).toBe(false)
  })

  it('refuses an item past the list’s limit', () => {
    const doc = seededPlan()
    const { maxItems } = PLAN_LIST_RULES.opportunities
    for (let i = 0; i < maxItems; i++) expect(addPlanItem(doc, 'opportunities', `Opportunity ${i}`).changed).toBe(true)
    expect(addPlanItem(doc, 'opportunities', 'One too many')).toMatchObject({ changed: false, refused: 'full' })
    expect(addPlanItem(doc, 'behaviours', 'Still room here').changed).toBe(true)
  })
})

describe('outcomes', () => {
  it('adds rows at the end, up to the limit', () => {
    const doc = seededPlan()
    for (let i = 1; i <= MAX_OUTCOMES; i++) addRow(doc, `Metric ${i}`)
    expect(metrics(doc)).toEqual(Array.from({ length: MAX_OUTCOMES }, (_, i) => `Metric ${i + 1}`))
    expect(addOutcome(doc)).toEqual({ rowId: null, refused: 'full' })
  })

  it('takes a review date as a calendar day, or none, and refuses anything else', () => {
    const doc = seededPlan()
    const rowId = addRow(doc, 'Churn')
    expect(setReviewDate(doc, rowId, '2027-06-30')).toBe(true)
    expect(setReviewDate(doc, rowId, '2027-06-30')).toBe(false)
    for (const bad of ['2027-02-30', '30/06/2027', 'next quarter', '2027-6-3']) expect(setReviewDate(doc, rowId, bad)).toBe(false)
    expect(readProgramPlan(doc).outcomes[0]!.reviewDate).toBe('2027-06-30')
    expect(setReviewDate(doc, rowId, '')).toBe(true)
    expect(readProgramPlan(doc).outcomes[0]!.reviewDate).toBe('')
    expect(setReviewDate(doc, 'gone', '2027-06-30')).toBe(false)
    expect(setOutcomeText(doc, 'gone', 'owner', 'Ana').refused).toBe('missing')
  })
})

describe('bounds on a 10 MB paste', () => {
  it('cuts every shared text to its limit and says so', () => {
    const doc = seededPlan()
    const paste = 'p'.repeat(TEN_MB)
    for (const key of ['programName', 'targetEmployees', 'targetCustomers', 'recognition'] as const) {
      expect(setPlanText(doc, key, paste)).toEqual({ changed: true, truncated: true, refused: null })
      expect(readProgramPlan(doc)[key]).toHaveLength(PLAN_TEXT_MAX_LENGTH[key])
    }
    const rowId = addRow(doc, paste)
    expect(readProgramPlan(doc).outcomes[0]!.metric).toHaveLength(OUTCOME_TEXT_MAX_LENGTH.metric)
    expect(setOutcomeText(doc, rowId, 'owner', paste).truncated).toBe(true)
    expect(readProgramPlan(doc).outcomes[0]!.owner).toHaveLength(OUTCOME_TEXT_MAX_LENGTH.owner)
    expect(addPlanItem(doc, 'boundaries', `${'b '.repeat(TEN_MB / 2)}`)).toMatchObject({ changed: true, truncated: true })
    expect(readProgramPlan(doc).boundaries[0]!.length).toBeLessThanOrEqual(PLAN_LIST_RULES.boundaries.maxLength)
  })

  it('cuts what is typed or pasted into a text box', () => {
    const doc = seededPlan()
    const box = new FakeField()
    const binding = bindPlanText(doc, 'recognition', box)
    box.type('r'.repeat(TEN_MB))
    expect(binding.input()).toEqual({ truncated: true })
    expect(readProgramPlan(doc).recognition).toHaveLength(PLAN_TEXT_MAX_LENGTH.recognition)
    expect(box.value).toHaveLength(PLAN_TEXT_MAX_LENGTH.recognition)
    binding.destroy()
  })
})

describe('malformed data from a peer', () => {
  function malformedDoc(): Y.Doc {
    const doc = new Y.Doc()
    const plan = planOf(doc)
    const rows = new Y.Map<unknown>()
    doc.transact(() => {
      plan.set(PLAN_FIELDS.programName, 42)
      plan.set(PLAN_FIELDS.targetEmployees, 'e'.repeat(1_000_000))
      plan.set(PLAN_FIELDS.targetCustomers, { not: 'a text' })
      plan.set(PLAN_FIELDS.activities, ['Fine', 7, null, '   ', 'a'.repeat(10_000)])
      plan.set(PLAN_FIELDS.boundaries, 'not a list')
      plan.set(PLAN_FIELDS.outcomes, rows)
      rows.set('junk', 'not a row')
      rows.set(
        'odd',
        new Y.Map<unknown>([
          [OUTCOME_FIELDS.metric, 12],
          [OUTCOME_FIELDS.baseline, 'b'.repeat(50_000)],
          [OUTCOME_FIELDS.reviewDate, '2027-13-45'],
          [OUTCOME_FIELDS.order, { not: 'a key' }]
        ])
      )
      for (let i = 0; i < 3000; i++) rows.set(`flood-${i}`, new Y.Map<unknown>([[OUTCOME_FIELDS.order, `z${i}`]]))
    })
    return doc
  }

  it('reads only what makes sense, bounded', () => {
    const plan = readProgramPlan(malformedDoc())
    expect(plan).toMatchObject({ programName: '', targetCustomers: '', boundaries: [], recognition: '', opportunities: [] })
    expect(plan.targetEmployees).toHaveLength(PLAN_TEXT_MAX_LENGTH.targetEmployees)
    expect(plan.activities).toEqual(['Fine', 'a'.repeat(PLAN_LIST_RULES.activities.maxLength)])
    expect(plan.outcomes.length).toBeLessThanOrEqual(100)
    const odd = plan.outcomes.find((row) => row.id === 'odd')!
    expect(odd).toMatchObject({ metric: '', target: '', reviewDate: '', order: '' })
    expect(odd.baseline).toHaveLength(OUTCOME_TEXT_MAX_LENGTH.baseline)
  })

  it('repairs what it writes to, keeping what could be read', () => {
    const doc = malformedDoc()
    expect(addPlanItem(doc, 'activities', 'Waive a late fee').changed).toBe(true)
    expect(addPlanItem(doc, 'boundaries', 'Within the monthly budget').changed).toBe(true)
    expect(setPlanText(doc, 'programName', 'Fix it first time').changed).toBe(true)
    expect(setOutcomeText(doc, 'odd', 'metric', 'Repeat contacts').changed).toBe(true)
    const plan = readProgramPlan(doc)
    expect(plan.activities).toEqual(['Fine', 'a'.repeat(PLAN_LIST_RULES.activities.maxLength), 'Waive a late fee'])
    expect(plan.boundaries).toEqual(['Within the monthly budget'])
    expect(plan.programName).toBe('Fix it first time')
    expect(plan.outcomes.find((row) => row.id === 'odd')!.metric).toBe('Repeat contacts')
  })

  it('turns a plain-string text into shared text on the first keystroke', () => {
    const doc = new Y.Doc()
    planOf(doc).set(PLAN_FIELDS.targetCustomers, 'Small businesses')
    const box = new FakeField()
    const binding = bindPlanText(doc, 'targetCustomers', box)
    expect(box.value).toBe('Small businesses')
    box.caret(16)
    box.type(' in France')
    binding.input()
    expect(planOf(doc).get(PLAN_FIELDS.targetCustomers)).toBeInstanceOf(Y.Text)
    expect(readProgramPlan(doc).targetCustomers).toBe('Small businesses in France')
    expect(box.picture).toBe('Small businesses in France|')
    binding.destroy()
  })

  it('adds a row where a peer wrote something else than the table', () => {
    const doc = new Y.Doc()
    planOf(doc).set(PLAN_FIELDS.outcomes, ['not', 'rows'])
    expect(readProgramPlan(doc).outcomes).toEqual([])
    addRow(doc, 'Churn')
    expect(metrics(doc)).toEqual(['Churn'])
  })
})

describe('program plan snapshots', () => {
  it('reuses every unchanged list and row when one part changes', () => {
    const doc = seededPlan()
    addPlanItem(doc, 'behaviours', 'Tell the customer what we will do next')
    const first = addRow(doc, 'CSAT')
    addRow(doc, 'Churn')
    const store = createProgramPlanSnapshotStore(doc)
    const before = store.getSnapshot()
    expect(store.getSnapshot()).toBe(before)

    setOutcomeText(doc, first, 'owner', 'Ana')
    const after = store.getSnapshot()
    expect(after).not.toBe(before)
    expect(after.outcomes[0]!.owner).toBe('Ana')
    expect(after.outcomes[1]).toBe(before.outcomes[1])
    expect(after.behaviours).toBe(before.behaviours)
    store.destroy()
  })

  it('tells subscribers about changes, typing included, until they unsubscribe', () => {
    const doc = seededPlan()
    const store = createProgramPlanSnapshotStore(doc)
    const listener = vi.fn()
    const unsubscribe = store.subscribe(listener)
    setPlanText(doc, 'recognition', 'A story of the week at the Monday stand-up')
    expect(listener).toHaveBeenCalled()
    expect(store.getSnapshot().recognition).toBe('A story of the week at the Monday stand-up')
    unsubscribe()
    listener.mockClear()
    addPlanItem(doc, 'behaviours', 'Own the case until it is closed')
    expect(listener).not.toHaveBeenCalled()
    store.destroy()
  })

  it('returns the previous plan itself when only something else in the document changed', () => {
    const doc = seededPlan()
    addRow(doc, 'CSAT')
    const first = buildProgramPlanSnapshot(doc, null)
    doc.getMap(DOC_KEYS.meta).set('title', 'Only the title changed')
    expect(buildProgramPlanSnapshot(doc, first)).toBe(first)
  })
})

describe('createProgramPlanModel', () => {
  it('binds the intents and text boxes to the document, and takes back open bindings on destroy', () => {
    const doc = seededPlan()
    const model = createProgramPlanModel(doc)
    const { rowId } = model.intents.addOutcome()
    const nameBox = new FakeField()
    const ownerBox = new FakeField()
    model.bindText('programName', nameBox)
    model.bindOutcomeText(rowId!, 'owner', ownerBox)
    model.intents.setText('programName', 'Fix it first time')
    model.intents.setOutcomeText(rowId!, 'owner', 'Head of support')
    expect(nameBox.value).toBe('Fix it first time')
    expect(ownerBox.value).toBe('Head of support')
    expect(model.snapshots.getSnapshot().programName).toBe('Fix it first time')

    model.destroy()
    model.intents.setText('programName', 'Not shown any more')
    expect(nameBox.value).toBe('Fix it first time')
  })

  it('marks its edits as this person’s own, so undo takes them back and leaves a peer’s alone', () => {
    const doc = seededPlan()
    const undo = new Y.UndoManager(planOf(doc), { trackedOrigins: new Set([LOCAL_ORIGIN]), captureTimeout: 0 })
    const peer = peerOf(doc)
    addPlanItem(peer, 'behaviours', 'Ask the customer what a good outcome is')
    sync(doc, peer)
    addPlanItem(doc, 'behaviours', 'Say what we will do, then do it')
    undo.undo()
    expect(readProgramPlan(doc).behaviours).toEqual(['Ask the customer what a good outcome is'])
    undo.destroy()
  })
})
