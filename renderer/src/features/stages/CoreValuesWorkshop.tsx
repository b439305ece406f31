import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import { buildValuesRecord } from '../../../../shared/finalizeValues'
import { clustersOf } from '../../../../shared/stages'
import { isFinalizedValues, type FinalizedRecord, type WorkshopRecord } from '../../../../shared/workshopRecord'
import type { LiveDocConnection } from '../../crdt/liveSync'
import type { PresentPerson } from '../../crdt/presence'
import type { WorkshopModel } from '../../crdt/workshopModel'
import { Board } from '../board/Board'
import { BoardOptionsContext, type BoardOptions } from '../board/boardOptions'
import { boardOnScreen, canEdit } from './boardAccess'
import { BrainstormStage } from './BrainstormStage'
import { PromptStage } from './PromptStage'
import { StageBar } from './StageBar'
import { StageContent } from './StageContent'
import { ConsensusStage, useConsensusResults } from './ConsensusStage'
import { DraftStage } from './draft/DraftStage'
import { displayName } from './draft/draftText'
import { finalizeControlsFor, FinalizeStage } from './FinalizeStage'
import { useFollowFacilitator } from './useFollowFacilitator'
import { HeldBackNotice, HeldLatecomers } from './RoundProgress'
import { useWorkshopRoom } from './useWorkshopRoom'
import { useVoteResults, VoteStage } from './VoteStage'
import './stages.css'

export interface CoreValuesWorkshopProps {
  workshop: WorkshopModel
  role: 'facilitator' | 'participant'
  /** Everyone in the live session (empty when the workshop is not live). */
  people: readonly PresentPerson[]
  live: LiveDocConnection | null
  /** The facilitator's way to store the finalized record; null on a participant's screen. */
  record: FacilitatorRecord | null
  /** The session is over for this screen: everything stays readable, nothing can change. */
  viewOnly?: boolean
}

export interface FacilitatorRecord {
  workshopId: string
  title: string
  stored: FinalizedRecord | null
  store(record: WorkshopRecord): Promise<FinalizedRecord>
}

/**
 * The core-values workshop on one screen: the stage bar, then what the current stage asks
 * for. The facilitator's screen drives the stage; a participant's follows it.
 */
