import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { TEMPLATES } from '../../../../shared/templates'
import { NOTE_FIELDS, notesOf } from '../../../../renderer/src/crdt/boardDoc'
import { createBoardModel } from '../../../../renderer/src/crdt/boardModel'
import { cellKey, createJourneyModel, MAX_LANES, VALUE_LINK_FIELD } from '../../../../renderer/src/crdt/journey'
import { peerOf, sync } from './boardFixtures'

function journeyMap(doc = new Y.Doc()) {
  const board = createBoardModel(doc, TEMPLATES['journey-map'])
  const journey = createJourneyModel(doc, board.snapshots)
  const grid = () => journey.snapshots.getSnapshot()
  const stageId = (title: string) => grid().stages.find((stage) => stage.title === title)!.id
  const laneId = (title: string) => grid().lanes.find((lane) => lane.title === title)!.id
  const add = (stage: string, lane: string, text: string) => board.intents.addNote(stageId(stage), text, undefined, laneId(lane)).noteId!
  const textsIn = (stage: string, lane: string) =>
    (grid().cells[cellKey(stageId(stage), laneId(lane))] ?? []).map((id) => grid().notes[id]!.text)
  return { doc, board, journey, grid, stageId, laneId, add, textsIn }
}

describe('the journey map', () => {
  it('opens as a grid of the template’s stages by lanes, every cell empty', () => {
    const { grid } = journeyMap()
    expect(grid().stages.map((stage) => stage.title)).toEqual(TEMPLATES['journey-map'].columns)
    expect(grid().lanes.map((lane) => [lane.title, lane.kind])).toEqual([
      ['Touchpoints', null],
      ['Moments that matter', null],
      ['Thoughts and feelings', null],
      ['Pain points', 'painPoints'],
      ['Opportunities', 'opportunities'],
      ['Owner', null]
    ])
    expect(Object.keys(grid().cells)).toHaveLength(36)
    expect(Object.values(grid().cells).every((ids) => ids.length === 0)).toBe(true)
  })

  it('keeps each note in its cell, in order, and moves it across cells and within one', () => {
    const { board, add, textsIn, stageId, laneId } = journeyMap()
    const wait = add('Onboard', 'Pain points', 'Waited a week for a laptop')
    add('Onboard', 'Pain points', 'No buddy')
    add('Onboard', 'Touchpoints', 'First-day email')
    expect(textsIn('Onboard', 'Pain points')).toEqual(['Waited a week for a laptop', 'No buddy'])

    // Across cells: to another stage and lane at once.
    expect(board.intents.moveNote(wait, stageId('Recruit'), null, null, laneId('Moments that matter'))).toBe(true)
    expect(textsIn('Onboard', 'Pain points')).toEqual(['No buddy'])
    expect(textsIn('Recruit', 'Moments that matter')).toEqual(['Waited a week for a laptop'])

    // Into the same stage, another lane, above the note already there.
    const buddy = add('Onboard', 'Opportunities', 'Buddy programme')
    board.intents.moveNote(wait, stageId('Onboard'), null, buddy, laneId('Opportunities'))
    expect(textsIn('Onboard', 'Opportunities')).toEqual(['Waited a week for a laptop', 'Buddy programme'])
    // Within the cell.
    board.intents.moveNote(wait, stageId('Onboard'), buddy, null, laneId('Opportunities'))
    expect(textsIn('Onboard', 'Opportunities')).toEqual(['Buddy programme', 'Waited a week for a laptop'])
    // Undo takes the last move back, as one step.
    board.undo.undo()
    expect(textsIn('Onboard', 'Opportunities')).toEqual(['Waited a week for a laptop', 'Buddy programme'])
  })

  it('shows a note whose lane does not exist in the first lane of its stage, never hiding it', () => {
    const { doc, grid, add, textsIn } = journeyMap()
    const id = add('Develop', 'Owner', 'Career paths unclear')
    ;(notesOf(doc).get(id) as Y.Map<unknown>).set(NOTE_FIELDS.laneId, 'lane-from-nowhere')
    expect(textsIn('Develop', 'Touchpoints')).toEqual(['Career paths unclear'])
    expect(Object.values(grid().cells).flat()).toHaveLength(1)
  })

  it('renames, adds, reorders and removes stages and lanes; removing takes its notes, in one undoable step', () => {
    const { board, journey, grid, stageId, laneId, add, textsIn } = journeyMap()
    const intents = journey.intents
    expect(intents.rename('stage', stageId('Exit'), '  Leave  ')).toBe(true)
    const alumni = intents.add('stage', 'Alumni')!
    expect(grid().stages.at(-1)).toMatchObject({ id: alumni, title: 'Alumni' })
    intents.move('stage', alumni, 0)
    expect(grid().stages.map((stage) => stage.title)).toEqual(['Alumni', 'Attract', 'Recruit', 'Onboard', 'Develop', 'Retain', 'Leave'])

    const systems = intents.add('lane', 'Systems')!
    intents.move('lane', systems, 1)
    expect(grid().lanes.map((lane) => lane.title).slice(0, 3)).toEqual(['Touchpoints', 'Systems', 'Moments that matter'])
    add('Attract', 'Systems', 'Careers site is slow')
    add('Recruit', 'Systems', 'ATS emails look like spam')
    expect(intents.notesOn('lane', laneId('Systems'))).toBe(2)
    expect(intents.remove('lane', laneId('Systems'))).toBe(true)
    expect(grid().lanes.some((lane) => lane.title === 'Systems')).toBe(false)
    expect(Object.values(grid().cells).flat()).toHaveLength(0)

    board.undo.undo()
    expect(textsIn('Attract', 'Systems')).toEqual(['Careers site is slow'])
    expect(textsIn('Recruit', 'Systems')).toEqual(['ATS emails look like spam'])
  })

  it('refuses a blank title, a map past its limits, and removing the last stage or lane', () => {
    const { journey, grid } = journeyMap()
    const intents = journey.intents
    expect(intents.add('lane', '   ')).toBeNull()
    while (grid().lanes.length < MAX_LANES) expect(intents.add('lane', `Lane ${grid().lanes.length}`)).not.toBeNull()
    expect(intents.add('lane', 'One too many')).toBeNull()
    for (const stage of grid().stages.slice(1)) expect(intents.remove('stage', stage.id)).toBe(true)
    expect(intents.remove('stage', grid().stages[0]!.id)).toBe(false)
    expect(grid().stages).toHaveLength(1)
  })

  it('links an opportunity to a value, and unlinks it; a malformed link from a peer is ignored', () => {
    const { doc, journey, grid, add } = journeyMap()
    const id = add('Retain', 'Opportunities', 'Stay interviews')
    const link = { workshopId: 'w1', workshopTitle: 'Our core values', name: 'Customer Obsessed' }
    expect(journey.intents.linkValue(id, link)).toBe(true)
    expect(grid().links.get(id)).toEqual(link)
    journey.intents.linkValue(id, null)
    expect(grid().links.has(id)).toBe(false)
    ;(notesOf(doc).get(id) as Y.Map<unknown>).set(VALUE_LINK_FIELD, { name: 42, workshopId: [] })
    expect(grid().links.has(id)).toBe(false)
  })

  it('keeps two people’s concurrent moves into one cell, in the same order on both screens', () => {
    const a = journeyMap()
    const first = a.add('Attract', 'Touchpoints', 'Job ad')
    const second = a.add('Attract', 'Touchpoints', 'Referral')
    const b = journeyMap(peerOf(a.doc))
    a.board.intents.moveNote(first, a.stageId('Exit'), null, null, a.laneId('Pain points'))
    b.board.intents.moveNote(second, b.stageId('Exit'), null, null, b.laneId('Pain points'))
    sync(a.doc, b.doc)
    expect(a.textsIn('Exit', 'Pain points')).toHaveLength(2)
    expect(a.textsIn('Exit', 'Pain points')).toEqual(b.textsIn('Exit', 'Pain points'))
  })

  it('reuses unchanged cells from one snapshot to the next, so the grid re-renders only what changed', () => {
    const { grid, add, stageId, laneId } = journeyMap()
    add('Attract', 'Touchpoints', 'Job ad')
    const before = grid()
    add('Exit', 'Owner', 'HR')
    const after = grid()
    expect(after).not.toBe(before)
    expect(after.cells[cellKey(stageId('Attract'), laneId('Touchpoints'))]).toBe(before.cells[cellKey(stageId('Attract'), laneId('Touchpoints'))])
    expect(after.lanes).toBe(before.lanes)
  })
})
