/**
 * Value candidates of the core-values workshop (stage "draft"): their schema on the Y.Doc,
 * defensive readers, the intents that change them, and a snapshot store for React.
 *
 * Each candidate is a Y.Map under DOC_KEYS.values: a name, a definition the group writes
 * together (a Y.Text, so two people typing at once both keep their words), "we do" and
 * "we don't" behaviours and example stories (Y.Arrays of strings), an order key (fractional
 * index) and the cluster it came from. A peer may have written anything, so every reader
 * falls back instead of throwing and bounds what it returns.
 */
import * as Y from 'yjs'
import { DOC_KEYS } from '../../../shared/board'
import { LOCAL_ORIGIN } from './boardDoc'
import type { TextBinding, TextField } from './collaborativeText'
import { createLazySnapshotStore, deepChangesOf, sameItems, type SnapshotStore } from './externalStore'
import { newId } from './ids'
import { limitLength } from './noteText'
import { compareOrdered, initialOrders, insertionIndex, placeAt, type Ordered } from './ordering'
import { bindSharedText, createOpenBindings, readSharedText, setSharedText, writableSharedText } from './sharedTexts'
import {
  addTextItem,
  boundedString,
  changed,
  cleanText,
  editTextItem,
  readTextList,
  removeTextItem,
  sameWords,
  unchanged,
  writableTextList,
  type EditRefusal,
  type EditResult,
  type ListItem,
  type ListRules
} from './textLists'
import type { DraftedValue } from '../../../shared/finalizeValues'

/** Field names inside each value. Never rename: saved files and other peers use them. */
export const VALUE_FIELDS = {
  name: 'name',
  definition: 'definition',
  weDo: 'weDo',
  weDont: 'weDont',
  examples: 'examples',
  order: 'order',
  sourceClusterId: 'sourceClusterId'
} as const

export const VALUE_NAME_MAX_LENGTH = 80
/**
 * "One sentence": room for a long one, not for an essay. Two people typing at the limit at
 * the same moment can leave the shared text a little longer; readers show only this much,
 * and a text box adds nothing more until someone shortens it.
 */
export const VALUE_DEFINITION_MAX_LENGTH = 400
export const BEHAVIOUR_MAX_LENGTH = 200
export const EXAMPLE_MAX_LENGTH = 1000
/** How many candidates a workshop may hold: a handful of values end up agreed. */
export const MAX_VALUES = 20
/** Per value, per list ("we do", "we don't"). */
export const MAX_BEHAVIOURS = 20
export const MAX_EXAMPLES = 10

/** Longer ids are not ours: cluster and value ids are short. */
const ID_MAX_LENGTH = 200

export type BehaviourKind = 'weDo' | 'weDont'
export type ValueListKind = BehaviourKind | 'examples'

/** A value candidate as plain, immutable data: what finalizing takes (DraftedValue), and its place. */
export interface ValueCandidate extends DraftedValue {
  /** Fractional index: candidates sort by it, never by position. */
  order: string
  /** The cluster of the dot vote it came from; null for one added by hand. */
  sourceClusterId: string | null
}

/** One cluster of the dot vote's ranking, best first. */
export interface RankedCluster {
  clusterId: string
  name: string
}

/** Why an edit changed nothing, for the message a person sees. */
export type ValueEditRefusal = EditRefusal

export type ValueEditResult = EditResult

export interface AddValueResult extends ValueEditResult {
  valueId: string | null
}

/** Value id → Y.Map of VALUE_FIELDS. Values are `unknown`: a peer may have written anything. */
export const valuesOf = (doc: Y.Doc): Y.Map<unknown> => doc.getMap(DOC_KEYS.values)

/** The live Y.Map of a value, or null when there is no such (readable) value. */
export function valueEntry(doc: Y.Doc, valueId: string): Y.Map<unknown> | null {
  const entry = valuesOf(doc).get(valueId)
  return entry instanceof Y.Map ? (entry as Y.Map<unknown>) : null
}

// ——— Text rules ———

const LIST_RULES: Record<ValueListKind, ListRules> = {
  weDo: { maxItems: MAX_BEHAVIOURS, maxLength: BEHAVIOUR_MAX_LENGTH, singleLine: true },
  weDont: { maxItems: MAX_BEHAVIOURS, maxLength: BEHAVIOUR_MAX_LENGTH, singleLine: true },
  examples: { maxItems: MAX_EXAMPLES, maxLength: EXAMPLE_MAX_LENGTH, singleLine: false }
}

