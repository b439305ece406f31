import { useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react'
import type { RankedPlace, TieDecision } from '../../../../../shared/ballots'
import { VALUE_NAME_MAX_LENGTH, type ValueCandidate, type ValuesModel } from '../../../crdt/values'
import { ConfirmDialog } from '../../../ui/ConfirmDialog'
import { announce, displayName, mergeProblem, VALUES_FULL_MESSAGE } from './draftText'
import { SeedCandidates } from './SeedCandidates'
import { ValueCard, type MergeTarget, type RankedSource } from './ValueCard'
import './draft.css'

export interface DraftStageProps {
  model: ValuesModel
  /** False while the workshop is locked or finalized: everything is read-only. */
  canEdit: boolean
  /** The dot vote's clusters, best first, with the facilitator's tie decisions applied. */
  ranking: readonly RankedPlace[]
  isFacilitator: boolean
  /** The facilitator's break or keep of a tie across the cut; null on other screens. */
  decideTie: ((decision: TieDecision) => void) | null
}

/** Where focus goes once the document change a person made is on screen. */
type FocusRequest = { valueId: string; target: 'up' | 'down' | 'name' } | { valueId: null; target: 'add' }

interface PendingMerge {
  fromId: string
  intoId: string
}

/** "Add a value": a name, and Enter. */
function AddValueForm({ onAdd, inputRef }: { onAdd(name: string): boolean; inputRef: RefObject<HTMLInputElement | null> }) {
  const [name, setName] = useState('')
  const fieldId = useId()
  return (
    <form
      className="draft__add"
      onSubmit={(event) => {
        event.preventDefault()
        if (name.trim() && onAdd(name)) setName('')
        inputRef.current?.focus()
      }}
    >
      <label htmlFor={fieldId} className="draft__add-label">
        New value name
      </label>
      <input
        ref={inputRef}
        id={fieldId}
        type="text"
        className="field__input draft__add-input"
        placeholder="e.g. Curiosity"
        maxLength={VALUE_NAME_MAX_LENGTH}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button">
        Add a value
      </button>
    </form>
  )
}

/**
 * Stage "Draft value statements": the candidates as cards, in the group's order. Everyone
 * writes at once — the definition is shared text, so two people typing in it both keep their
 * words. The facilitator starts the stage from the dot vote's top clusters.
 */
export function DraftStage({ model, canEdit, ranking, isFacilitator, decideTie }: DraftStageProps) {
  // The same snapshot serves a server render, so the stage can be rendered to a string in tests.
  const values = useSyncExternalStore(model.snapshots.subscribe, model.snapshots.getSnapshot, model.snapshots.getSnapshot)
  const { intents, bindDefinition } = model
  const [status, setStatus] = useState('')
  const [dropping, setDropping] = useState<ValueCandidate | null>(null)
  const [merging, setMerging] = useState<PendingMerge | null>(null)
  const [mergeTrouble, setMergeTrouble] = useState<string | null>(null)
  const listRef = useRef<HTMLOListElement>(null)
  const addRef = useRef<HTMLInputElement>(null)
  const focusRequest = useRef<FocusRequest | null>(null)
  // The callbacks below read the latest list without changing identity on every keystroke,
  // so memoized cards re-render only when their own candidate changed.
  const latest = useRef(values)
  useEffect(() => {
    latest.current = values
  }, [values])

  // After the change is rendered, and after a closing dialog has let go of the page.
  useEffect(() => {
    const request = focusRequest.current
    if (!request) return
    focusRequest.current = null
    if (request.valueId === null) {
      addRef.current?.focus()
      return
    }
    const card = listRef.current?.querySelector(`[data-value-id="${CSS.escape(request.valueId)}"]`)
    // A move to the top or bottom disables the button just pressed: the other one takes the focus.
    const order = request.target === 'up' ? ['up', 'down', 'name'] : request.target === 'down' ? ['down', 'up', 'name'] : ['name']
    const target = order
      .map((which) => card?.querySelector<HTMLElement>(`[data-focus="${which}"]`))
      .find((element) => element && !(element instanceof HTMLButtonElement && element.disabled))
    target?.focus()
  })

  const sources = useMemo(() => {
    const byCluster = new Map<string, RankedSource>()
    for (const { clusterId, name, dots } of ranking) if (!byCluster.has(clusterId)) byCluster.set(clusterId, { name, dots })
    return byCluster
  }, [ranking])

  // Changes only when a candidate is added, removed, renamed or moved: typing in a definition
  // leaves it (and so every other card) alone.
  const targetsKey = JSON.stringify(values.map((value): MergeTarget => [value.id, value.name]))
  const mergeTargets = useMemo(() => JSON.parse(targetsKey) as MergeTarget[], [targetsKey])

  const move = useCallback(
    (valueId: string, step: -1 | 1) => {
      const list = latest.current
      const index = list.findIndex((value) => value.id === valueId)
      const to = index + step
      if (index < 0 || to < 0 || to >= list.length) return
      const rest = list.filter((value) => value.id !== valueId)
      if (!intents.moveValue(valueId, rest[to - 1]?.id ?? null, rest[to]?.id ?? null)) return
      focusRequest.current = { valueId, target: step < 0 ? 'up' : 'down' }
      setStatus(announce.moved(list[index]!.name, to + 1, list.length))
    },
    [intents]
  )
  const requestDrop = useCallback((valueId: string) => {
    setDropping(latest.current.find((value) => value.id === valueId) ?? null)
  }, [])
  const requestMerge = useCallback((fromId: string, intoId: string) => {
    setMergeTrouble(null)
    setMerging({ fromId, intoId })
  }, [])

  const nameOf = (valueId: string) => displayName(values.find((value) => value.id === valueId)?.name ?? '')

  const drop = async () => {
    if (!dropping) return true
    const index = values.findIndex((value) => value.id === dropping.id)
    const neighbour = values[index + 1] ?? values[index - 1]
    intents.dropValue(dropping.id)
    focusRequest.current = neighbour && neighbour.id !== dropping.id ? { valueId: neighbour.id, target: 'name' } : { valueId: null, target: 'add' }
    setStatus(announce.dropped(dropping.name))
    setDropping(null)
    return true
  }

  const merge = async () => {
    if (!merging) return true
    const fromName = nameOf(merging.fromId)
    const intoName = nameOf(merging.intoId)
    const result = intents.mergeValues(merging.intoId, merging.fromId)
    if (!result.changed) {
      setMergeTrouble(mergeProblem(result) || 'Nothing was merged.')
      return false
    }
    focusRequest.current = { valueId: merging.intoId, target: 'name' }
    setStatus(announce.merged(fromName, intoName, result.truncated))
    setMerging(null)
    return true
  }

  const addValue = (name: string): boolean => {
    const result = intents.addValue(name)
    if (result.refused === 'full') setStatus(VALUES_FULL_MESSAGE)
    else if (result.changed) setStatus(announce.added(name))
    return result.changed
  }

  const create = (count: number) => {
    if (intents.createValuesFromClusters(ranking, count)) {
      setStatus(announce.created(model.snapshots.getSnapshot().length))
      const first = model.snapshots.getSnapshot()[0]
      if (first) focusRequest.current = { valueId: first.id, target: 'name' }
    }
  }

  const empty = values.length === 0
  // Until the candidates exist, only the facilitator adds: a participant's value would stop
  // the facilitator's "Create candidates" (it seeds an empty list only).
  const canAdd = canEdit && (!empty || isFacilitator)

  return (
    <section className="draft" aria-label="Value candidates">
      {empty && canEdit && isFacilitator && decideTie && <SeedCandidates ranking={ranking} onCreate={create} decideTie={decideTie} />}
      {empty && !(canEdit && isFacilitator) && (
        <p className="draft__empty">
          {canEdit
            ? 'No value candidates yet. The facilitator turns the top clusters of the dot vote into candidates.'
            : 'No value candidates yet.'}
        </p>
      )}

      {!empty && (
        <ol ref={listRef} className="draft__values">
          {values.map((value, index) => (
            <li key={value.id} className="draft__value" data-value-id={value.id}>
              <ValueCard
                value={value}
                position={index + 1}
                total={values.length}
                mergeTargets={mergeTargets}
                source={value.sourceClusterId === null ? undefined : sources.get(value.sourceClusterId)}
                canEdit={canEdit}
                intents={intents}
                bindDefinition={bindDefinition}
                onMove={move}
                onMerge={requestMerge}
                onDrop={requestDrop}
              />
            </li>
          ))}
        </ol>
      )}

      {canAdd && <AddValueForm onAdd={addValue} inputRef={addRef} />}

      {/* Always present, so screen readers hear the message when it appears. */}
      <p role="status" className="draft__status">
        {status}
      </p>

      {dropping && (
        <ConfirmDialog
          title={`Drop ${displayName(dropping.name)}?`}
          problem={null}
          cancelLabel="Keep it"
          confirmLabel="Drop value"
          onCancel={() => setDropping(null)}
          onConfirm={drop}
        >
          Its definition, behaviours and example stories go with it, for everyone in the workshop.
        </ConfirmDialog>
      )}
      {merging && (
        <ConfirmDialog
          title={`Merge ${nameOf(merging.fromId)} into ${nameOf(merging.intoId)}?`}
          problem={mergeTrouble}
          cancelLabel="Cancel"
          confirmLabel="Merge"
          onCancel={() => setMerging(null)}
          onConfirm={merge}
        >
          {nameOf(merging.intoId)} keeps its name and gets the behaviours and example stories of {nameOf(merging.fromId)}
          {' '}that it does not have yet, and its definition added at the end. {nameOf(merging.fromId)} is then removed.
        </ConfirmDialog>
      )}
    </section>
  )
}
