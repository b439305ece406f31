/**
 * The facilitator's side of a workshop in the document's `meta` map: the current stage, the
 * prompt, the shared timer and the room's settings. Every screen reads it (the stage on a
 * participant's screen follows what the facilitator set); only the facilitator's screen
 * offers the controls that write it.
 *
 * Each setting is its own key, so two settings changed at once never overwrite each other.
 * Values come from peers and files: every reader falls back to the default on anything odd.
 */
import type * as Y from 'yjs'
import {
  DEFAULT_CONSENSUS_THRESHOLD,
  DEFAULT_VOTE_BUDGET,
  isStageId,
  MAX_VOTE_BUDGET,
  PROMPT_MAX_LENGTH,
  SMALLEST_GROUP,
  STAGES,
  templateStages,
  type StageStart,
  type StageId
} from '../../../shared/stages'
import { readTieDecisions, type TieDecision } from '../../../shared/ballots'
import { sameJson } from '../../../shared/canonicalJson'
import { addMinute, MINUTE_MS, pauseTimer, readTimer, startTimer, timerOf, type TimerState } from '../../../shared/timer'
import type { TemplateId } from '../../../shared/templates'
import { TITLE_MAX_LENGTH } from '../../../shared/workshop'
import { FLOW_FIELDS, MAX_MIN_GROUP, readFlag, readRoomRules } from '../../../shared/workshopMeta'
import { LOCAL_ORIGIN, metaOf } from './boardDoc'
import { createListeners, type ExternalStore } from './externalStore'


/** What every screen shows once finalized: the values as recorded, and the record's hash. */
export interface AgreedValues {
  contentHash: string
  values: ReadonlyArray<{ name: string; definition: string; weDo: readonly string[]; weDont: readonly string[] }>
}

const AGREED_LIMITS = { values: 50, text: 2_000, items: 50 }

/**
 * A finalized workshop in the facilitator's library that this one draws on: the core-values
 * workshop whose values the journey map's opportunities link to, or the journey map whose
 * top opportunities the program plan starts from. Its items (value names, opportunities)
 * are copied here, as participants have no library to look them up in.
 */
export interface LibrarySource {
  workshopId: string
  workshopTitle: string
  items: readonly string[]
}

const SOURCE_LIMITS = { id: 64, title: TITLE_MAX_LENGTH, items: 50, item: 500 }

function readLibrarySource(value: unknown): LibrarySource | null {
  if (typeof value !== 'object' || value === null) return null
  const { workshopId, workshopTitle, items } = value as Record<string, unknown>
  if (typeof workshopId !== 'string' || typeof workshopTitle !== 'string' || !Array.isArray(items)) return null
  return {
    workshopId: workshopId.slice(0, SOURCE_LIMITS.id),
    workshopTitle: workshopTitle.slice(0, SOURCE_LIMITS.title),
    items: items
      .filter((item): item is string => typeof item === 'string' && item.trim() !== '')
      .slice(0, SOURCE_LIMITS.items)
      .map((item) => item.slice(0, SOURCE_LIMITS.item))
  }
}

function readAgreed(value: unknown): AgreedValues | null {
  if (typeof value !== 'object' || value === null) return null
  const { contentHash, values } = value as Record<string, unknown>
  if (typeof contentHash !== 'string' || !/^[0-9a-f]{64}$/.test(contentHash) || !Array.isArray(values)) return null
  const text = (item: unknown) => (typeof item === 'string' ? item.slice(0, AGREED_LIMITS.text) : '')
  const list = (items: unknown) =>
    Array.isArray(items) ? items.slice(0, AGREED_LIMITS.items).map(text).filter(Boolean) : []
  return {
    contentHash,
    values: values
      .slice(0, AGREED_LIMITS.values)
      .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
      .map((entry) => ({ name: text(entry.name), definition: text(entry.definition), weDo: list(entry.weDo), weDont: list(entry.weDont) }))
  }
}

const STAGE_LOG_MAX = 200

export interface WorkshopFlow {
  /** Which workshop this is; null until the facilitator's board has seeded it (a participant's first moments). */
  template: TemplateId | null
  stage: StageId
  stageLog: readonly StageStart[]
  prompt: string
  timer: TimerState
  /** Participants cannot change the board. */
  locked: boolean
  /** No one can tell who wrote a note or cast a vote. On unless set, for the core-values workshop. */
  anonymous: boolean
  /** Show who is editing which note (never in anonymous mode). */
  showEditing: boolean
  /** Participants' screens follow the facilitator's focus. */
  followFacilitator: boolean
  /** The silent brainstorm's notes have been revealed. */
  revealed: boolean
  voteBudget: number
  multipleDots: boolean
  votingClosed: boolean
  /** The facilitator's decisions on ties in the dot vote's results; cleared when voting reopens. */
  voteTies: readonly TieDecision[]
  consensusThreshold: number
  minGroup: number
  consensusClosed: boolean
  /** The journey map's emotion round is closed: ratings are published where enough people rated. */
  emotionsClosed: boolean
  /** Where the journey map's opportunities find values to link to; null until the facilitator picks one. */
  valueSource: LibrarySource | null
  /** Where the program plan finds opportunities to start from; null until the facilitator picks one. */
  opportunitySource: LibrarySource | null
  /** Host time of finalizing; null until then. Finalized workshops are locked for good. */
  finalizedAt: number | null
  /** The values as the facilitator's record holds them, written when finalizing. */
  agreed: AgreedValues | null
}

