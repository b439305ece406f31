import { memo, useId, useState } from 'react'
import type { TextBinding, TextField } from '../../../crdt/collaborativeText'
import { VALUE_NAME_MAX_LENGTH, type ValueCandidate, type ValuesIntents } from '../../../crdt/values'
import { InlineTextEdit } from '../../../ui/InlineTextEdit'
import { DefinitionField } from './DefinitionField'
import { displayName, dotCount } from './draftText'
import { StatementList } from './StatementList'
import { followable } from '../../../ui/followKey'

/** A candidate another one can be merged into: id and name only, so cards skip unrelated edits. */
export type MergeTarget = readonly [id: string, name: string]

export interface RankedSource {
  name: string
  dots: number
}

interface ValueCardProps {
  value: ValueCandidate
  /** Counting from 1. */
  position: number
  total: number
  /** Every candidate, this one included (it is left out of "Merge into…"). */
  mergeTargets: readonly MergeTarget[]
  /** The dot-vote cluster it came from, when known. */
  source: RankedSource | undefined
  canEdit: boolean
  intents: ValuesIntents
  bindDefinition(valueId: string, field: TextField): TextBinding
  onMove(valueId: string, step: -1 | 1): void
  onMerge(fromId: string, intoId: string): void
  onDrop(valueId: string): void
}

/** One value candidate: its name, definition, behaviours, stories and what can be done with it. */
export const ValueCard = memo(function ValueCard({
  value,
  position,
  total,
  mergeTargets,
  source,
  canEdit,
  intents,
  bindDefinition,
  onMove,
  onMerge,
  onDrop
}: ValueCardProps) {
  const [renaming, setRenaming] = useState(false)
  const [mergeInto, setMergeInto] = useState('')
  const nameId = useId()
  const mergeId = useId()
  const name = displayName(value.name)
  const others = mergeTargets.filter(([id]) => id !== value.id)
  // A choice whose candidate has since gone (dropped or merged elsewhere) is no choice.
  const chosen = others.some(([id]) => id === mergeInto) ? mergeInto : ''

  return (
    <article className="value-card" aria-labelledby={nameId} {...followable('value', value.id)}>
      <header className="value-card__header">
        <span className="value-card__position" aria-hidden="true">
          {position}
        </span>
        <div className="value-card__title">
          {canEdit && renaming ? (
            <>
              {/* Still names the card while the box is open. */}
              <h3 id={nameId} className="visually-hidden">
                {name}
              </h3>
              <InlineTextEdit
              label="Value name"
              initialValue={value.name}
              maxLength={VALUE_NAME_MAX_LENGTH}
              emptyMessage="A value needs a name."
              onSave={async (next) => {
                intents.renameValue(value.id, next)
                setRenaming(false)
                return true
              }}
              onCancel={() => setRenaming(false)}
            />
            </>
          ) : (
            <h3 id={nameId} className="value-card__name" tabIndex={-1} data-focus="name">
              {name}
            </h3>
          )}
          {source && (
            <p className="value-card__source">
              From the cluster “{source.name}” · {dotCount(source.dots)}
            </p>
          )}
        </div>
        {canEdit && !renaming && (
          <button type="button" className="button button--small button--quiet" aria-label={`Rename ${name}`} onClick={() => setRenaming(true)}>
            Rename
          </button>
        )}
      </header>

      <DefinitionField
        valueId={value.id}
        valueName={name}
        length={value.definition.length}
        readOnly={!canEdit}
        bindDefinition={bindDefinition}
      />

      <div className="value-card__behaviours">
        {(['weDo', 'weDont'] as const).map((kind) => (
          <StatementList
            key={kind}
            kind={kind}
            valueName={name}
            items={value[kind]}
            canEdit={canEdit}
            onAdd={(text) => intents.addBehaviour(value.id, kind, text)}
            onEdit={(index, text, previous) => intents.editBehaviour(value.id, kind, index, text, previous)}
            onRemove={(index, previous) => intents.removeBehaviour(value.id, kind, index, previous)}
          />
        ))}
      </div>

      <StatementList
        kind="examples"
        valueName={name}
        items={value.examples}
        canEdit={canEdit}
        onAdd={(text) => intents.addExample(value.id, text)}
        onEdit={(index, text, previous) => intents.editExample(value.id, index, text, previous)}
        onRemove={(index, previous) => intents.removeExample(value.id, index, previous)}
      />

      {canEdit && (
        <footer className="value-card__actions">
          <div className="value-card__moves">
            <button
              type="button"
              className="button button--small"
              aria-label={`Move up: ${name}`}
              data-focus="up"
              disabled={position === 1}
              onClick={() => onMove(value.id, -1)}
            >
              <span aria-hidden="true">↑</span> Move up
            </button>
            <button
              type="button"
              className="button button--small"
              aria-label={`Move down: ${name}`}
              data-focus="down"
              disabled={position === total}
              onClick={() => onMove(value.id, 1)}
            >
              <span aria-hidden="true">↓</span> Move down
            </button>
          </div>
          {others.length > 0 && (
            <form
              className="value-card__merge"
              onSubmit={(event) => {
                event.preventDefault()
                if (chosen) onMerge(value.id, chosen)
              }}
            >
              <label htmlFor={mergeId} className="value-card__merge-label">
                Merge into
              </label>
              <select
                id={mergeId}
                className="value-card__select"
                aria-label={`Merge ${name} into`}
                value={chosen}
                onChange={(event) => setMergeInto(event.target.value)}
              >
                <option value="">Choose a value…</option>
                {others.map(([id, otherName]) => (
                  <option key={id} value={id}>
                    {displayName(otherName)}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--small" aria-label={`Merge ${name}`} disabled={!chosen}>
                Merge
              </button>
            </form>
          )}
          <button
            type="button"
            className="button button--small button--danger-quiet value-card__drop"
            aria-label={`Drop ${name}`}
            onClick={() => onDrop(value.id)}
          >
            Drop
          </button>
        </footer>
      )}
    </article>
  )
})
