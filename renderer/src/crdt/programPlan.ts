/**
 * The EX program plan (template "program-plan"): its schema on the Y.Doc, defensive readers,
 * the intents that change it, and a snapshot store for React.
 *
 * One Y.Map under DOC_KEYS.plan holds the whole canvas. The program's name, its target
 * employees and customers, and how successes are recognised are shared texts (Y.Text), so
 * two people typing in one box both keep their words; the opportunities, the activities
 * employees may handle differently, the boundaries and the behaviours are lists of one-line
 * texts (textLists.ts); the measurable outcomes are rows, each a Y.Map with its own id and
 * an order key, so two people adding rows at once both keep theirs, and each cell but the
 * review date is shared text too.
 *
 * Every container is made once, up front, by `seedProgramPlan`: two peers that each made
 * a missing text at the same moment would each keep only one of them, losing what was typed
 * into the other. Writers still make what is missing (an old or faulty document), and a
 * peer may have written anything, so every reader falls back instead of throwing and bounds
 * what it returns.
 */
import * as Y from 'yjs'
import { DOC_KEYS, NOTE_TEXT_MAX_LENGTH } from '../../../shared/board'
import type { DraftedOutcome, DraftedProgramPlan } from '../../../shared/finalizeProgramPlan'
import { isCalendarDate } from '../../../shared/programPlanRecord'
import { PLAN_OUTCOMES_FIELD } from '../../../shared/sharedWriting'
import { LOCAL_ORIGIN } from './boardDoc'
import type { TextBinding, TextField } from './collaborativeText'
import { createLazySnapshotStore, deepChangesOf, sameItems, type SnapshotStore } from './externalStore'
import { newId } from './ids'
import { compareOrdered, placeAt, type Ordered } from './ordering'
import { bindSharedText, createOpenBindings, readSharedText, setSharedText } from './sharedTexts'
import {
  addTextItem,
  boundedString,
  editTextItem,
  LIST_READ_LIMIT,
  readTextList,
  removeTextItem,
  type EditRefusal,
  type EditResult,
  type ListRules
} from './textLists'

/** Field names inside the plan. Never rename: saved files and other peers use them. */
export const PLAN_FIELDS = {
  programName: 'programName',
  opportunities: 'opportunities',
  targetEmployees: 'targetEmployees',
  targetCustomers: 'targetCustomers',
  activities: 'activities',
  boundaries: 'boundaries',
  behaviours: 'behaviours',
  outcomes: PLAN_OUTCOMES_FIELD,
  recognition: 'recognition'
} as const

/** Field names inside each outcome row. Never rename. */
export const OUTCOME_FIELDS = {
  metric: 'metric',
  baseline: 'baseline',
  target: 'target',
  owner: 'owner',
  /** yyyy-mm-dd, or '' until someone picks a day. A plain string: a date is set whole. */
  reviewDate: 'reviewDate',
  order: 'order'
} as const

export type PlanTextKey = 'programName' | 'targetEmployees' | 'targetCustomers' | 'recognition'
export type PlanListKey = 'opportunities' | 'activities' | 'boundaries' | 'behaviours'
export type OutcomeTextKey = 'metric' | 'baseline' | 'target' | 'owner'

export const PLAN_TEXT_KEYS: readonly PlanTextKey[] = ['programName', 'targetEmployees', 'targetCustomers', 'recognition']
export const PLAN_LIST_KEYS: readonly PlanListKey[] = ['opportunities', 'activities', 'boundaries', 'behaviours']
export const OUTCOME_TEXT_KEYS: readonly OutcomeTextKey[] = ['metric', 'baseline', 'target', 'owner']

/**
 * How long each shared text may be. Two people typing at the limit at the same moment can
 * leave a text a little longer; readers show only this much, and a text box adds nothing more
 * until someone shortens it.
 */
export const PLAN_TEXT_MAX_LENGTH: Record<PlanTextKey, number> = {
  programName: 120,
  targetEmployees: 1_000,
  targetCustomers: 1_000,
  recognition: 2_000
}

export const OUTCOME_TEXT_MAX_LENGTH: Record<OutcomeTextKey, number> = {
  metric: 200,
  baseline: 100,
  target: 100,
  owner: 100
}

/** Each list's limits. An opportunity can be a whole sticky note of the journey map. */
export const PLAN_LIST_RULES: Record<PlanListKey, ListRules> = {
  opportunities: { maxItems: 10, maxLength: NOTE_TEXT_MAX_LENGTH, singleLine: true },
  activities: { maxItems: 20, maxLength: 300, singleLine: true },
  boundaries: { maxItems: 20, maxLength: 300, singleLine: true },
  behaviours: { maxItems: 20, maxLength: 300, singleLine: true }
}