const cleanMinGroup = (minGroup: number) => Math.min(Math.max(SMALLEST_GROUP, Math.round(minGroup)), MAX_MIN_GROUP)

const int = (value: unknown, fallback: number, min: number, max: number) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : fallback

function readStageLog(value: unknown): StageStart[] {
  if (!Array.isArray(value)) return []
  return value
    .slice(-STAGE_LOG_MAX)
    .filter(
      (entry): entry is StageStart =>
        typeof entry === 'object' && entry !== null && isStageId(entry.stage) && Number.isFinite(entry.at)
    )
    .map(({ stage, at }) => ({ stage, at }))
}

export function readWorkshopFlow(doc: Y.Doc): WorkshopFlow {
  const meta = metaOf(doc)
  const get = (key: string) => meta.get(key)
  const rules = readRoomRules(get)
  const prompt = get(FLOW_FIELDS.prompt)
  const finalizedAt = get(FLOW_FIELDS.finalizedAt)
  const template = rules.template
  const { stages, defaultPrompt } = templateStages(template)
  const stage = get(FLOW_FIELDS.stage)
  return {
    template,
    stage: stages.includes(stage as StageId) ? (stage as StageId) : stages[0]!,
    stageLog: readStageLog(get(FLOW_FIELDS.stageLog)),
    prompt: typeof prompt === 'string' && prompt.trim() ? prompt.slice(0, PROMPT_MAX_LENGTH) : defaultPrompt,
    timer: readTimer(get(FLOW_FIELDS.timer)),
    locked: readFlag(get(FLOW_FIELDS.locked), false),
    anonymous: rules.anonymous,
    showEditing: readFlag(get(FLOW_FIELDS.showEditing), true),
    followFacilitator: readFlag(get(FLOW_FIELDS.followFacilitator), false),
    revealed: rules.closed.brainstorm,
    voteBudget: int(get(FLOW_FIELDS.voteBudget), DEFAULT_VOTE_BUDGET, 1, MAX_VOTE_BUDGET),
    multipleDots: readFlag(get(FLOW_FIELDS.multipleDots), true),
    votingClosed: rules.closed.votes,
    voteTies: readTieDecisions(get(FLOW_FIELDS.voteTies)),
    consensusThreshold: int(get(FLOW_FIELDS.consensusThreshold), DEFAULT_CONSENSUS_THRESHOLD, 0, 5),
    minGroup: rules.minGroup,
    consensusClosed: rules.closed.consensus,
    emotionsClosed: rules.closed.emotions,
    valueSource: readLibrarySource(get(FLOW_FIELDS.valueSource)),
    opportunitySource: readLibrarySource(get(FLOW_FIELDS.opportunitySource)),
    finalizedAt: typeof finalizedAt === 'number' && Number.isFinite(finalizedAt) ? finalizedAt : null,
    agreed: readAgreed(get(FLOW_FIELDS.agreed))
  }
}

const sameFlow = (a: WorkshopFlow, b: WorkshopFlow) =>
  (Object.keys(a) as Array<keyof WorkshopFlow>).every((key) =>
    key === 'stageLog' || key === 'timer' || key === 'agreed' || key === 'valueSource' || key === 'opportunitySource' || key === 'voteTies'
      ? sameJson(a[key], b[key])
      : a[key] === b[key]
  )

export interface WorkshopFlowStore extends ExternalStore<WorkshopFlow> {
  destroy(): void
}

export function createWorkshopFlowStore(doc: Y.Doc): WorkshopFlowStore {
  let flow = readWorkshopFlow(doc)
  const listeners = createListeners()
  const refresh = () => {
    const next = readWorkshopFlow(doc)
    if (sameFlow(flow, next)) return
    flow = next
    listeners.notify()
  }
  metaOf(doc).observe(refresh)
  return {
    subscribe: listeners.add,
    getSnapshot: () => flow,
    destroy: () => metaOf(doc).unobserve(refresh)
  }
}

/** What the facilitator's controls do. `hostNow` is the host's clock (the facilitator's own). */
export interface FlowIntents {
  goToStage(stage: StageId): void
  setPrompt(prompt: string): void
  startTimer(): void
  pauseTimer(): void
  addMinute(): void
  setTimerLength(ms: number): void
  setLocked(locked: boolean): void
  setAnonymous(anonymous: boolean): void
  setShowEditing(show: boolean): void
  setFollowFacilitator(follow: boolean): void
  setVoteRules(budget: number, multipleDots: boolean): void
  closeVoting(): void
  reopenVoting(): void
  /** Breaks or keeps one tie of the closed vote's results, replacing any decision on those options. */
  decideTie(decision: TieDecision): void
  setConsensusRule(threshold: number, minGroup: number): void
  closeConsensus(): void
  /** Aggregates (consensus, emotion curve) show only from this many people. */
  setMinGroup(minGroup: number): void
  closeEmotions(): void
  reopenEmotions(): void
  setSource(kind: 'valueSource' | 'opportunitySource', source: LibrarySource | null): void
  /** Locks the workshop for good and shows every screen the values as recorded. */
  markFinalized(agreed: AgreedValues): void
}