// ——— Readers ———

function readId(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 && value.length <= ID_MAX_LENGTH ? value : null
}

const readDefinition = (entry: Y.Map<unknown>): string => readSharedText(entry, VALUE_FIELDS.definition, VALUE_DEFINITION_MAX_LENGTH)

/** The readable items of a list: non-blank strings, each cut to the list's length. */
const readList = (entry: Y.Map<unknown>, kind: ValueListKind): ListItem[] =>
  readTextList(entry.get(VALUE_FIELDS[kind]), LIST_RULES[kind].maxLength)

/** A value as written in the document, or null when the entry is not a value at all. */
export function readValue(id: string, entry: unknown): ValueCandidate | null {
  if (!(entry instanceof Y.Map)) return null
  const fields = entry as Y.Map<unknown>
  const texts = (kind: ValueListKind) => readList(fields, kind).map((item) => item.text)
  return {
    id,
    name: boundedString(fields.get(VALUE_FIELDS.name), VALUE_NAME_MAX_LENGTH),
    definition: readDefinition(fields),
    weDo: texts('weDo'),
    weDont: texts('weDont'),
    examples: texts('examples'),
    order: boundedString(fields.get(VALUE_FIELDS.order), ID_MAX_LENGTH),
    sourceClusterId: readId(fields.get(VALUE_FIELDS.sourceClusterId))
  }
}

/** Every readable value, in order. */
export function readValues(doc: Y.Doc): ValueCandidate[] {
  const values: ValueCandidate[] = []
  valuesOf(doc).forEach((entry, id) => {
    const value = readValue(id, entry)
    if (value) values.push(value)
  })
  return values.sort(compareOrdered)
}

/** Values sorted for ordering: id and order key only, cheaper than reading every field. */
function orderedValues(doc: Y.Doc): Ordered[] {
  const values: Ordered[] = []
  valuesOf(doc).forEach((entry, id) => {
    if (entry instanceof Y.Map) values.push({ id, order: boundedString(entry.get(VALUE_FIELDS.order), ID_MAX_LENGTH) })
  })
  return values.sort(compareOrdered)
}

// ——— Writers' helpers (call inside a transaction) ———

function newValueEntry(name: string, order: string, sourceClusterId: string | null): Y.Map<unknown> {
  return new Y.Map<unknown>([
    [VALUE_FIELDS.name, name],
    [VALUE_FIELDS.definition, new Y.Text()],
    [VALUE_FIELDS.weDo, new Y.Array<string>()],
    [VALUE_FIELDS.weDont, new Y.Array<string>()],
    [VALUE_FIELDS.examples, new Y.Array<string>()],
    [VALUE_FIELDS.order, order],
    [VALUE_FIELDS.sourceClusterId, sourceClusterId]
  ])
}

/** The list as a Y.Array, replacing a plain array (or anything else) a peer wrote. */
const writableList = (entry: Y.Map<unknown>, kind: ValueListKind): Y.Array<unknown> => writableTextList(entry, VALUE_FIELDS[kind])

/** The definition as a Y.Text, replacing a plain string (or anything else) a peer wrote. */
const writableDefinition = (entry: Y.Map<unknown>): Y.Text => writableSharedText(entry, VALUE_FIELDS.definition, VALUE_DEFINITION_MAX_LENGTH)

function applyNewOrders(doc: Y.Doc, rekeyed: readonly Ordered[]): void {
  for (const { id, order } of rekeyed) valueEntry(doc, id)?.set(VALUE_FIELDS.order, order)
}

// ——— Intents: each one transaction with LOCAL_ORIGIN ———

/**
 * Turns the top `count` clusters of the ranking into candidates, once. Does nothing when the
 * workshop already has candidates. Ids follow the cluster ids and order keys the ranking, so
 * two facilitators' screens seeding at once write the same candidates instead of doubling them.
 * Returns false when nothing was created.
 */
