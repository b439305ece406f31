import { useCallback, useId, useMemo, useState, type CSSProperties } from 'react'
import type { Column } from '../../../../shared/board'
import type { BoardIntents } from '../../crdt/intents'
import { cellKey, cellOf, LANE_TITLE_MAX_LENGTH, MAX_JOURNEY_STAGES, MAX_LANES, type JourneyIntents, type JourneySnapshot } from '../../crdt/journey'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { InlineTextEdit } from '../../ui/InlineTextEdit'
import type { DropPlace } from '../board/dragItems'
import type { MoveDestination } from '../board/moveDestinations'
import { NoteDragArea } from '../board/NoteDragArea'
import { JourneyCell } from './JourneyCell'
import './journey.css'

type Axis = 'stage' | 'lane'
const NOUN: Record<Axis, string> = { stage: 'stage', lane: 'lane' }
const EMPTY: readonly string[] = []

interface AxisHeaderProps {
  axis: Axis
  entry: Column
  index: number
  count: number
  /** The facilitator's controls; null shows the title alone. */
  structure: JourneyIntents | null
}

/** A stage's or lane's title, with the facilitator's rename, move and remove. */
function AxisHeader({ axis, entry, index, count, structure }: AxisHeaderProps) {
  const [renaming, setRenaming] = useState(false)
  const [removing, setRemoving] = useState(false)
  const noun = NOUN[axis]
  const [back, forward] = axis === 'stage' ? (['←', '→'] as const) : (['↑', '↓'] as const)
  const [backWord, forwardWord] = axis === 'stage' ? ['left', 'right'] : ['up', 'down']
  const notes = removing && structure ? structure.notesOn(axis, entry.id) : 0
  return (
    <div className={`journey-axis journey-axis--${axis}`}>
      {renaming && structure ? (
        <InlineTextEdit
          label={`${noun === 'stage' ? 'Stage' : 'Lane'} name`}
          initialValue={entry.title}
          maxLength={LANE_TITLE_MAX_LENGTH}
          emptyMessage={`A ${noun} needs a name.`}
          onSave={async (title) => {
            structure.rename(axis, entry.id, title)
            setRenaming(false)
            return true
          }}
          onCancel={() => setRenaming(false)}
        />
      ) : (
        <h3 className="journey-axis__title">{entry.title}</h3>
      )}
      {structure && !renaming && (
        <div className="journey-axis__tools">
          <button type="button" className="note__action" aria-label={`Rename ${entry.title}`} onClick={() => setRenaming(true)}>
            Rename
          </button>
          <button
            type="button"
            className="note__action"
            aria-label={`Move ${entry.title} ${backWord}`}
            disabled={index === 0}
            onClick={() => structure.move(axis, entry.id, index - 1)}
          >
            {back}
          </button>
          <button
            type="button"
            className="note__action"
            aria-label={`Move ${entry.title} ${forwardWord}`}
            disabled={index === count - 1}
            onClick={() => structure.move(axis, entry.id, index + 1)}
          >
            {forward}
          </button>
          <button
            type="button"
            className="note__action"
            aria-label={`Remove ${entry.title}`}
            disabled={count <= 1}
            onClick={() => setRemoving(true)}
          >
            Remove
          </button>
        </div>
      )}
      {removing && structure && (
        <ConfirmDialog
          title={`Remove the ${noun} “${entry.title}”?`}
          problem={null}
          cancelLabel="Keep it"
          confirmLabel={`Remove ${noun}`}
          onCancel={() => setRemoving(false)}
          onConfirm={async () => {
            structure.remove(axis, entry.id)
            setRemoving(false)
            return true
          }}
        >
          {notes === 0
            ? `It holds no notes.`
            : `Its ${notes === 1 ? 'note goes' : `${notes} notes go`} with it, for everyone. Undo brings ${notes === 1 ? 'it' : 'them'} back.`}
        </ConfirmDialog>
      )}
    </div>
  )
}

