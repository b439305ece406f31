/**
 * Everything a core-values workshop screen needs from one document: the board (notes and
 * clusters), the value statements, the facilitator's flow (stage, timer, settings), and this
 * person's private notes and sealed ballots.
 *
 * In anonymous mode a live participant's board, values and plan models work on copies whose
 * changes reach the room only as the host writes them (anonymousCopy.ts, writingCopy.ts); when
 * the facilitator turns anonymity on or off, they are rebuilt over the right document, so from
 * then on each change is written the right way. (Undo history starts afresh at that moment:
 * undoing across the switch would write through the other identity.) The facilitator's own
 * edits are written as the facilitator's, anonymous or not: everyone sees them lead.
 */
import type * as Y from 'yjs'
import { createPatchedCopy, type AnonymousCopy } from './anonymousCopy'
import { createWritingCopy, type PatchLink } from './writingCopy'
import { createBoardModel, type BoardModel } from './boardModel'
import { createPatchUndo } from './patchUndo'
import { seedBoard } from './intents'
import { createJourneyModel, type JourneyModel } from './journey'
import { createProgramPlanModel, seedProgramPlan, type ProgramPlanModel } from './programPlan'
import { createListeners, type ExternalStore } from './externalStore'
import { createValuesModel, type ValuesModel } from './values'
import { createPrivateNotes, rememberMine, type PrivateNotes } from './privateNotes'
import type { PublishedEmotions } from '../../../shared/emotions'
import { createEmotionRatings, createPublishedEmotionsStore, type EmotionRatings } from './emotions'
import {
  createPublishedBallotsStore,
  createSealedBallot,
  type BallotKind,
  type SealedBallot
} from './sealedBallots'
import { bindFlowIntents, createWorkshopFlowStore, type FlowIntents, type WorkshopFlowStore } from './workshopFlow'
import type { HandIn } from '../../../shared/roundSubmissions'
import type { Template } from '../../../shared/templates'
import { notesOf } from './boardDoc'

const BALLOT_KINDS: readonly BallotKind[] = ['votes', 'consensus']

/** What people edit together; written anonymously in anonymous mode. */
export interface EditingModels {
  board: BoardModel
  /** The journey map's grid over the same board (empty on a board without lanes). */
  journey: JourneyModel
  values: ValuesModel
  /** The EX program plan's canvas (empty in other templates). */
  plan: ProgramPlanModel
}

export interface WorkshopModel {
  /** The models to edit through now; they change when anonymity is switched, or patches start or stop. */
  editing: ExternalStore<EditingModels>
  /**
   * A participant's link to the host, live: in anonymous mode their changes to the board (notes,
   * clusters, values, the plan) then go through it as patches (shared/boardPatch.ts); null when not live.
   */
  patchBoardThrough(link: PatchLink | null): void
  flow: WorkshopFlowStore
  /** Only the facilitator's screen offers these. */
  flowIntents: FlowIntents
  privateNotes: PrivateNotes
  /**
   * Puts this person's private notes on the board (into `columnId`); `handIn` is where a round's
   * part goes in anonymous mode while live (to the host: shared/roundSubmissions.ts), null otherwise.
   */
  revealMine(columnId: string, handIn: HandIn): number
  /** This person's sealed ballots, and everyone's once published. */
  ballots: Record<BallotKind, SealedBallot>
  published: Record<BallotKind, ExternalStore<readonly unknown[]>>
  /** Puts this person's ballot of a kind in the shared document, or hands it in (when its round has closed). */
  publishBallot(kind: BallotKind, handIn: HandIn): boolean
  /** This person's emotion ratings (journey map), and what the room has published. */
  emotions: EmotionRatings
  publishedEmotions: ExternalStore<PublishedEmotions>
  /** Puts this person's emotion ratings in the shared document, or hands them in (when the round has closed). */
  publishEmotions(handIn: HandIn): void
  destroy(): void
}

export interface WorkshopModelOptions {
  /** Seeds an empty board (the facilitator's); participants pass undefined. */
  template: Template | undefined
  /** Host time: the facilitator's own clock, or a participant's estimate of it. */
  hostNow(): number
  /** This person's private document (openPrivateDoc). */
  privateDoc: Y.Doc
}