export function createValuesFromClusters(doc: Y.Doc, ranking: readonly RankedCluster[], count: number): boolean {
  if (readValues(doc).length > 0) return false
  const wanted = Number.isFinite(count) ? Math.max(0, Math.min(Math.floor(count), MAX_VALUES)) : 0
  const seen = new Set<string>()
  const picked: RankedCluster[] = []
  for (const cluster of ranking) {
    if (picked.length >= wanted) break
    const clusterId = readId(cluster?.clusterId)
    if (!clusterId || seen.has(clusterId)) continue
    seen.add(clusterId)
    picked.push({ clusterId, name: typeof cluster.name === 'string' ? cluster.name : '' })
  }
  if (picked.length === 0) return false
  const orders = initialOrders(picked.length)
  doc.transact(() => {
    picked.forEach(({ clusterId, name }, i) => {
      const cleanName = cleanText(name, VALUE_NAME_MAX_LENGTH, true).text || `Value ${i + 1}`
      valuesOf(doc).set(`value-of-${clusterId}`, newValueEntry(cleanName, orders[i]!, clusterId))
    })
  }, LOCAL_ORIGIN)
  return true
}

/** Adds a candidate at the end. */
export function addValue(doc: Y.Doc, name: string): AddValueResult {
  const { text, truncated } = cleanText(name, VALUE_NAME_MAX_LENGTH, true)
  if (!text) return { ...unchanged('blank', truncated), valueId: null }
  const siblings = orderedValues(doc)
  if (siblings.length >= MAX_VALUES) return { ...unchanged('full', truncated), valueId: null }
  const valueId = newId()
  const placement = placeAt(siblings, siblings.length)
  doc.transact(() => {
    applyNewOrders(doc, placement.rekeyed)
    valuesOf(doc).set(valueId, newValueEntry(text, placement.order, null))
  }, LOCAL_ORIGIN)
  return { ...changed(truncated), valueId }
}

export function renameValue(doc: Y.Doc, valueId: string, name: string): ValueEditResult {
  const { text, truncated } = cleanText(name, VALUE_NAME_MAX_LENGTH, true)
  const entry = valueEntry(doc, valueId)
  if (!entry) return unchanged('missing', truncated)
  if (!text) return unchanged('blank', truncated)
  if (entry.get(VALUE_FIELDS.name) === text) return unchanged(null, truncated)
  doc.transact(() => entry.set(VALUE_FIELDS.name, text), LOCAL_ORIGIN)
  return changed(truncated)
}

/** Removes a candidate and everything written for it. */
export function dropValue(doc: Y.Doc, valueId: string): boolean {
  const values = valuesOf(doc)
  if (!values.has(valueId)) return false
  doc.transact(() => values.delete(valueId), LOCAL_ORIGIN)
  return true
}

/**
 * Moves a candidate between two neighbours: `beforeId` will sit just above it, `afterId`
 * just below (null at either end). Returns false when nothing changed.
 */
export function moveValue(doc: Y.Doc, valueId: string, beforeId: string | null, afterId: string | null): boolean {
  const entry = valueEntry(doc, valueId)
  if (!entry) return false
  const all = orderedValues(doc)
  const siblings = all.filter((value) => value.id !== valueId)
  const index = insertionIndex(siblings, beforeId, afterId)
  if (all.findIndex((value) => value.id === valueId) === index) return false
  const placement = placeAt(siblings, index)
  doc.transact(() => {
    applyNewOrders(doc, placement.rekeyed)
    entry.set(VALUE_FIELDS.order, placement.order)
  }, LOCAL_ORIGIN)
  return true
}

/**
 * Folds `mergeId` into `keepId`: the kept candidate gets the other's behaviours and example
 * stories that it does not already have (appended in their order), and its definition added
 * at the end when it says something else; then the other candidate is removed. Refused as
 * 'full' when a list would hold more than its limit, so nothing is lost without a word;
 * a definition longer than the limit together is cut, and `truncated` says so.
 */