/** "Add stage" / "Add lane": a name, then Enter. */
function AddAxisForm({ axis, structure, full }: { axis: Axis; structure: JourneyIntents; full: boolean }) {
  const [name, setName] = useState('')
  const inputId = useId()
  const noun = NOUN[axis]
  return (
    <form
      className={`journey-add journey-add--${axis}`}
      onSubmit={(event) => {
        event.preventDefault()
        if (structure.add(axis, name)) setName('')
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        New {noun}
      </label>
      <input
        id={inputId}
        className="journey-add__input"
        value={name}
        maxLength={LANE_TITLE_MAX_LENGTH}
        placeholder={full ? `No more ${noun}s fit` : `New ${noun}`}
        disabled={full}
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="button button--small" disabled={full || !name.trim()}>
        Add {noun}
      </button>
    </form>
  )
}

interface JourneyGridProps {
  snapshot: JourneySnapshot
  /** Must be stable: every card is memoized on it. */
  intents: BoardIntents
  /** The facilitator's controls over stages and lanes; null when the map's shape is fixed for this screen. */
  structure: JourneyIntents | null
}

/**
 * The employee-journey map: stages left to right, lanes top to bottom, notes in the cells.
 * Notes move between cells by mouse, touch or keyboard (arrow keys cross cells in every
 * direction); the stage row and the lane column stay in view while the map scrolls.
 */
export function JourneyGrid({ snapshot, intents, structure }: JourneyGridProps) {
  const { stages, lanes, cells, notes } = snapshot
  const titleOf = useCallback(
    (key: string) => {
      const { stageId, laneId } = cellOf(key)
      const stage = stages.find((entry) => entry.id === stageId)?.title ?? 'a stage'
      const lane = lanes.find((entry) => entry.id === laneId)?.title ?? 'a lane'
      return `${stage}, ${lane}`
    },
    [stages, lanes]
  )
  // Grouped by journey stage, each with its lanes: "Onboard · Pain points".
  const destinations = useMemo(
    () =>
      stages.flatMap((stage) =>
        lanes.map((lane): MoveDestination => ({ containerId: cellKey(stage.id, lane.id), name: lane.title, group: stage.title }))
      ),
    [stages, lanes]
  )
  const onDrop = useCallback(
    (noteId: string, drop: DropPlace) => {
      const { stageId, laneId } = cellOf(drop.columnId)
      intents.moveNote(noteId, stageId, drop.noteIds[drop.index - 1] ?? null, drop.noteIds[drop.index + 1] ?? null, laneId)
    },
    [intents]
  )
  const style = { '--journey-stages': stages.length } as CSSProperties

  return (
    <div className="journey">
      <NoteDragArea
        containers={cells as Record<string, string[]>}
        notes={notes}
        titleOf={titleOf}
        destinations={destinations}
        onDrop={onDrop}
      >
        {(items, activeNoteId) => (
          <div className="journey-grid" style={style} role="group" aria-label="Employee journey map">
            <div className="journey-grid__corner" aria-hidden="true" />
            {stages.map((stage, index) => (
              <AxisHeader key={stage.id} axis="stage" entry={stage} index={index} count={stages.length} structure={structure} />
            ))}
            {lanes.map((lane, laneIndex) => (
              <div key={lane.id} className="journey-grid__row" role="group" aria-label={lane.title}>
                <AxisHeader axis="lane" entry={lane} index={laneIndex} count={lanes.length} structure={structure} />
                {stages.map((stage) => {
                  const key = cellKey(stage.id, lane.id)
                  return (
                    <JourneyCell
                      key={key}
                      id={key}
                      stageId={stage.id}
                      laneId={lane.id}
                      title={`${stage.title}, ${lane.title}`}
                      noteIds={items[key] ?? EMPTY}
                      notes={notes}
                      intents={intents}
                      activeNoteId={activeNoteId}
                    />
                  )
                })}
              </div>
            ))}
          </div>
        )}
      </NoteDragArea>
      {structure && (
        <div className="journey__shape" role="group" aria-label="Stages and lanes">
          <AddAxisForm axis="stage" structure={structure} full={stages.length >= MAX_JOURNEY_STAGES} />
          <AddAxisForm axis="lane" structure={structure} full={lanes.length >= MAX_LANES} />
        </div>
      )}
    </div>
  )
}
