import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DEFAULT_VOTE_BUDGET, TEMPLATE_STAGES } from '../../../../shared/stages'

const DEFAULT_PROMPT = TEMPLATE_STAGES['core-values'].defaultPrompt
import { MINUTE_MS, timeLeft } from '../../../../shared/timer'
import { FLOW_FIELDS } from '../../../../shared/workshopMeta'
import { bindFlowIntents, createWorkshopFlowStore, readWorkshopFlow } from '../../../../renderer/src/crdt/workshopFlow'
import { peerOf } from './boardFixtures'

const HOST = 1_750_000_000_000

function facilitator(now = HOST) {
  const doc = new Y.Doc()
  let clock = now
  const intents = bindFlowIntents(doc, () => clock)
  return { doc, intents, tick: (ms: number) => (clock += ms) }
}

describe('the workshop flow', () => {
  it('starts a core-values workshop at the prompt, anonymous, with the default question and vote budget', () => {
    const doc = new Y.Doc()
    doc.getMap('meta').set('template', 'core-values')
    const flow = readWorkshopFlow(doc)
    expect(flow).toMatchObject({
      template: 'core-values',
      stage: 'prompt',
      prompt: DEFAULT_PROMPT,
      anonymous: true,
      locked: false,
      revealed: false,
      voteBudget: DEFAULT_VOTE_BUDGET,
      finalizedAt: null
    })
  })

  it('is anonymous by default as its template says, and not before the template is known', () => {
    const doc = new Y.Doc()
    expect(readWorkshopFlow(doc)).toMatchObject({ template: null, anonymous: false })
    doc.getMap('meta').set('template', 'journey-map')
    expect(readWorkshopFlow(doc)).toMatchObject({ template: 'journey-map', anonymous: true })
    doc.getMap('meta').set('template', 'program-plan')
    expect(readWorkshopFlow(doc)).toMatchObject({ template: 'program-plan', anonymous: false })
  })

  it('reveals the brainstorm’s notes when the facilitator moves on past it, and not before', () => {
    const { doc, intents } = facilitator()
    doc.getMap('meta').set('template', 'journey-map')
    intents.goToStage('brainstorm')
    expect(readWorkshopFlow(doc).revealed).toBe(false)
    intents.goToStage('map')
    expect(readWorkshopFlow(doc)).toMatchObject({ stage: 'map', revealed: true })
    // Back to the brainstorm: what was revealed stays on the board.
    intents.goToStage('brainstorm')
    expect(readWorkshopFlow(doc).revealed).toBe(true)
  })

  it('starts each stage with its own timer, stopped at that stage’s length: the last one does not run on', () => {
    const { doc, intents } = facilitator()
    doc.getMap('meta').set('template', 'core-values')
    intents.goToStage('brainstorm')
    intents.startTimer()
    expect(readWorkshopFlow(doc).timer.endsAt).not.toBeNull()
    intents.goToStage('cluster')
    expect(readWorkshopFlow(doc).timer).toEqual({ durationMs: 10 * MINUTE_MS, endsAt: null, remainingMs: 10 * MINUTE_MS })
    intents.goToStage('vote')
    expect(readWorkshopFlow(doc).timer).toEqual({ durationMs: 3 * MINUTE_MS, endsAt: null, remainingMs: 3 * MINUTE_MS })
  })

  it('follows the template’s own stages: its first stage and question, and no stage of another template', () => {
    const doc = new Y.Doc()
    doc.getMap('meta').set('template', 'journey-map')
    const intents = bindFlowIntents(doc, () => HOST)
    expect(readWorkshopFlow(doc)).toMatchObject({ stage: 'prompt', prompt: TEMPLATE_STAGES['journey-map'].defaultPrompt })
    intents.goToStage('cluster')
    expect(readWorkshopFlow(doc).stage).toBe('prompt')
    intents.goToStage('emotions')
    expect(readWorkshopFlow(doc).stage).toBe('emotions')
    // A stage written by a peer that the template does not have reads as its first stage.
    doc.getMap('meta').set('stage', 'draft')
    expect(readWorkshopFlow(doc).stage).toBe('prompt')
  })

  it("moves every peer's screen to the stage the facilitator chose, and logs when each began", () => {
    const { doc, intents, tick } = facilitator()
    intents.goToStage('brainstorm')
    tick(5 * MINUTE_MS)
    intents.goToStage('cluster')
    tick(MINUTE_MS)
    intents.goToStage('brainstorm')
    const participant = peerOf(doc)
    const flow = readWorkshopFlow(participant)
    expect(flow.stage).toBe('brainstorm')
    expect(flow.stageLog).toEqual([
      { stage: 'brainstorm', at: HOST },
      { stage: 'cluster', at: HOST + 5 * MINUTE_MS },
      { stage: 'brainstorm', at: HOST + 6 * MINUTE_MS }
    ])
  })

  it('runs the shared timer in host time', () => {
    const { doc, intents, tick } = facilitator()
    intents.setTimerLength(3 * MINUTE_MS)
    intents.startTimer()
    tick(MINUTE_MS)
    intents.addMinute()
    const timer = readWorkshopFlow(peerOf(doc)).timer
    expect(timeLeft(timer, HOST + MINUTE_MS)).toBe(3 * MINUTE_MS)
    intents.pauseTimer()
    expect(readWorkshopFlow(doc).timer).toMatchObject({ endsAt: null, remainingMs: 3 * MINUTE_MS })
  })

  it('cleans the prompt and keeps the old one for a blank one', () => {
    const { doc, intents } = facilitator()
    intents.setPrompt('  What   do we stand for?  ')
    intents.setPrompt('   ')
    expect(readWorkshopFlow(doc).prompt).toBe('What do we stand for?')
  })

  it('after finalizing, stays locked at its stage and keeps its prompt', () => {
    const { doc, intents } = facilitator()
    intents.startTimer()
    intents.goToStage('finalize')
    const agreed = { contentHash: 'a'.repeat(64), values: [{ name: 'Integrity', definition: 'We keep our word.', weDo: ['Call back'], weDont: [] }] }
    intents.markFinalized(agreed)
    expect(readWorkshopFlow(doc).timer.endsAt).toBeNull()
    expect(readWorkshopFlow(peerOf(doc)).agreed).toEqual(agreed)
    intents.goToStage('cluster')
    intents.setLocked(false)
    intents.setPrompt('Something else')
    const flow = readWorkshopFlow(doc)
    expect(flow).toMatchObject({ stage: 'finalize', locked: true, finalizedAt: HOST, prompt: DEFAULT_PROMPT })
  })

  it("keeps the facilitator's tie decisions, one per tie, until voting reopens", () => {
    const { doc, intents } = facilitator()
    intents.closeVoting()
    intents.decideTie({ optionIds: ['c2', 'c3'], kept: true })
    intents.decideTie({ optionIds: ['c5', 'c6'], kept: false })
    // Breaking the first tie replaces keeping it.
    intents.decideTie({ optionIds: ['c3', 'c2'], kept: false })
    expect(readWorkshopFlow(doc).voteTies).toEqual([
      { optionIds: ['c5', 'c6'], kept: false },
      { optionIds: ['c3', 'c2'], kept: false }
    ])
    intents.reopenVoting()
    expect(readWorkshopFlow(doc).voteTies).toEqual([])
  })

  it('reads whatever a faulty peer wrote as the defaults', () => {
    const doc = new Y.Doc()
    const meta = doc.getMap('meta')
    meta.set(FLOW_FIELDS.stage, 'party')
    meta.set(FLOW_FIELDS.stageLog, [{ stage: 'vote', at: 'noon' }, 'x', { stage: 'cluster', at: 5 }])
    meta.set(FLOW_FIELDS.voteBudget, 1e9)
    meta.set(FLOW_FIELDS.anonymous, 'yes')
    meta.set('template', 'core-values')
    meta.set(FLOW_FIELDS.prompt, 'p'.repeat(100_000))
    meta.set(FLOW_FIELDS.timer, { endsAt: 'soon' })
    meta.set(FLOW_FIELDS.agreed, { contentHash: 'not a hash', values: [] })
    const flow = readWorkshopFlow(doc)
    expect(flow.stage).toBe('prompt')
    expect(flow.stageLog).toEqual([{ stage: 'cluster', at: 5 }])
    expect(flow.voteBudget).toBe(DEFAULT_VOTE_BUDGET)
    expect(flow.anonymous).toBe(true)
    expect(flow.prompt.length).toBeLessThanOrEqual(300)
    expect(flow.timer.endsAt).toBeNull()
    expect(flow.agreed).toBeNull()
    meta.set(FLOW_FIELDS.agreed, { contentHash: 'b'.repeat(64), values: [{ name: 7, weDo: ['x'.repeat(5_000), 3] }, 'junk'] })
    expect(readWorkshopFlow(doc).agreed!.values).toEqual([{ name: '', definition: '', weDo: ['x'.repeat(2_000)], weDont: [] }])
  })

  it('tells subscribers only when something they read changed', () => {
    const { doc, intents } = facilitator()
    const store = createWorkshopFlowStore(doc)
    let calls = 0
    store.subscribe(() => calls++)
    const before = store.getSnapshot()
    intents.setLocked(false)
    expect(calls).toBe(0)
    expect(store.getSnapshot()).toBe(before)
    intents.setLocked(true)
    expect(calls).toBe(1)
    expect(store.getSnapshot().locked).toBe(true)
    store.destroy()
  })
})
