import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { buildJourneyRecord, type JourneyFinalizeInput } from '../../../shared/finalizeJourney'
import { emotionSummary } from '../../../shared/exports/journeyText'
import { parseJourneyRecord } from '../../../shared/journeyRecord'
import { TEMPLATES } from '../../../shared/templates'
import { createBoardModel } from '../../../renderer/src/crdt/boardModel'
import { cellKey, createJourneyModel } from '../../../renderer/src/crdt/journey'

const HOST = Date.UTC(2026, 10, 26, 9, 0, 0)
const ballot = (marks: Record<string, number>) => ({ v: 1, marks })

/** A journey map as the facilitator's screen holds it at the end, built through the app's own model. */
function finishedMap() {
  const doc = new Y.Doc()
  const board = createBoardModel(doc, TEMPLATES['journey-map'])
  const journey = createJourneyModel(doc, board.snapshots)
  const grid = () => journey.snapshots.getSnapshot()
  const stage = (title: string) => grid().stages.find((entry) => entry.title === title)!.id
  const lane = (title: string) => grid().lanes.find((entry) => entry.title === title)!.id
  const add = (stageTitle: string, laneTitle: string, text: string) =>
    board.intents.addNote(stage(stageTitle), text, undefined, lane(laneTitle)).noteId!
  const ids = {
    welcome: add('Onboard', 'Touchpoints', 'Welcome email'),
    laptop: add('Onboard', 'Pain points', 'Laptop not ready'),
    buddy: add('Onboard', 'Opportunities', 'Buddy programme'),
    jobAd: add('Attract', 'Pain points', 'Job ad reads like a contract'),
    blank: add('Exit', 'Owner', 'to be blanked')
  }
  // A faulty peer left a note blank: it is not in the record.
  ;(doc.getMap('notes').get(ids.blank) as Y.Map<unknown>).set('text', '   ')
  journey.intents.linkValue(ids.buddy, { workshopId: 'values-1', workshopTitle: 'Our core values', name: 'Customer Obsessed' })
  const snapshot = grid()
  const input: JourneyFinalizeInput = {
    workshopId: 'journey-1',
    title: 'Joining us',
    prompt: 'Where do our employees struggle?',
    anonymous: true,
    finalizedAt: HOST + 60 * 60_000,
    stages: snapshot.stages,
    lanes: snapshot.lanes,
    cells: snapshot.cells,
    cellKey,
    notes: snapshot.notes,
    links: snapshot.links,
    votedLaneIds: snapshot.lanes.filter((entry) => entry.kind !== null).map((entry) => entry.id),
    voteBallots: [ballot({ [ids.laptop]: 2, [ids.buddy]: 1 }), ballot({ [ids.laptop]: 1 }), ballot({ [ids.laptop]: 9 })],
    vote: { budget: 3, multipleDots: true },
    voteTies: [],
    // As the host publishes them in anonymous mode: Exit was rated by two people, fewer than
    // the minimum group, so the document holds only how many.
    emotions: { ratings: new Map([[stage('Onboard'), [-2, -1, -1]]]), withheld: new Map([[stage('Exit'), 2]]) },
    minGroup: 3,
    participantNames: ['Amira', 'Ben'],
    tookPart: 2,
    stageLog: [
      { stage: 'brainstorm', at: HOST },
      { stage: 'map', at: HOST + 10 * 60_000 },
      { stage: 'finalize', at: HOST + 50 * 60_000 }
    ]
  }
  return { input, ids, stage }
}

