import { useCallback, useEffect, useMemo, useSyncExternalStore } from 'react'
import { buildJourneyRecord } from '../../../../shared/finalizeJourney'
import { isFinalizedJourney, isFinalizedValues, type FinalizedRecord } from '../../../../shared/workshopRecord'
import { emotionCurve, emotionGroup } from '../../../../shared/emotions'
import { cellKey, type JourneySnapshot } from '../../crdt/journey'
import { BoardOptionsContext, type BoardOptions } from '../board/boardOptions'
import { boardOnScreen, canEdit } from '../stages/boardAccess'
import { BrainstormStage } from '../stages/BrainstormStage'
import type { CoreValuesWorkshopProps } from '../stages/CoreValuesWorkshop'
import { FinalizeActions, FinalizedNotice, finalizeControlsFor } from '../stages/FinalizeStage'
import { LibrarySourcePicker } from '../stages/LibrarySourcePicker'
import { PromptStage } from '../stages/PromptStage'
import { StageBar } from '../stages/StageBar'
import { StageContent } from '../stages/StageContent'
import { useFollowFacilitator } from '../stages/useFollowFacilitator'
import { HeldBackNotice, HeldLatecomers } from '../stages/RoundProgress'
import { useWorkshopRoom } from '../stages/useWorkshopRoom'
import { useVoteResults, VoteStage, type VoteOption } from '../stages/VoteStage'
import { EmotionCurve } from './EmotionCurve'
import { EmotionStage } from './EmotionStage'
import { JourneyGrid } from './JourneyGrid'
import { JourneyNoteExtra, type JourneyNoteExtras } from './JourneyNoteExtra'
import '../stages/stages.css'

const NO_IDS: ReadonlySet<string> = new Set()
const valueNames = (record: FinalizedRecord) => (isFinalizedValues(record) ? record.values.map((value) => value.name) : [])

/** The notes in lanes of a kind (pain points, opportunities), stage by stage, in each cell's order. */
function notesInLanes(snapshot: JourneySnapshot, laneIds: ReadonlySet<string>): string[] {
  const ids: string[] = []
  for (const stage of snapshot.stages) {
    for (const lane of snapshot.lanes) {
      if (laneIds.has(lane.id)) ids.push(...(snapshot.cells[cellKey(stage.id, lane.id)] ?? []))
    }
  }
  return ids
}

/**
 * The employee-journey map workshop on one screen: the stage bar, then what the stage asks
 * for. The facilitator's screen drives the stage; a participant's follows it.
 */