export function mergeValues(doc: Y.Doc, keepId: string, mergeId: string): ValueEditResult {
  const keep = valueEntry(doc, keepId)
  const merged = valueEntry(doc, mergeId)
  if (!keep || !merged || keepId === mergeId) return unchanged('missing')

  const additions = new Map<ValueListKind, string[]>()
  for (const kind of ['weDo', 'weDont', 'examples'] as const) {
    const kept = readList(keep, kind)
    const known = new Set(kept.map((item) => sameWords(item.text)))
    const added: string[] = []
    for (const { text } of readList(merged, kind)) {
      const words = sameWords(text)
      if (known.has(words)) continue
      known.add(words)
      added.push(text)
    }
    if (added.length > 0 && kept.length + added.length > LIST_RULES[kind].maxItems) return unchanged('full')
    additions.set(kind, added)
  }

  const keptDefinition = readDefinition(keep)
  const mergedDefinition = readDefinition(merged).trim()
  const addsDefinition = mergedDefinition !== '' && !sameWords(keptDefinition).includes(sameWords(mergedDefinition))
  let truncated = false

  doc.transact(() => {
    for (const [kind, added] of additions) {
      if (added.length > 0) writableList(keep, kind).push(added)
    }
    if (addsDefinition) {
      const definition = writableDefinition(keep)
      const needsSpace = keptDefinition !== '' && !/\s$/.test(keptDefinition)
      const addition = (needsSpace ? ' ' : '') + mergedDefinition
      const room = Math.max(0, VALUE_DEFINITION_MAX_LENGTH - definition.length)
      const fitted = limitLength(addition, room)
      truncated = fitted.truncated
      if (fitted.text) definition.insert(definition.length, fitted.text)
    }
    valuesOf(doc).delete(mergeId)
  }, LOCAL_ORIGIN)
  return changed(truncated)
}

/**
 * Sets the whole definition with the smallest edit, so a peer typing elsewhere in it keeps
 * their words. A text box uses `bindDefinition` instead, which also keeps its caret in place.
 */
export const setDefinition = (doc: Y.Doc, valueId: string, text: string): ValueEditResult =>
  setSharedText(doc, valueEntry(doc, valueId), VALUE_FIELDS.definition, text, VALUE_DEFINITION_MAX_LENGTH)

const addListItem = (doc: Y.Doc, valueId: string, kind: ValueListKind, raw: string): ValueEditResult =>
  addTextItem(doc, valueEntry(doc, valueId), VALUE_FIELDS[kind], LIST_RULES[kind], raw)

const editListItem = (doc: Y.Doc, valueId: string, kind: ValueListKind, index: number, raw: string, previous: string | undefined) =>
  editTextItem(doc, valueEntry(doc, valueId), VALUE_FIELDS[kind], LIST_RULES[kind], index, raw, previous)

const removeListItem = (doc: Y.Doc, valueId: string, kind: ValueListKind, index: number, previous: string | undefined) =>
  removeTextItem(doc, valueEntry(doc, valueId), VALUE_FIELDS[kind], LIST_RULES[kind].maxLength, index, previous)

/** Adds a "we do" or "we don't" behaviour at the end of its list: one line, no duplicates. */
export const addBehaviour = (doc: Y.Doc, valueId: string, kind: BehaviourKind, text: string) =>
  addListItem(doc, valueId, kind, text)

/** `previous` is the text the person saw at `index`, so a peer's change to the list meanwhile is caught (textLists.ts). */
export const editBehaviour = (doc: Y.Doc, valueId: string, kind: BehaviourKind, index: number, text: string, previous?: string) =>
  editListItem(doc, valueId, kind, index, text, previous)

export const removeBehaviour = (doc: Y.Doc, valueId: string, kind: BehaviourKind, index: number, previous?: string) =>
  removeListItem(doc, valueId, kind, index, previous)

/** Adds an example story; line breaks are kept. */
export const addExample = (doc: Y.Doc, valueId: string, text: string) => addListItem(doc, valueId, 'examples', text)

export const editExample = (doc: Y.Doc, valueId: string, index: number, text: string, previous?: string) =>
  editListItem(doc, valueId, 'examples', index, text, previous)

export const removeExample = (doc: Y.Doc, valueId: string, index: number, previous?: string) =>
  removeListItem(doc, valueId, 'examples', index, previous)

/**
 * Keeps a text box and a value's definition in step for live co-editing (sharedTexts.ts).
 * Any change among the values may have replaced the definition or the whole value.
 */
export const bindDefinition = (doc: Y.Doc, valueId: string, field: TextField): TextBinding =>
  bindSharedText(doc, valuesOf(doc), () => valueEntry(doc, valueId), VALUE_FIELDS.definition, VALUE_DEFINITION_MAX_LENGTH, field)

