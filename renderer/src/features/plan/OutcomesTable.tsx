import { memo, useCallback, useEffect, useRef, useState } from 'react'
import { formatCalendarDate } from '../../../../shared/exports/planText'
import type { TextBinding, TextField } from '../../crdt/collaborativeText'
import { OUTCOME_TEXT_KEYS, OUTCOME_TEXT_MAX_LENGTH, type OutcomeRow, type OutcomeTextKey, type ProgramPlanIntents } from '../../crdt/programPlan'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { useCollaborativeText } from '../../ui/useCollaborativeText'
import { announce, cellTooLong, COLUMN_WORDS, OUTCOMES_FULL_MESSAGE, outcomeName } from './planText'

type BindOutcomeText = (rowId: string, column: OutcomeTextKey, field: TextField) => TextBinding

interface CellProps {
  rowId: string
  column: OutcomeTextKey
  position: number
  bindOutcomeText: BindOutcomeText
  onCut(message: string): void
}

/** One cell, written together like the plan's other texts. One line: Enter does not break it. */
function OutcomeCell({ rowId, column, position, bindOutcomeText, onCut }: CellProps) {
  const bind = useCallback((field: TextField) => bindOutcomeText(rowId, column, field), [bindOutcomeText, rowId, column])
  const { ref, handlers, wasCut } = useCollaborativeText(bind, OUTCOME_TEXT_MAX_LENGTH[column])
  useEffect(() => {
    if (wasCut) onCut(cellTooLong(column))
  }, [wasCut, column, onCut])
  return (
    <textarea
      ref={ref}
      className="outcomes__field"
      aria-label={`${COLUMN_WORDS[column]}, outcome ${position}`}
      data-column={column}
      rows={1}
      maxLength={OUTCOME_TEXT_MAX_LENGTH[column]}
      spellCheck={column === 'metric'}
      {...handlers}
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !event.nativeEvent.isComposing) event.preventDefault()
      }}
    />
  )
}

interface RowProps {
  row: OutcomeRow
  position: number
  bindOutcomeText: BindOutcomeText
  onReviewDate(rowId: string, date: string): void
  onRemove(rowId: string): void
  onCut(message: string): void
}

const OutcomeRowEditor = memo(function OutcomeRowEditor({ row, position, bindOutcomeText, onReviewDate, onRemove, onCut }: RowProps) {
  return (
    <tr data-row-id={row.id}>
      {OUTCOME_TEXT_KEYS.map((column) => (
        <td key={column} className={`outcomes__cell outcomes__cell--${column}`} data-label={COLUMN_WORDS[column]}>
          <OutcomeCell rowId={row.id} column={column} position={position} bindOutcomeText={bindOutcomeText} onCut={onCut} />
        </td>
      ))}
      <td className="outcomes__cell outcomes__cell--reviewDate" data-label={COLUMN_WORDS.reviewDate}>
        <input
          type="date"
          className="outcomes__field outcomes__date"
          aria-label={`${COLUMN_WORDS.reviewDate}, outcome ${position}`}
          value={row.reviewDate}
          onChange={(event) => onReviewDate(row.id, event.target.value)}
        />
      </td>
      <td className="outcomes__cell outcomes__cell--actions">
        <button
          type="button"
          className="button button--small button--danger-quiet"
          aria-label={`Remove ${outcomeName(row.metric, position)}`}
          onClick={() => onRemove(row.id)}
        >
          Remove
        </button>
      </td>
    </tr>
  )
})

/** A cell as read: its words, or a dash that a screen reader reads as "not set". */
function ReadCell({ text }: { text: string }) {
  if (text.trim()) return <>{text}</>
  return (
    <>
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">not set</span>
    </>
  )
}

const hasContent = (row: OutcomeRow) => OUTCOME_TEXT_KEYS.some((column) => row[column].trim() !== '') || row.reviewDate !== ''

interface OutcomesTableProps {
  rows: readonly OutcomeRow[]
  readOnly: boolean
  /** The id of the heading that names the table. */
  labelledBy: string
  intents: Pick<ProgramPlanIntents, 'addOutcome' | 'setReviewDate' | 'removeOutcome'>
  bindOutcomeText: BindOutcomeText
  /** Says something to the person (and their screen reader). */
  onStatus(message: string): void
}

/** Where the focus goes once the change a person made is on screen. */
type FocusRequest = { rowId: string; target: 'metric' } | { rowId: null; target: 'add' }

/**
 * The measurable outcomes: one row each, with its metric, baseline, target, owner and review
 * date. Every cell is a form field with its own accessible name ("Target, outcome 2"), so the
 * table is used with Tab alone; a new row's metric takes the focus.
 */