export function JourneyWorkshop({ workshop, role, people, live, record, viewOnly = false }: CoreValuesWorkshopProps) {
  const flow = useSyncExternalStore(workshop.flow.subscribe, workshop.flow.getSnapshot)
  const { board, journey } = useSyncExternalStore(workshop.editing.subscribe, workshop.editing.getSnapshot)
  const grid = useSyncExternalStore(journey.snapshots.subscribe, journey.snapshots.getSnapshot)
  const { mine } = useSyncExternalStore(workshop.privateNotes.subscribe, workshop.privateNotes.getSnapshot)
  const vote = useSyncExternalStore(workshop.ballots.votes.subscribe, workshop.ballots.votes.getSnapshot)
  const ownRatings = useSyncExternalStore(workshop.emotions.subscribe, workshop.emotions.getSnapshot)
  const publishedEmotions = useSyncExternalStore(workshop.publishedEmotions.subscribe, workshop.publishedEmotions.getSnapshot)
  const hostNow = useCallback(() => live?.hostNow() ?? Date.now(), [live])
  const intents = role === 'facilitator' ? workshop.flowIntents : null
  const finalized = flow.finalizedAt !== null
  const readOnly = !canEdit(flow, role, viewOnly)
  const brainstorming = flow.stage === 'brainstorm' && !flow.revealed
  const firstStageId = grid.stages[0]?.id

  useFollowFacilitator(role, flow.followFacilitator, live, people)

  // Revealed notes go into the cells they were written for (a note without one, into the first stage).
  const { roomCount, writers, participants, turnoutOf, handIn, waiting, heldBack, tookPart } = useWorkshopRoom({
    workshop,
    flow,
    live,
    people,
    revealInto: firstStageId,
    rounds: [
      { stage: 'emotions', closed: flow.emotionsClosed, done: ownRatings.submitted },
      { stage: 'vote', closed: flow.votingClosed, done: vote.submitted }
    ]
  })

  useEffect(() => {
    if (flow.votingClosed) workshop.publishBallot('votes', handIn)
  }, [flow.votingClosed, vote, workshop, handIn])

  useEffect(() => {
    if (flow.emotionsClosed) workshop.publishEmotions(handIn)
  }, [flow.emotionsClosed, ownRatings, workshop, handIn])

  const votedLaneIds = useMemo(
    () => new Set(grid.lanes.filter((lane) => lane.kind === 'painPoints' || lane.kind === 'opportunities').map((lane) => lane.id)),
    [grid.lanes]
  )
  const opportunityIds = useMemo(
    () => new Set(notesInLanes(grid, new Set(grid.lanes.filter((lane) => lane.kind === 'opportunities').map((lane) => lane.id)))),
    [grid]
  )
  const voteOptions: VoteOption[] = useMemo(() => {
    const placeOf = new Map<string, string>()
    for (const stage of grid.stages) {
      for (const lane of grid.lanes) {
        for (const id of grid.cells[cellKey(stage.id, lane.id)] ?? []) placeOf.set(id, `${stage.title} · ${lane.title}`)
      }
    }
    return notesInLanes(grid, votedLaneIds).map((id) => ({ id, title: grid.notes[id]!.text, detail: placeOf.get(id) ?? '' }))
  }, [grid, votedLaneIds])
  const voteResults = useVoteResults(voteOptions, workshop.published.votes, flow)
  const places = useMemo(
    () => (flow.votingClosed ? new Map(voteResults.ranking.map((entry) => [entry.clusterId, entry])) : null),
    [flow.votingClosed, voteResults]
  )
  const curve = useMemo(
    () => emotionCurve(publishedEmotions, grid.stages.map((stage) => stage.id), flow.minGroup),
    [publishedEmotions, grid.stages, flow.minGroup]
  )

  const linking = flow.stage === 'map' && !readOnly
  const options: BoardOptions = useMemo(() => {
    const extras: JourneyNoteExtras = {
      links: grid.links,
      opportunityIds: linking ? opportunityIds : NO_IDS,
      places,
      source: flow.valueSource,
      intents: linking ? journey.intents : null
    }
    return {
      readOnly: readOnly || !boardOnScreen(flow, role),
      clusters: false,
      mine,
      noteExtra: (note) => <JourneyNoteExtra note={note} extras={extras} />,
      // Set by the map itself, which knows whether it is fitted (JourneyGrid.tsx).
      narrowCards: false
    }
  }, [readOnly, flow, role, mine, grid.links, linking, opportunityIds, places, journey.intents])

  const finalizeControls = finalizeControlsFor(
    record,
    'journey-map',
    isFinalizedJourney,
    (facilitator) =>
      buildJourneyRecord({
        workshopId: facilitator.workshopId,
        title: facilitator.title,
        prompt: flow.prompt,
        anonymous: flow.anonymous,
        finalizedAt: hostNow(),
        stages: grid.stages,
        lanes: grid.lanes,
        cells: grid.cells,
        cellKey,
        notes: grid.notes,
        links: grid.links,
        votedLaneIds: [...votedLaneIds],
        voteBallots: workshop.published.votes.getSnapshot(),
        vote: { budget: flow.voteBudget, multipleDots: flow.multipleDots },
        voteTies: flow.voteTies,
        emotions: publishedEmotions,
        minGroup: emotionGroup(flow.minGroup),
        participantNames: participants.map((person) => person.name),
        tookPart,
        stageLog: flow.stageLog
      }),
    workshop.flowIntents
  )

  const gridShown = flow.stage !== 'brainstorm' || flow.revealed
  const structure = intents && !finalized && (flow.stage === 'prompt' || flow.stage === 'map') ? journey.intents : null

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
            places={{ stages: grid.stages, lanes: grid.lanes }}
          />
        )}
        {flow.stage === 'map' && intents && !finalized && (
          <div className="journey-tools">
            <LibrarySourcePicker
              template="core-values"
              label="Link opportunities to the values of"
              noneYet="No finalized core-values workshop yet"
              source={flow.valueSource}
              itemsOf={valueNames}
              onChange={(source) => intents.setSource('valueSource', source)}
            />
          </div>
        )}
        {flow.stage === 'emotions' && (
          <EmotionStage
            flow={flow}
            stages={grid.stages}
            ratings={workshop.emotions}
            results={curve}
            turnout={turnoutOf('emotions')}
            intents={finalized ? null : intents}
            readOnly={readOnly}
          />
        )}
        {flow.stage === 'vote' && (
          <VoteStage
            flow={flow}
            options={voteOptions}
            noun="note"
            emptyMessage="There are no pain points or opportunities to vote on yet. Go back to Map the journey and add some."
            ballot={workshop.ballots.votes}
            results={voteResults}
            turnout={turnoutOf('vote')}
            intents={finalized ? null : intents}
            readOnly={readOnly}
            // The program plan takes a finalized map's top opportunities: a tie there is settled here.
            decidesTies
          />
        )}
        {flow.stage === 'finalize' && (
          <div className="finalize-stage">
            {finalized && (
              <FinalizedNotice
                finalizedAt={flow.finalizedAt!}
                what="This is the journey map the group built."
              />
            )}
            {flow.emotionsClosed && <EmotionCurve stages={grid.stages} results={curve} minGroup={emotionGroup(flow.minGroup)} />}
            {finalizeControls && (
              <FinalizeActions
                controls={finalizeControls}
                finalizedAt={flow.finalizedAt}
                ready={grid.stages.length > 0}
                confirmText="This stores the map, its notes, the emotion curve and the vote as they are now, and locks the map for everyone."
                describe={(stored) =>
                  `Record of ${stored.participants.count} ${stored.participants.count === 1 ? 'participant' : 'participants'}, ${stored.notes.length} ${stored.notes.length === 1 ? 'note' : 'notes'}.`
                }
              />
            )}
          </div>
        )}
        {gridShown && (
          <BoardOptionsContext value={options}>
            <JourneyGrid snapshot={grid} intents={board.intents} structure={structure} />
          </BoardOptionsContext>
        )}
      </StageContent>
    </div>
  )
}