/** The intents bound to one document: what components receive, with no Yjs type in sight. */
export interface ValuesIntents {
  createValuesFromClusters(ranking: readonly RankedCluster[], count: number): boolean
  addValue(name: string): AddValueResult
  renameValue(valueId: string, name: string): ValueEditResult
  dropValue(valueId: string): boolean
  moveValue(valueId: string, beforeId: string | null, afterId: string | null): boolean
  mergeValues(keepId: string, mergeId: string): ValueEditResult
  setDefinition(valueId: string, text: string): ValueEditResult
  addBehaviour(valueId: string, kind: BehaviourKind, text: string): ValueEditResult
  editBehaviour(valueId: string, kind: BehaviourKind, index: number, text: string, previous?: string): ValueEditResult
  removeBehaviour(valueId: string, kind: BehaviourKind, index: number, previous?: string): boolean
  addExample(valueId: string, text: string): ValueEditResult
  editExample(valueId: string, index: number, text: string, previous?: string): ValueEditResult
  removeExample(valueId: string, index: number, previous?: string): boolean
}

export function bindValuesIntents(doc: Y.Doc): ValuesIntents {
  return {
    createValuesFromClusters: (ranking, count) => createValuesFromClusters(doc, ranking, count),
    addValue: (name) => addValue(doc, name),
    renameValue: (valueId, name) => renameValue(doc, valueId, name),
    dropValue: (valueId) => dropValue(doc, valueId),
    moveValue: (valueId, beforeId, afterId) => moveValue(doc, valueId, beforeId, afterId),
    mergeValues: (keepId, mergeId) => mergeValues(doc, keepId, mergeId),
    setDefinition: (valueId, text) => setDefinition(doc, valueId, text),
    addBehaviour: (valueId, kind, text) => addBehaviour(doc, valueId, kind, text),
    editBehaviour: (valueId, kind, index, text, previous) => editBehaviour(doc, valueId, kind, index, text, previous),
    removeBehaviour: (valueId, kind, index, previous) => removeBehaviour(doc, valueId, kind, index, previous),
    addExample: (valueId, text) => addExample(doc, valueId, text),
    editExample: (valueId, index, text, previous) => editExample(doc, valueId, index, text, previous),
    removeExample: (valueId, index, previous) => removeExample(doc, valueId, index, previous)
  }
}

// ——— Snapshots ———

export type ValuesSnapshotStore = SnapshotStore<readonly ValueCandidate[]>

/** `fresh`, with every part equal to `before`'s taken from `before`: the same object when nothing changed. */
function reuseValue(before: ValueCandidate | undefined, fresh: ValueCandidate): ValueCandidate {
  if (!before) return fresh
  const weDo = sameItems(before.weDo, fresh.weDo) ? before.weDo : fresh.weDo
  const weDont = sameItems(before.weDont, fresh.weDont) ? before.weDont : fresh.weDont
  const examples = sameItems(before.examples, fresh.examples) ? before.examples : fresh.examples
  if (
    before.name === fresh.name &&
    before.definition === fresh.definition &&
    before.order === fresh.order &&
    before.sourceClusterId === fresh.sourceClusterId &&
    weDo === before.weDo &&
    weDont === before.weDont &&
    examples === before.examples
  ) {
    return before
  }
  return { ...fresh, weDo, weDont, examples }
}

/** Reads every candidate from `doc`, in order, sharing unchanged ones with `previous`. */
export function buildValuesSnapshot(doc: Y.Doc, previous: readonly ValueCandidate[] | null): readonly ValueCandidate[] {
  const before = new Map(previous?.map((value) => [value.id, value]))
  const values = readValues(doc).map((value) => reuseValue(before.get(value.id), value))
  return previous && sameItems(previous, values) ? previous : values
}

/** A store that rebuilds the list lazily, after the document changed and someone asks. */
export const createValuesSnapshotStore = (doc: Y.Doc): ValuesSnapshotStore =>
  createLazySnapshotStore((previous) => buildValuesSnapshot(doc, previous), deepChangesOf(valuesOf(doc)))

// ——— Model ———

/** Everything the draft stage needs from one workshop document. */
export interface ValuesModel {
  intents: ValuesIntents
  snapshots: ValuesSnapshotStore
  /** Keeps a text box and a value's definition in step; destroy the binding when the box goes. */
  bindDefinition(valueId: string, field: TextField): TextBinding
  /** Takes back every listener, including those of bindings still open. */
  destroy(): void
}

export function createValuesModel(doc: Y.Doc): ValuesModel {
  const snapshots = createValuesSnapshotStore(doc)
  const bindings = createOpenBindings()
  return {
    intents: bindValuesIntents(doc),
    snapshots,
    bindDefinition: (valueId, field) => bindings.track(bindDefinition(doc, valueId, field)),
    destroy() {
      bindings.destroyAll()
      snapshots.destroy()
    }
  }
}