export function createWorkshopModel(doc: Y.Doc, options: WorkshopModelOptions): WorkshopModel {
  // Seeded first: the template decides whether the workshop starts anonymous.
  if (options.template) seedBoard(doc, options.template)
  // Every shared text of the plan exists before anyone types: two people creating one at once would lose one's words.
  if (options.template?.id === 'program-plan') seedProgramPlan(doc)
  const flow = createWorkshopFlowStore(doc)
  const privateNotes = createPrivateNotes(options.privateDoc)
  const listeners = createListeners()
  const ballots = {
    votes: createSealedBallot(options.privateDoc, 'votes'),
    consensus: createSealedBallot(options.privateDoc, 'consensus')
  }
  const published = {
    votes: createPublishedBallotsStore(doc, 'votes'),
    consensus: createPublishedBallotsStore(doc, 'consensus')
  }
  const emotions = createEmotionRatings(options.privateDoc)
  const publishedEmotions = createPublishedEmotionsStore(doc)
  // Notes the host wrote for this person (handed in at the reveal) stop being drafts.
  const settleDrafts = (event: Y.YMapEvent<unknown>) => privateNotes.settle(doc, event.keysChanged)
  notesOf(doc).observe(settleDrafts)

  let anonymous = flow.getSnapshot().anonymous
  let patchLink: PatchLink | null = null
  let copies: AnonymousCopy[] = []
  const build = (): EditingModels => {
    for (const copy of copies) copy.destroy()
    // A live participant's changes go to the host as patches: notes and clusters from one copy,
    // what is written together (values, the plan) from another.
    const link = anonymous ? patchLink : null
    const boardCopy = link ? createPatchedCopy(doc, (changes) => link.patchBoard(changes)) : null
    const textCopy = link ? createWritingCopy(doc, link) : null
    copies = [boardCopy, textCopy].filter((copy) => copy !== null)
    const boardTarget = boardCopy?.doc ?? doc
    const textTarget = textCopy?.doc ?? doc
    const boardModel = createBoardModel(boardTarget, undefined, link ? createPatchUndo : undefined)
    // A note this person adds on the board is "Mine" on their screen, as their revealed notes are.
    const board: BoardModel = {
      ...boardModel,
      intents: {
        ...boardModel.intents,
        addNote(...note) {
          const added = boardModel.intents.addNote(...note)
          if (added.noteId !== null) rememberMine(options.privateDoc, added.noteId)
          return added
        }
      }
    }
    return {
      board,
      journey: createJourneyModel(boardTarget, board.snapshots),
      values: createValuesModel(textTarget),
      plan: createProgramPlanModel(textTarget)
    }
  }
  let editing = build()
  const destroyEditing = () => {
    editing.plan.destroy()
    editing.journey.destroy()
    editing.board.destroy()
    editing.values.destroy()
  }
  const rebuild = () => {
    destroyEditing()
    editing = build()
    listeners.notify()
  }
  const stopWatching = flow.subscribe(() => {
    const next = flow.getSnapshot().anonymous
    if (next === anonymous) return
    anonymous = next
    rebuild()
  })

  return {
    editing: { subscribe: listeners.add, getSnapshot: () => editing },
    patchBoardThrough(next) {
      if (next === patchLink) return
      patchLink = next
      rebuild()
    },
    flow,
    flowIntents: bindFlowIntents(doc, options.hostNow),
    privateNotes,
    revealMine: (columnId, handIn) => privateNotes.reveal(doc, columnId, handIn),
    ballots,
    published,
    publishBallot: (kind, handIn) => ballots[kind].publish(doc, handIn),
    emotions,
    publishedEmotions,
    publishEmotions: (handIn) => void emotions.publish(doc, handIn),
    destroy() {
      notesOf(doc).unobserve(settleDrafts)
      emotions.destroy()
      publishedEmotions.destroy()
      for (const kind of BALLOT_KINDS) {
        ballots[kind].destroy()
        published[kind].destroy()
      }
      stopWatching()
      destroyEditing()
      for (const copy of copies) copy.destroy()
      privateNotes.destroy()
      flow.destroy()
    }
  }
}
