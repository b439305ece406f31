import { useState, type ReactNode } from 'react'
import type { TemplateId } from '../../../../shared/templates'
import { isFinalizedValues, type FinalizedRecord, type WorkshopRecord } from '../../../../shared/workshopRecord'
import type { FinalizedValues, ValuesRecord } from '../../../../shared/valuesRecord'
import type { ValueCandidate } from '../../crdt/values'
import type { AgreedValues, FlowIntents } from '../../crdt/workshopFlow'
import type { FacilitatorRecord } from './CoreValuesWorkshop'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { formatDateTime } from '../../ui/formatDateTime'
import { userMessage } from '../../ui/userMessage'
import { ExportPanel } from '../export/ExportPanel'
import { displayName } from './draft/draftText'

/** What the facilitator's screen can do at the end; participants have none of it. */
export interface FinalizeControls<Record = ValuesRecord, Stored extends { contentHash: string } = FinalizedValues> {
  workshopId: string
  template: TemplateId
  /** Builds the record from the workshop as it is now. */
  buildRecord(): Record
  /** Stores the record once (the library refuses a second); resolves with it and its hash. */
  finalize(record: Record): Promise<Stored>
  /** The stored record, once there is one. */
  record: Stored | null
}

/**
 * The facilitator's finalize controls for a workshop of `template`: the stored record (when it
 * is this template's), the record as the workshop stands now, and storing it, which locks the
 * workshop on every screen and shows the record's hash (and, for core values, the values as
 * recorded). Null on a participant's screen.
 */
export function finalizeControlsFor<Record extends WorkshopRecord, Stored extends FinalizedRecord>(
  facilitator: FacilitatorRecord | null,
  template: TemplateId,
  isStored: (record: FinalizedRecord | null) => record is Stored,
  buildRecord: (facilitator: FacilitatorRecord) => Record,
  flowIntents: FlowIntents
): FinalizeControls<Record, Stored> | null {
  if (!facilitator) return null
  return {
    workshopId: facilitator.workshopId,
    template,
    record: isStored(facilitator.stored) ? facilitator.stored : null,
    buildRecord: () => buildRecord(facilitator),
    async finalize(built) {
      const stored = await facilitator.store(built)
      if (!isStored(stored)) throw new Error('The library stored a record of another kind of workshop.')
      const values = isFinalizedValues(stored)
        ? stored.values.map(({ name, definition, weDo, weDont }) => ({ name, definition, weDo, weDont }))
        : []
      flowIntents.markFinalized({ contentHash: stored.contentHash, values })
      return stored
    }
  }
}

interface FinalizeActionsProps<Record, Stored extends { contentHash: string }> {
  controls: FinalizeControls<Record, Stored>
  finalizedAt: number | null
  /** Whether there is anything to finalize yet. */
  ready: boolean
  /** What finalizing stores, said in the confirmation. */
  confirmText: string
  /** One line about the stored record, before its hash: "Record of 12 participants, 5 values." */
  describe(record: Stored): ReactNode
}

/**
 * The facilitator's end of any workshop: Finalize (asked once more), then the stored
 * record's hash and its exports.
 */
export function FinalizeActions<Record, Stored extends { contentHash: string }>({
  controls,
  finalizedAt,
  ready,
  confirmText,
  describe
}: FinalizeActionsProps<Record, Stored>) {
  const [confirming, setConfirming] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)
  const { record } = controls
  return (
    <>
      {finalizedAt === null && ready && (
        <button type="button" className="button button--primary" onClick={() => setConfirming(true)}>
          Finalize the workshop
        </button>
      )}
      {record && (
        <section className="finalize-stage__record" aria-label="Finalized record">
          <p>
            {describe(record)} Content hash (SHA-256): <code>{record.contentHash}</code>
          </p>
          <ExportPanel workshopId={controls.workshopId} template={controls.template} />
        </section>
      )}
      {confirming && (
        <ConfirmDialog
          title="Finalize the workshop?"
          problem={problem}
          cancelLabel="Not yet"
          confirmLabel="Finalize"
          onCancel={() => {
            setConfirming(false)
            setProblem(null)
          }}
          onConfirm={async () => {
            try {
              await controls.finalize(controls.buildRecord())
              setConfirming(false)
              return true
            } catch (error) {
              setProblem(userMessage(error))
              return false
            }
          }}
        >
          {confirmText} Nothing done afterwards can change the record or its exports.
        </ConfirmDialog>
      )}
    </>
  )
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