describe('buildJourneyRecord', () => {
  it('makes a record the schema accepts: notes cell by cell, dots, links, the curve and the stage times', () => {
    const { input, ids, stage } = finishedMap()
    const record = buildJourneyRecord(input)
    expect(parseJourneyRecord(record)).toEqual({ ok: true, record })

    expect(record.stages.map((entry) => entry.name)).toEqual(TEMPLATES['journey-map'].columns)
    expect(record.lanes.find((entry) => entry.name === 'Opportunities')?.kind).toBe('opportunities')
    // Stage by stage, lane by lane; the blank note is left out.
    expect(record.notes.map((note) => note.text)).toEqual([
      'Job ad reads like a contract',
      'Welcome email',
      'Laptop not ready',
      'Buddy programme'
    ])
    const byId = new Map(record.notes.map((note) => [note.id, note]))
    // The third ballot spends 9 dots of 3: it does not count.
    expect(byId.get(ids.laptop)?.votes).toBe(3)
    expect(byId.get(ids.buddy)).toMatchObject({ votes: 1, linkedValue: { name: 'Customer Obsessed', workshopTitle: 'Our core values' } })
    expect(byId.get(ids.jobAd)?.votes).toBe(0)
    // Touchpoints were not voted on: no dots, rather than zero.
    expect(byId.get(ids.welcome)?.votes).toBeNull()
    expect(record.votes).toMatchObject({ budget: 3, voters: 2 })

    expect(record.emotions.stages.find((result) => result.stageId === stage('Onboard'))).toEqual({
      stageId: stage('Onboard'),
      raters: 3,
      median: -1,
      spread: { low: -1.5, high: -1 }
    })
    // Two ratings of Exit: fewer than the minimum group, so no median and no spread, but the
    // record says how many rated it, as the screen did ("fewer than 3 ratings", not "no ratings").
    const exit = record.emotions.stages.find((result) => result.stageId === stage('Exit'))!
    expect(exit).toEqual({ stageId: stage('Exit'), raters: 2, median: null, spread: null })
    expect(emotionSummary(exit, record.emotions.minGroup)).toBe('fewer than 3 ratings')
    expect(emotionSummary(record.emotions.stages.find((result) => result.stageId === stage('Retain'))!, 3)).toBe('no ratings')
    expect(record.timeline.map((entry) => entry.stage)).toEqual(['Silent brainstorm', 'Map the journey', 'Finalize'])
    expect(record.timeline.at(-1)?.endedAt).toBe(new Date(input.finalizedAt).toISOString())
  })

  it('names no one in an anonymous workshop and counts everyone who took part', () => {
    const { input } = finishedMap()
    expect(buildJourneyRecord(input).participants).toEqual({ count: 3, names: null })
    expect(buildJourneyRecord({ ...input, anonymous: false }).participants).toEqual({ count: 3, names: ['Amira', 'Ben'] })
    // Someone who came and left before the end, without rating or voting, still took part.
    expect(buildJourneyRecord({ ...input, tookPart: 4 }).participants).toEqual({ count: 4, names: null })
    // Not live at the end and no one voted: the people who rated a withheld stage still count.
    const emotions = { ratings: new Map<string, number[]>(), withheld: new Map([[input.stages[0]!.id, 2]]) }
    expect(buildJourneyRecord({ ...input, emotions, voteBallots: [], participantNames: [], tookPart: 0 }).participants.count).toBe(2)
  })

  it('leaves out what a faulty peer made too big for the record, instead of failing the finalize', () => {
    const { input } = finishedMap()
    const longId = 'x'.repeat(200)
    const note = { ...input.notes[Object.keys(input.notes)[0]!]!, id: longId }
    const key = cellKey(input.stages[0]!.id, input.lanes[0]!.id)
    const record = buildJourneyRecord({
      ...input,
      notes: { ...input.notes, [longId]: note },
      cells: { ...input.cells, [key]: [...(input.cells[key] ?? []), longId] }
    })
    expect(record.notes.some((entry) => entry.id === longId)).toBe(false)
    expect(parseJourneyRecord(record).ok).toBe(true)
  })

  it('ranks the voted notes with the facilitator’s tie decisions: a broken tie in their order, a tie without one undecided', () => {
    const { input, ids } = finishedMap()
    // Laptop and Buddy tie on 1 dot; Job ad has none.
    const voteBallots = [ballot({ [ids.laptop]: 1 }), ballot({ [ids.buddy]: 1 })]
    const undecided = buildJourneyRecord({ ...input, voteBallots })
    expect(undecided.votes.ranking).toEqual([
      { noteId: ids.laptop, dots: 1, rank: 1, tie: 'undecided' },
      { noteId: ids.buddy, dots: 1, rank: 1, tie: 'undecided' },
      { noteId: ids.jobAd, dots: 0, rank: 3, tie: 'none' }
    ])
    const broken = buildJourneyRecord({ ...input, voteBallots, voteTies: [{ optionIds: [ids.buddy, ids.laptop], kept: false }] })
    expect(broken.votes.ranking.map(({ noteId, rank, tie }) => [noteId, rank, tie])).toEqual([
      [ids.buddy, 1, 'broken'],
      [ids.laptop, 2, 'broken'],
      [ids.jobAd, 3, 'none']
    ])
    expect(parseJourneyRecord(broken).ok).toBe(true)
    const kept = buildJourneyRecord({ ...input, voteBallots, voteTies: [{ optionIds: [ids.laptop, ids.buddy], kept: true }] })
    expect(kept.votes.ranking.map(({ rank, tie }) => [rank, tie])).toEqual([
      [1, 'kept'],
      [1, 'kept'],
      [3, 'none']
    ])
  })
})
