import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type RefObject } from 'react'
import type { Column } from '../../../../shared/board'
import type { BoardIntents } from '../../crdt/intents'
import { cellKey, cellOf, LANE_TITLE_MAX_LENGTH, MAX_JOURNEY_STAGES, MAX_LANES, type JourneyIntents, type JourneySnapshot } from '../../crdt/journey'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { InlineTextEdit } from '../../ui/InlineTextEdit'
import { ActionFace } from '../board/ActionFace'
import { BoardOptionsContext, useBoardOptions } from '../board/boardOptions'
import type { DropPlace } from '../board/dragItems'
import type { MoveDestination } from '../board/moveDestinations'
import { NoteDragArea } from '../board/NoteDragArea'
import { JourneyCell } from './JourneyCell'
import { useJourneyView, type JourneyView } from './journeyView'
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
          <button
            type="button"
            className="note__action"
            aria-label={`Rename ${entry.title}`}
            title={`Rename ${entry.title}`}
            onClick={() => setRenaming(true)}
          >
            <ActionFace symbol="✎" word="Rename" />
          </button>
          <button
            type="button"
            className="note__action"
            aria-label={`Move ${entry.title} ${backWord}`}
            title={`Move ${entry.title} ${backWord}`}
            disabled={index === 0}
            onClick={() => structure.move(axis, entry.id, index - 1)}
          >
            {back}
          </button>
          <button
            type="button"
            className="note__action"
            aria-label={`Move ${entry.title} ${forwardWord}`}
            title={`Move ${entry.title} ${forwardWord}`}
            disabled={index === count - 1}
            onClick={() => structure.move(axis, entry.id, index + 1)}
          >
            {forward}
          </button>
          <button
            type="button"
            className="note__action"
            aria-label={`Remove ${entry.title}`}
            title={`Remove ${entry.title}`}
            disabled={count <= 1}
            onClick={() => setRemoving(true)}
          >
            <ActionFace symbol="✕" word="Remove" />
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

/** Fit and density: how this device shows the map (journeyView.ts). Toggle buttons, so a screen reader says which are on. */
function JourneyViewButtons({ view, changeView }: { view: JourneyView; changeView(change: Partial<JourneyView>): void }) {
  return (
    <div className="journey-view" role="group" aria-label="Map view">
      <button type="button" className="journey-view__toggle" aria-pressed={view.fit} onClick={() => changeView({ fit: !view.fit })}>
        Fit to screen
      </button>
      <button
        type="button"
        className="journey-view__toggle"
        aria-pressed={view.compact}
        onClick={() => changeView({ compact: !view.compact })}
      >
        Compact
      </button>
    </div>
  )
}

/**
 * Keeps the lane labels beside their rows. The labels sit in their own column outside the
 * map's scrolled view, so a note scrolled sideways goes out of view at the view's edge instead
 * of under a label; that column follows the map's vertical scroll, and each row is as tall as
 * the taller of its label and its cells. Measured a frame after a resize, not inside the
 * observer's callback, where changing the sizes it watches would loop.
 */