export function CoreValuesWorkshop({ workshop, role, people, live, record, viewOnly = false }: CoreValuesWorkshopProps) {
  const flow = useSyncExternalStore(workshop.flow.subscribe, workshop.flow.getSnapshot)
  const { board: model, values } = useSyncExternalStore(workshop.editing.subscribe, workshop.editing.getSnapshot)
  const snapshot = useSyncExternalStore(model.snapshots.subscribe, model.snapshots.getSnapshot)
  const { mine } = useSyncExternalStore(workshop.privateNotes.subscribe, workshop.privateNotes.getSnapshot)
  const vote = useSyncExternalStore(workshop.ballots.votes.subscribe, workshop.ballots.votes.getSnapshot)
  const check = useSyncExternalStore(workshop.ballots.consensus.subscribe, workshop.ballots.consensus.getSnapshot)
  const valueList = useSyncExternalStore(values.snapshots.subscribe, values.snapshots.getSnapshot)
  const voteOptions = useMemo(
    () =>
      clustersOf(snapshot.columns).map((cluster) => {
        const notes = snapshot.noteIdsByColumn[cluster.id] ?? []
        const shown = notes.slice(0, 3).map((id) => snapshot.notes[id]?.text).filter(Boolean)
        const more = notes.length > 3 ? ` · and ${notes.length - 3} more` : ''
        return { id: cluster.id, title: cluster.title, detail: shown.join(' · ') + more }
      }),
    [snapshot]
  )
  const voteResults = useVoteResults(voteOptions, workshop.published.votes, flow)
  const consensus = useConsensusResults(valueList, workshop.published.consensus, flow)
  const hostNow = useCallback(() => live?.hostNow() ?? Date.now(), [live])
  const intents = role === 'facilitator' ? workshop.flowIntents : null
  const finalized = flow.finalizedAt !== null
  const readOnly = !canEdit(flow, role, viewOnly)
  const unsortedColumnId = snapshot.columns[0]?.id
  const brainstorming = flow.stage === 'brainstorm' && !flow.revealed

  useFollowFacilitator(role, flow.followFacilitator, live, people)

  const { roomCount, writers, participants, turnoutOf, handIn, waiting, heldBack, tookPart } = useWorkshopRoom({
    workshop,
    flow,
    live,
    people,
    revealInto: unsortedColumnId,
    rounds: [
      { stage: 'vote', closed: flow.votingClosed, done: vote.submitted },
      { stage: 'consensus', closed: flow.consensusClosed, done: check.submitted }
    ]
  })

  // When a round closes, every screen publishes its sealed ballot (again, if it changed
  // after the round was reopened and closed once more).
  useEffect(() => {
    if (flow.votingClosed) workshop.publishBallot('votes', handIn)
  }, [flow.votingClosed, vote, workshop, handIn])
  useEffect(() => {
    if (flow.consensusClosed) workshop.publishBallot('consensus', handIn)
  }, [flow.consensusClosed, check, workshop, handIn])

  const options: BoardOptions = useMemo(
    () => ({ readOnly, clusters: flow.stage === 'cluster', mine, noteExtra: null, narrowCards: false }),
    [readOnly, flow.stage, mine]
  )

  // "Results once everyone has voted": the facilitator's screen closes the check when every
  // participant present is done.
  const consensusTurnout = turnoutOf('consensus')
  const everyoneScored =
    flow.stage === 'consensus' && !flow.consensusClosed && consensusTurnout.of > 0 && consensusTurnout.done === consensusTurnout.of
  useEffect(() => {
    if (everyoneScored) intents?.closeConsensus()
  }, [everyoneScored, intents])

  const finalizeControls = finalizeControlsFor(
    record,
    'core-values',
    isFinalizedValues,
    (facilitator) =>
      buildValuesRecord({
        workshopId: facilitator.workshopId,
        title: facilitator.title,
        prompt: flow.prompt,
        anonymous: flow.anonymous,
        finalizedAt: hostNow(),
        values: valueList,
        board: snapshot,
        voteBallots: workshop.published.votes.getSnapshot(),
        vote: { budget: flow.voteBudget, multipleDots: flow.multipleDots },
        voteTies: flow.voteTies,
        consensusBallots: workshop.published.consensus.getSnapshot(),
        consensus: { threshold: flow.consensusThreshold, minGroup: flow.minGroup },
        participantNames: participants.map((person) => person.name),
        tookPart,
        stageLog: flow.stageLog
      }),
    workshop.flowIntents
  )

  return (
    <div className="workshop-stages">
      {/* A participant sees where the workshop is in their own header (ParticipantBoard.tsx). */}
      {intents && <StageBar flow={flow} hostNow={hostNow} intents={intents} />}
      <StageContent stage={flow.stage}>
        {intents && <HeldLatecomers waiting={waiting} group={flow.minGroup} />}
        <HeldBackNotice rounds={heldBack} group={flow.minGroup} />
        {flow.stage === 'prompt' && <PromptStage prompt={flow.prompt} intents={finalized ? null : intents} />}
        {brainstorming && (
          <BrainstormStage
            prompt={flow.prompt}
            privateNotes={workshop.privateNotes}
            roomCount={roomCount}
            writers={writers}
            readOnly={readOnly}
          />
        )}
        {flow.stage === 'vote' && (
          <VoteStage
            flow={flow}
            options={voteOptions}
            noun="cluster"
            emptyMessage="There are no clusters to vote on yet. Go back to Cluster and make some."
            ballot={workshop.ballots.votes}
            results={voteResults}
            turnout={turnoutOf('vote')}
            intents={finalized ? null : intents}
            readOnly={readOnly}
            decidesTies
          />
        )}
        {flow.stage === 'draft' && (
          <DraftStage
            model={values}
            canEdit={!readOnly}
            ranking={flow.votingClosed ? voteResults.ranking : []}
            isFacilitator={role === 'facilitator'}
            decideTie={finalized ? null : (intents?.decideTie ?? null)}
          />
        )}
        {flow.stage === 'consensus' && (
          <ConsensusStage
            flow={flow}
            values={valueList}
            ballot={workshop.ballots.consensus}
            results={consensus}
            turnout={consensusTurnout}
            intents={finalized ? null : intents}
            readOnly={readOnly}
          />
        )}
        {flow.stage === 'finalize' && (
          <FinalizeStage
            values={valueList}
            flaggedNames={valueList.filter((value) => consensus[value.id]?.flagged).map((value) => displayName(value.name))}
            finalizedAt={flow.finalizedAt}
            agreed={flow.agreed}
            controls={finalizeControls}
          />
        )}
        {boardOnScreen(flow, role) && (
          <BoardOptionsContext value={options}>
            <Board snapshot={snapshot} intents={model.intents} />
          </BoardOptionsContext>
        )}
      </StageContent>
    </div>
  )
}