/** Rows of the outcomes table; past it, adding is refused. */
export const MAX_OUTCOMES = 20
/** Rows are read to the lists' bound: room for rows two people added at once, none for a faulty peer's thousands. */
const OUTCOME_READ_LIMIT = LIST_READ_LIMIT
/** Longer order keys are not ours. */
const ORDER_MAX_LENGTH = 200

/** An outcome row as plain, immutable data: what finalizing takes, its id and its place. */
export interface OutcomeRow extends DraftedOutcome {
  id: string
  /** Fractional index: rows sort by it, never by position. */
  order: string
}

/** The whole plan as the canvas shows it. */
export interface ProgramPlan extends DraftedProgramPlan {
  outcomes: readonly OutcomeRow[]
}

export interface AddOutcomeResult {
  /** The new row's id; null when the table was full. */
  rowId: string | null
  refused: Extract<EditRefusal, 'full'> | null
}

/** The plan's Y.Map. Values are `unknown`: a peer may have written anything. */
export const planOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DOC_KEYS.plan)

/** The Y.Map of outcome rows, or null when there is none (readable). */
function outcomesOf(doc: Y.Doc): Y.Map<unknown> | null {
  const outcomes = planOf(doc).get(PLAN_FIELDS.outcomes)
  return outcomes instanceof Y.Map ? (outcomes as Y.Map<unknown>) : null
}

/** The live Y.Map of an outcome row, or null when there is no such (readable) row. */
export function outcomeEntry(doc: Y.Doc, rowId: string): Y.Map<unknown> | null {
  const entry = outcomesOf(doc)?.get(rowId)
  return entry instanceof Y.Map ? (entry as Y.Map<unknown>) : null
}

// ——— Readers ———

const readList = (plan: Y.Map<unknown>, key: PlanListKey): string[] =>
  readTextList(plan.get(PLAN_FIELDS[key]), PLAN_LIST_RULES[key].maxLength).map((item) => item.text)

function readReviewDate(value: unknown): string {
  return typeof value === 'string' && isCalendarDate(value) ? value : ''
}

/** An outcome row as written in the document, or null when the entry is not a row at all. */
export function readOutcome(id: string, entry: unknown): OutcomeRow | null {
  if (!(entry instanceof Y.Map)) return null
  const row = entry as Y.Map<unknown>
  const cell = (key: OutcomeTextKey) => readSharedText(row, OUTCOME_FIELDS[key], OUTCOME_TEXT_MAX_LENGTH[key])
  return {
    id,
    metric: cell('metric'),
    baseline: cell('baseline'),
    target: cell('target'),
    owner: cell('owner'),
    reviewDate: readReviewDate(row.get(OUTCOME_FIELDS.reviewDate)),
    order: boundedString(row.get(OUTCOME_FIELDS.order), ORDER_MAX_LENGTH)
  }
}

/** The readable rows, in order, at most OUTCOME_READ_LIMIT. */
export function readOutcomes(doc: Y.Doc): OutcomeRow[] {
  const rows: OutcomeRow[] = []
  outcomesOf(doc)?.forEach((entry, id) => {
    const row = readOutcome(id, entry)
    if (row) rows.push(row)
  })
  return rows.sort(compareOrdered).slice(0, OUTCOME_READ_LIMIT)
}

/** The whole plan as written in the document; an empty plan when there is none. */
export function readProgramPlan(doc: Y.Doc): ProgramPlan {
  const plan = planOf(doc)
  const text = (key: PlanTextKey) => readSharedText(plan, PLAN_FIELDS[key], PLAN_TEXT_MAX_LENGTH[key])
  return {
    programName: text('programName'),
    opportunities: readList(plan, 'opportunities'),
    targetEmployees: text('targetEmployees'),
    targetCustomers: text('targetCustomers'),
    activities: readList(plan, 'activities'),
    boundaries: readList(plan, 'boundaries'),
    behaviours: readList(plan, 'behaviours'),
    outcomes: readOutcomes(doc),
    recognition: text('recognition')
  }
}

// ——— Writers' helpers (call inside a transaction) ———

/** The rows' Y.Map, made when missing; anything else a peer wrote there holds no readable row. */
function writableOutcomes(doc: Y.Doc): Y.Map<unknown> {
  const existing = outcomesOf(doc)
  if (existing) return existing
  const outcomes = new Y.Map<unknown>()
  planOf(doc).set(PLAN_FIELDS.outcomes, outcomes)
  return outcomes
}

function newOutcomeEntry(order: string): Y.Map<unknown> {
  return new Y.Map<unknown>([
    [OUTCOME_FIELDS.metric, new Y.Text()],
    [OUTCOME_FIELDS.baseline, new Y.Text()],
    [OUTCOME_FIELDS.target, new Y.Text()],
    [OUTCOME_FIELDS.owner, new Y.Text()],
    [OUTCOME_FIELDS.reviewDate, ''],
    [OUTCOME_FIELDS.order, order]
  ])
}