export function bindFlowIntents(doc: Y.Doc, hostNow: () => number): FlowIntents {
  const meta = metaOf(doc)
  const set = (entries: Record<string, unknown>) =>
    doc.transact(() => {
      for (const [key, value] of Object.entries(entries)) {
        if (meta.get(key) !== value) meta.set(key, value)
      }
    }, LOCAL_ORIGIN)
  const timer = () => readTimer(meta.get(FLOW_FIELDS.timer))
  const setTimer = (next: TimerState) => set({ [FLOW_FIELDS.timer]: { ...next } })
  const finalized = () => readWorkshopFlow(doc).finalizedAt !== null

  return {
    goToStage(stage) {
      const flow = readWorkshopFlow(doc)
      const { stages } = templateStages(flow.template)
      if (flow.stage === stage || flow.finalizedAt !== null || !stages.includes(stage)) return
      const log = [...flow.stageLog, { stage, at: hostNow() }].slice(-STAGE_LOG_MAX)
      // Moving on past the silent brainstorm reveals everyone's notes, in the same step.
      const brainstorm = stages.indexOf('brainstorm')
      const reveals = brainstorm >= 0 && stages.indexOf(stage) > brainstorm && !flow.revealed
      set({
        [FLOW_FIELDS.stage]: stage,
        [FLOW_FIELDS.stageLog]: log,
        // Each stage starts its own timer, stopped, at its usual length: the last one's does not run on.
        [FLOW_FIELDS.timer]: { ...timerOf(STAGES[stage].timerMinutes * MINUTE_MS) },
        ...(reveals ? { [FLOW_FIELDS.revealed]: true } : {})
      })
    },
    setPrompt(prompt) {
      const clean = prompt.replace(/\s+/g, ' ').trim().slice(0, PROMPT_MAX_LENGTH)
      if (clean && !finalized()) set({ [FLOW_FIELDS.prompt]: clean })
    },
    startTimer: () => setTimer(startTimer(timer(), hostNow())),
    pauseTimer: () => setTimer(pauseTimer(timer(), hostNow())),
    addMinute: () => setTimer(addMinute(timer(), hostNow())),
    setTimerLength: (ms) => setTimer(timerOf(ms)),
    setLocked: (locked) => !finalized() && set({ [FLOW_FIELDS.locked]: locked }),
    setAnonymous: (anonymous) => set({ [FLOW_FIELDS.anonymous]: anonymous }),
    setShowEditing: (show) => set({ [FLOW_FIELDS.showEditing]: show }),
    setFollowFacilitator: (follow) => set({ [FLOW_FIELDS.followFacilitator]: follow }),
    setVoteRules(budget, multipleDots) {
      set({
        [FLOW_FIELDS.voteBudget]: Math.min(Math.max(1, Math.round(budget)), MAX_VOTE_BUDGET),
        [FLOW_FIELDS.multipleDots]: multipleDots
      })
    },
    closeVoting: () => set({ [FLOW_FIELDS.votingClosed]: true }),
    // New ballots make new ties: decisions on the old results would not be the facilitator's on the new.
    reopenVoting: () => !finalized() && set({ [FLOW_FIELDS.votingClosed]: false, [FLOW_FIELDS.voteTies]: [] }),
    decideTie(decision) {
      const [clean] = readTieDecisions([decision])
      if (!clean || finalized()) return
      const others = readWorkshopFlow(doc).voteTies.filter((entry) => !entry.optionIds.some((id) => clean.optionIds.includes(id)))
      set({ [FLOW_FIELDS.voteTies]: [...others, clean] })
    },
    setConsensusRule(threshold, minGroup) {
      set({
        [FLOW_FIELDS.consensusThreshold]: Math.min(Math.max(0, Math.round(threshold)), 5),
        [FLOW_FIELDS.minGroup]: cleanMinGroup(minGroup)
      })
    },
    closeConsensus: () => set({ [FLOW_FIELDS.consensusClosed]: true }),
    setMinGroup: (minGroup) => !finalized() && set({ [FLOW_FIELDS.minGroup]: cleanMinGroup(minGroup) }),
    closeEmotions: () => set({ [FLOW_FIELDS.emotionsClosed]: true }),
    reopenEmotions: () => !finalized() && set({ [FLOW_FIELDS.emotionsClosed]: false }),
    setSource: (kind, source) => !finalized() && set({ [FLOW_FIELDS[kind]]: source && readLibrarySource(source) }),
    markFinalized(agreed) {
      if (finalized()) return
      const now = hostNow()
      set({
        [FLOW_FIELDS.agreed]: agreed,
        [FLOW_FIELDS.finalizedAt]: now,
        [FLOW_FIELDS.locked]: true,
        [FLOW_FIELDS.timer]: { ...pauseTimer(timer(), now) }
      })
    }
  }
}