export function OutcomesTable({ rows, readOnly, labelledBy, intents, bindOutcomeText, onStatus }: OutcomesTableProps) {
  const [removing, setRemoving] = useState<{ row: OutcomeRow; position: number } | null>(null)
  const tableRef = useRef<HTMLTableElement>(null)
  const addRef = useRef<HTMLButtonElement>(null)
  const focusRequest = useRef<FocusRequest | null>(null)
  // The callbacks below read the latest rows without changing identity on every keystroke,
  // so memoized rows re-render only when their own row changed.
  const latest = useRef(rows)
  useEffect(() => {
    latest.current = rows
  }, [rows])

  // After the change is rendered, and after a closing dialog has let go of the page.
  useEffect(() => {
    const request = focusRequest.current
    if (!request) return
    focusRequest.current = null
    const row = request.rowId === null ? null : tableRef.current?.querySelector(`[data-row-id="${CSS.escape(request.rowId)}"]`)
    const target = row?.querySelector<HTMLElement>('[data-column="metric"]') ?? addRef.current
    target?.focus()
  })

  const remove = useCallback(
    (row: OutcomeRow, position: number) => {
      const list = latest.current
      const index = list.findIndex((each) => each.id === row.id)
      const neighbour = list[index + 1] ?? list[index - 1]
      if (!intents.removeOutcome(row.id)) return
      focusRequest.current = neighbour ? { rowId: neighbour.id, target: 'metric' } : { rowId: null, target: 'add' }
      onStatus(announce.outcomeRemoved(row.metric, position))
    },
    [intents, onStatus]
  )

  const requestRemove = useCallback(
    (rowId: string) => {
      const position = latest.current.findIndex((row) => row.id === rowId) + 1
      const row = latest.current[position - 1]
      if (!row) return
      // An empty row goes at once; one with something written in it is asked about first.
      if (hasContent(row)) setRemoving({ row, position })
      else remove(row, position)
    },
    [remove]
  )

  const setReviewDate = useCallback((rowId: string, date: string) => void intents.setReviewDate(rowId, date), [intents])

  const add = () => {
    const { rowId, refused } = intents.addOutcome()
    if (refused === 'full' || !rowId) {
      onStatus(OUTCOMES_FULL_MESSAGE)
      return
    }
    focusRequest.current = { rowId, target: 'metric' }
    onStatus(announce.outcomeAdded(latest.current.length + 1))
  }

  // Read-only, a row no one filled in says nothing (and finalizing leaves it out).
  const shown = readOnly ? rows.filter(hasContent) : rows
  if (readOnly && shown.length === 0) return <p className="plan-empty">No measurable outcomes.</p>

  return (
    <div className="outcomes">
      {shown.length > 0 && (
        // Scrolls sideways in a narrow window rather than squeezing the cells; on a phone each
        // row is a card of labelled fields instead (plan.css), from the cells' data-label.
        <div className="outcomes__scroll">
          <table ref={tableRef} className="outcomes__table" aria-labelledby={labelledBy}>
            <thead>
              <tr>
                {OUTCOME_TEXT_KEYS.map((column) => (
                  <th key={column} scope="col" className={`outcomes__head outcomes__head--${column}`}>
                    {COLUMN_WORDS[column]}
                  </th>
                ))}
                <th scope="col" className="outcomes__head outcomes__head--reviewDate">
                  {COLUMN_WORDS.reviewDate}
                </th>
                {!readOnly && (
                  <th scope="col" className="outcomes__head outcomes__head--actions">
                    <span className="visually-hidden">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {shown.map((row, index) =>
                readOnly ? (
                  <tr key={row.id}>
                    {OUTCOME_TEXT_KEYS.map((column) => (
                      <td key={column} className={`outcomes__cell outcomes__cell--${column}`} data-label={COLUMN_WORDS[column]}>
                        <ReadCell text={row[column]} />
                      </td>
                    ))}
                    <td className="outcomes__cell outcomes__cell--reviewDate" data-label={COLUMN_WORDS.reviewDate}>
                      <ReadCell text={row.reviewDate ? formatCalendarDate(row.reviewDate) : ''} />
                    </td>
                  </tr>
                ) : (
                  <OutcomeRowEditor
                    key={row.id}
                    row={row}
                    position={index + 1}
                    bindOutcomeText={bindOutcomeText}
                    onReviewDate={setReviewDate}
                    onRemove={requestRemove}
                    onCut={onStatus}
                  />
                )
              )}
            </tbody>
          </table>
        </div>
      )}
      {!readOnly && (
        <button ref={addRef} type="button" className="button button--small outcomes__add" onClick={add}>
          <span aria-hidden="true">+</span> Add a measurable outcome
        </button>
      )}
      {removing && (
        <ConfirmDialog
          title={`Remove ${outcomeName(removing.row.metric, removing.position)}?`}
          problem={null}
          cancelLabel="Keep it"
          confirmLabel="Remove outcome"
          onCancel={() => setRemoving(null)}
          onConfirm={async () => {
            remove(removing.row, removing.position)
            setRemoving(null)
            return true
          }}
        >
          Its metric, baseline, target, owner and review date go with it, for everyone in the workshop.
        </ConfirmDialog>
      )}
    </div>
  )
}