// ——— Intents: each one transaction with LOCAL_ORIGIN ———

/**
 * Makes every part of the plan that is missing, in one transaction; changes nothing that is
 * there. Called once for a new program-plan workshop, on the facilitator's document, before
 * anyone types (see the top of this file). Returns false when there was nothing to make.
 */
export function seedProgramPlan(doc: Y.Doc): boolean {
  const plan = planOf(doc)
  const missing = Object.values(PLAN_FIELDS).filter((key) => !plan.has(key))
  if (missing.length === 0) return false
  doc.transact(() => {
    for (const key of PLAN_TEXT_KEYS) if (!plan.has(key)) plan.set(key, new Y.Text())
    for (const key of PLAN_LIST_KEYS) if (!plan.has(key)) plan.set(key, new Y.Array<string>())
    if (!plan.has(PLAN_FIELDS.outcomes)) plan.set(PLAN_FIELDS.outcomes, new Y.Map<unknown>())
  }, LOCAL_ORIGIN)
  return true
}

/** Sets a shared text of the plan. A text box uses `bindPlanText`, which also keeps its caret. */
export const setPlanText = (doc: Y.Doc, key: PlanTextKey, text: string): EditResult =>
  setSharedText(doc, planOf(doc), PLAN_FIELDS[key], text, PLAN_TEXT_MAX_LENGTH[key])

/** Adds an item at the end of a list: one line, no duplicates. */
export const addPlanItem = (doc: Y.Doc, list: PlanListKey, text: string): EditResult =>
  addTextItem(doc, planOf(doc), PLAN_FIELDS[list], PLAN_LIST_RULES[list], text)

/** `previous` is the text the person saw at `index`, so a peer's change to the list meanwhile is caught (textLists.ts). */
export const editPlanItem = (doc: Y.Doc, list: PlanListKey, index: number, text: string, previous?: string): EditResult =>
  editTextItem(doc, planOf(doc), PLAN_FIELDS[list], PLAN_LIST_RULES[list], index, text, previous)

export const removePlanItem = (doc: Y.Doc, list: PlanListKey, index: number, previous?: string): boolean =>
  removeTextItem(doc, planOf(doc), PLAN_FIELDS[list], PLAN_LIST_RULES[list].maxLength, index, previous)

/** Adds an empty row at the end of the outcomes table. */
export function addOutcome(doc: Y.Doc): AddOutcomeResult {
  const siblings: Ordered[] = readOutcomes(doc)
  if (siblings.length >= MAX_OUTCOMES) return { rowId: null, refused: 'full' }
  const rowId = newId()
  const placement = placeAt(siblings, siblings.length)
  doc.transact(() => {
    for (const { id, order } of placement.rekeyed) outcomeEntry(doc, id)?.set(OUTCOME_FIELDS.order, order)
    writableOutcomes(doc).set(rowId, newOutcomeEntry(placement.order))
  }, LOCAL_ORIGIN)
  return { rowId, refused: null }
}

/** Sets a whole cell; a text box uses `bindOutcomeText`. */
export const setOutcomeText = (doc: Y.Doc, rowId: string, column: OutcomeTextKey, text: string): EditResult =>
  setSharedText(doc, outcomeEntry(doc, rowId), OUTCOME_FIELDS[column], text, OUTCOME_TEXT_MAX_LENGTH[column])

/** Sets the day a row is reviewed, yyyy-mm-dd, or '' for none. False when nothing changed or it is not a day. */
export function setReviewDate(doc: Y.Doc, rowId: string, date: string): boolean {
  const entry = outcomeEntry(doc, rowId)
  if (!entry || (date !== '' && !isCalendarDate(date))) return false
  if (entry.get(OUTCOME_FIELDS.reviewDate) === date) return false
  doc.transact(() => entry.set(OUTCOME_FIELDS.reviewDate, date), LOCAL_ORIGIN)
  return true
}

/** Removes a row with everything written in it. */
export function removeOutcome(doc: Y.Doc, rowId: string): boolean {
  const outcomes = outcomesOf(doc)
  if (!outcomes?.has(rowId)) return false
  doc.transact(() => outcomes.delete(rowId), LOCAL_ORIGIN)
  return true
}

// ——— Text boxes: any change in the plan may have replaced a text or the row holding it ———

export const bindPlanText = (doc: Y.Doc, key: PlanTextKey, field: TextField): TextBinding =>
  bindSharedText(doc, planOf(doc), () => planOf(doc), PLAN_FIELDS[key], PLAN_TEXT_MAX_LENGTH[key], field)

export const bindOutcomeText = (doc: Y.Doc, rowId: string, column: OutcomeTextKey, field: TextField): TextBinding =>
  bindSharedText(doc, planOf(doc), () => outcomeEntry(doc, rowId), OUTCOME_FIELDS[column], OUTCOME_TEXT_MAX_LENGTH[column], field)