function useLaneColumn(grid: RefObject<HTMLDivElement | null>, lanes: RefObject<HTMLDivElement | null>, shapeKey: string) {
  useEffect(() => {
    const gridElement = grid.current
    const lanesElement = lanes.current
    if (!gridElement || !lanesElement) return
    let frame = 0
    const align = () => {
      frame = 0
      // The least height of a row's cells (journey.css) is its label's; of the stage row, the corner's.
      const [corner, ...labels] = [...lanesElement.children] as HTMLElement[]
      gridElement.style.setProperty('--journey-row-min', `${corner?.offsetHeight ?? 0}px`)
      gridElement.querySelectorAll<HTMLElement>(':scope > .journey-grid__row').forEach((row, index) => {
        row.style.setProperty('--journey-row-min', `${labels[index]?.offsetHeight ?? 0}px`)
      })
      lanesElement.style.gridTemplateRows = getComputedStyle(gridElement).gridTemplateRows
    }
    const observer = new ResizeObserver(() => {
      if (frame === 0) frame = requestAnimationFrame(align)
    })
    for (const element of [...lanesElement.children, ...gridElement.querySelectorAll('.journey-axis, .journey-cell')]) {
      observer.observe(element)
    }
    const followGrid = () => {
      lanesElement.scrollTop = gridElement.scrollTop
    }
    // Tabbing to a lane's tools can scroll the labels; the map follows them.
    const followLanes = () => {
      gridElement.scrollTop = lanesElement.scrollTop
    }
    // The labels' column cannot scroll by itself: a wheel over it scrolls the map.
    const scrollGrid = (event: WheelEvent) => gridElement.scrollBy(event.deltaX, event.deltaY)
    gridElement.addEventListener('scroll', followGrid, { passive: true })
    lanesElement.addEventListener('scroll', followLanes, { passive: true })
    lanesElement.addEventListener('wheel', scrollGrid, { passive: true })
    return () => {
      observer.disconnect()
      cancelAnimationFrame(frame)
      gridElement.removeEventListener('scroll', followGrid)
      lanesElement.removeEventListener('scroll', followLanes)
      lanesElement.removeEventListener('wheel', scrollGrid)
    }
  }, [grid, lanes, shapeKey])
}

/**
 * Turned to "Fit to screen", the map scrolls up to the top of the stage's area and fills it (the
 * stage's own tools above it go out of view), once laid out fitted. Not when it opens fitted: a
 * stage opens at its top (StageContent.tsx).
 */
function useFillWindowWhenFitted(journey: RefObject<HTMLDivElement | null>, fit: boolean) {
  const wasFit = useRef(fit)
  useLayoutEffect(() => {
    if (fit && !wasFit.current) journey.current?.scrollIntoView({ block: 'start' })
    wasFit.current = fit
  }, [journey, fit])
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
 * direction); the stage row and the lane labels stay in view while the map scrolls.
 */
export function JourneyGrid({ snapshot, intents, structure }: JourneyGridProps) {
  const { stages, lanes, cells, notes } = snapshot
  const [view, changeView] = useJourneyView()
  // Fitted, a stage can be as narrow as --journey-fit-width: the cards' actions take one line as symbols.
  const workshopOptions = useBoardOptions()
  const options = useMemo(() => ({ ...workshopOptions, narrowCards: view.fit }), [workshopOptions, view.fit])
  const journey = useRef<HTMLDivElement>(null)
  useFillWindowWhenFitted(journey, view.fit)
  const grid = useRef<HTMLDivElement>(null)
  const laneColumn = useRef<HTMLDivElement>(null)
  // Which cells there are: a new stage or lane brings elements to measure.
  useLaneColumn(grid, laneColumn, [...stages, ...lanes].map((entry) => entry.id).join(' '))
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
    <BoardOptionsContext value={options}>
      <div ref={journey} className={`journey${view.fit ? ' journey--fit' : ''}${view.compact ? ' journey--compact' : ''}`} style={style}>
        <NoteDragArea
          containers={cells as Record<string, string[]>}
          notes={notes}
          titleOf={titleOf}
          destinations={destinations}
          onDrop={onDrop}
        >
          {(items, activeNoteId) => (
            <div className="journey-map">
              <div ref={laneColumn} className="journey-lanes" role="group" aria-label="Lanes">
                <div className="journey-lanes__corner">
                  <JourneyViewButtons view={view} changeView={changeView} />
                </div>
                {lanes.map((lane, laneIndex) => (
                  <AxisHeader key={lane.id} axis="lane" entry={lane} index={laneIndex} count={lanes.length} structure={structure} />
                ))}
              </div>
              <div ref={grid} className="journey-grid" role="group" aria-label="Employee journey map">
                {stages.map((stage, index) => (
                  <AxisHeader key={stage.id} axis="stage" entry={stage} index={index} count={stages.length} structure={structure} />
                ))}
                {lanes.map((lane) => (
                  <div key={lane.id} className="journey-grid__row" role="group" aria-label={lane.title}>
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
    </BoardOptionsContext>
  )
}