interface FinalizedNoticeProps {
  finalizedAt: number
  /** What the record holds, in a sentence: "These are the values the group agreed." */
  what: string
}

/**
 * "Finalized on …", on every screen once the facilitator has finalized. The record's hash is for
 * the facilitator, who keeps the record (FinalizeActions shows it); a participant's phone gets
 * no 64-character string to scroll past.
 */
export function FinalizedNotice({ finalizedAt, what }: FinalizedNoticeProps) {
  return (
    <p className="finalize-stage__status" role="status">
      Finalized on {formatDateTime(new Date(finalizedAt).toISOString())}. {what}
    </p>
  )
}

interface FinalizeStageProps {
  values: readonly ValueCandidate[]
  /** Values the consensus check flagged for rework. */
  flaggedNames: readonly string[]
  finalizedAt: number | null
  /** The values as recorded, on every screen once finalized. */
  agreed: AgreedValues | null
  controls: FinalizeControls | null
}

interface SummaryValue {
  name: string
  definition: string
  weDo: readonly string[]
  weDont: readonly string[]
}

function ValuesSummary({ values }: { values: readonly SummaryValue[] }) {
  return (
    <ol className="final-values" aria-label="Our values">
      {values.map((value, index) => (
        <li key={index} className="final-value">
          <h3 className="final-value__name">{displayName(value.name)}</h3>
          {value.definition && <p>{value.definition}</p>}
          {value.weDo.length > 0 && (
            <p>
              <strong>We do:</strong> {value.weDo.join('; ')}
            </p>
          )}
          {value.weDont.length > 0 && (
            <p>
              <strong>We don’t:</strong> {value.weDont.join('; ')}
            </p>
          )}
        </li>
      ))}
    </ol>
  )
}

/**
 * The end: the values as agreed. The facilitator finalizes, which stores a record that
 * nothing done to the board later can change, and then exports it.
 */
export function FinalizeStage({ values, flaggedNames, finalizedAt, agreed, controls }: FinalizeStageProps) {
  const record = controls?.record ?? null
  // Once stored, the record is what was agreed: nothing a peer does to the board later shows here.
  const shown: readonly SummaryValue[] = record?.values ?? agreed?.values ?? values

  return (
    <div className="finalize-stage">
      {finalizedAt !== null ? (
        <FinalizedNotice
          finalizedAt={finalizedAt}
          what="These are the values the group agreed."
        />
      ) : (
        controls &&
        flaggedNames.length > 0 && (
          <p className="finalize-stage__warning" role="alert">
            The consensus check flagged {flaggedNames.join(', ')} for rework. You can go back to Draft, or finalize as it is.
          </p>
        )
      )}
      {shown.length === 0 ? (
        <p className="vote-stage__empty">There are no value statements to finalize yet.</p>
      ) : (
        <ValuesSummary values={shown} />
      )}
      {controls && (
        <FinalizeActions
          controls={controls}
          finalizedAt={finalizedAt}
          ready={values.length > 0}
          confirmText="This stores the values, the vote and the consensus results as they are now, and locks the board for everyone."
          describe={(stored) =>
            `Record of ${plural(stored.participants.count, 'participant', 'participants')}, ${plural(stored.values.length, 'value', 'values')}.`
          }
        />
      )}
    </div>
  )
}