/** The intents bound to one document: what components receive, with no Yjs type in sight. */
export interface ProgramPlanIntents {
  setText(key: PlanTextKey, text: string): EditResult
  addItem(list: PlanListKey, text: string): EditResult
  editItem(list: PlanListKey, index: number, text: string, previous?: string): EditResult
  removeItem(list: PlanListKey, index: number, previous?: string): boolean
  addOutcome(): AddOutcomeResult
  setOutcomeText(rowId: string, column: OutcomeTextKey, text: string): EditResult
  setReviewDate(rowId: string, date: string): boolean
  removeOutcome(rowId: string): boolean
}

export function bindProgramPlanIntents(doc: Y.Doc): ProgramPlanIntents {
  return {
    setText: (key, text) => setPlanText(doc, key, text),
    addItem: (list, text) => addPlanItem(doc, list, text),
    editItem: (list, index, text, previous) => editPlanItem(doc, list, index, text, previous),
    removeItem: (list, index, previous) => removePlanItem(doc, list, index, previous),
    addOutcome: () => addOutcome(doc),
    setOutcomeText: (rowId, column, text) => setOutcomeText(doc, rowId, column, text),
    setReviewDate: (rowId, date) => setReviewDate(doc, rowId, date),
    removeOutcome: (rowId) => removeOutcome(doc, rowId)
  }
}

// ——— Snapshots ———

export type ProgramPlanSnapshotStore = SnapshotStore<ProgramPlan>

const sameRow = (a: OutcomeRow, b: OutcomeRow) =>
  a.metric === b.metric &&
  a.baseline === b.baseline &&
  a.target === b.target &&
  a.owner === b.owner &&
  a.reviewDate === b.reviewDate &&
  a.order === b.order

/**
 * Reads the plan from `doc`, sharing every unchanged list and row with `previous` (so
 * memoized parts of the canvas skip them); `previous` itself when nothing changed.
 */
export function buildProgramPlanSnapshot(doc: Y.Doc, previous: ProgramPlan | null): ProgramPlan {
  const fresh = readProgramPlan(doc)
  if (!previous) return fresh
  const list = (key: PlanListKey) => (sameItems(previous[key], fresh[key]) ? previous[key] : fresh[key])
  const rowsBefore = new Map(previous.outcomes.map((row) => [row.id, row]))
  const rows = fresh.outcomes.map((row) => {
    const before = rowsBefore.get(row.id)
    return before && sameRow(before, row) ? before : row
  })
  const next: ProgramPlan = {
    ...fresh,
    opportunities: list('opportunities'),
    activities: list('activities'),
    boundaries: list('boundaries'),
    behaviours: list('behaviours'),
    outcomes: sameItems(previous.outcomes, rows) ? previous.outcomes : rows
  }
  const unchangedPlan = (Object.keys(next) as Array<keyof ProgramPlan>).every((key) => next[key] === previous[key])
  return unchangedPlan ? previous : next
}

/** A store that rebuilds the plan lazily, after the document changed and someone asks. */
export const createProgramPlanSnapshotStore = (doc: Y.Doc): ProgramPlanSnapshotStore =>
  createLazySnapshotStore((previous) => buildProgramPlanSnapshot(doc, previous), deepChangesOf(planOf(doc)))

// ——— Model ———

/** Everything the program-plan canvas needs from one workshop document. */
export interface ProgramPlanModel {
  intents: ProgramPlanIntents
  snapshots: ProgramPlanSnapshotStore
  /** Keeps a text box and a shared text of the plan in step; destroy the binding when the box goes. */
  bindText(key: PlanTextKey, field: TextField): TextBinding
  /** The same for a cell of the outcomes table. */
  bindOutcomeText(rowId: string, column: OutcomeTextKey, field: TextField): TextBinding
  /** Takes back every listener, including those of bindings still open. */
  destroy(): void
}

/**
 * The plan model over `doc`: the workshop's document, or in anonymous mode its anonymous copy
 * (anonymousCopy.ts). It does not seed the plan: a participant's document may not have the
 * facilitator's plan yet, and a second, empty plan would compete with it.
 */
export function createProgramPlanModel(doc: Y.Doc): ProgramPlanModel {
  const snapshots = createProgramPlanSnapshotStore(doc)
  const bindings = createOpenBindings()
  return {
    intents: bindProgramPlanIntents(doc),
    snapshots,
    bindText: (key, field) => bindings.track(bindPlanText(doc, key, field)),
    bindOutcomeText: (rowId, column, field) => bindings.track(bindOutcomeText(doc, rowId, column, field)),
    destroy() {
      bindings.destroyAll()
      snapshots.destroy()
    }
  }
}
