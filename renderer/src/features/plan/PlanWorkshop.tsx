import { useCallback, useSyncExternalStore } from 'react'
import { buildProgramPlanRecord } from '../../../../shared/finalizeProgramPlan'
import { topOpportunityNotes } from '../../../../shared/journeyRecord'
import { isFinalizedJourney, isFinalizedProgramPlan, type FinalizedRecord } from '../../../../shared/workshopRecord'
import { canEdit } from '../stages/boardAccess'
import type { CoreValuesWorkshopProps } from '../stages/CoreValuesWorkshop'
import { FinalizeActions, FinalizedNotice, finalizeControlsFor } from '../stages/FinalizeStage'
import { LibrarySourcePicker } from '../stages/LibrarySourcePicker'
import { PromptStage } from '../stages/PromptStage'
import { StageBar } from '../stages/StageBar'
import { StageContent } from '../stages/StageContent'
import { useRoomProgress } from '../stages/useWorkshopRoom'
import { ProgramPlanCanvas } from './ProgramPlanCanvas'
import { TOP_OPPORTUNITIES } from './SuggestedOpportunities'
import '../stages/stages.css'


/** A finalized journey map's top opportunities, ties as its facilitator decided them (topOpportunityNotes). */
export function topOpportunities(record: FinalizedRecord): string[] {
  return isFinalizedJourney(record) ? topOpportunityNotes(record, TOP_OPPORTUNITIES).map((note) => note.text) : []
}

/**
 * The EX program plan workshop on one screen: the stage bar, the question, then the canvas
 * everyone fills in together, and the facilitator's finalize and exports.
 */
export function PlanWorkshop({ workshop, role, people, live, record, viewOnly = false }: CoreValuesWorkshopProps) {
  const flow = useSyncExternalStore(workshop.flow.subscribe, workshop.flow.getSnapshot)
  const { plan } = useSyncExternalStore(workshop.editing.subscribe, workshop.editing.getSnapshot)
  const hostNow = useCallback(() => live?.hostNow() ?? Date.now(), [live])
  const intents = role === 'facilitator' ? workshop.flowIntents : null
  const finalized = flow.finalizedAt !== null
  const readOnly = !canEdit(flow, role, viewOnly)
  const participants = people.filter((person) => person.role === 'participant')
  const room = useRoomProgress(live)

  const finalizeControls = finalizeControlsFor(
    record,
    'program-plan',
    isFinalizedProgramPlan,
    (facilitator) =>
      buildProgramPlanRecord(plan.snapshots.getSnapshot(), {
        workshopId: facilitator.workshopId,
        title: facilitator.title,
        anonymous: flow.anonymous,
        finalizedAt: hostNow(),
        participantNames: participants.map((person) => person.name),
        tookPart: room?.tookPart ?? 0,
        stageLog: flow.stageLog
      }),
    workshop.flowIntents
  )

  return (
    <div className="workshop-stages">
      {/* A participant sees where the workshop is in their own header (ParticipantBoard.tsx). */}
      {intents && <StageBar flow={flow} hostNow={hostNow} intents={intents} />}
      <StageContent stage={flow.stage}>
        {flow.stage === 'prompt' && <PromptStage prompt={flow.prompt} intents={finalized ? null : intents} />}
        {flow.stage !== 'prompt' && intents && !finalized && (
          <div className="journey-tools">
            <LibrarySourcePicker
              template="journey-map"
              label="Start from the opportunities of"
              noneYet="No finalized journey map yet"
              source={flow.opportunitySource}
              itemsOf={topOpportunities}
              onChange={(source) => intents.setSource('opportunitySource', source)}
            />
          </div>
        )}
        {flow.stage === 'finalize' && (
          <div className="finalize-stage">
            {finalized && (
              <FinalizedNotice
                finalizedAt={flow.finalizedAt!}
                what="This is the plan the group wrote."
              />
            )}
            {finalizeControls && (
              <FinalizeActions
                controls={finalizeControls}
                finalizedAt={flow.finalizedAt}
                ready
                confirmText="This stores the plan as it is now and locks it for everyone."
                describe={(stored) => `Record of the plan “${stored.programName}”.`}
              />
            )}
          </div>
        )}
        {flow.stage !== 'prompt' && (
          <ProgramPlanCanvas
            model={plan}
            readOnly={readOnly || flow.stage === 'finalize'}
            suggestedOpportunities={flow.opportunitySource?.items ?? []}
          />
        )}
      </StageContent>
    </div>
  )
}
