import { describe, expect, it } from 'vitest'
import { columnOf, dropAtEnd, moveAcrossColumns, projectDrop, type NoteIdsByColumn } from '../../../../../renderer/src/features/board/dragItems'

const board: NoteIdsByColumn = { ideas: ['a', 'b', 'c'], themes: ['x', 'y'], empty: [] }
const note = (id: string) => ({ id, isColumn: false })
const column = (id: string) => ({ id, isColumn: true })

describe('columnOf', () => {
  it('finds the column holding a note', () => {
    expect(columnOf(board, 'y')).toBe('themes')
    expect(columnOf(board, 'missing')).toBeUndefined()
  })
})

describe('moveAcrossColumns', () => {
  it('puts the note above the note it is over in another column, or below it', () => {
    expect(moveAcrossColumns(board, 'a', note('y'), false)).toEqual({ ideas: ['b', 'c'], themes: ['x', 'a', 'y'], empty: [] })
    expect(moveAcrossColumns(board, 'a', note('y'), true)).toEqual({ ideas: ['b', 'c'], themes: ['x', 'y', 'a'], empty: [] })
  })

  it('puts the note at the end of a column it is over directly, such as an empty one', () => {
    expect(moveAcrossColumns(board, 'b', column('empty'), false)).toEqual({ ideas: ['a', 'c'], themes: ['x', 'y'], empty: ['b'] })
  })

  it('leaves the board as it is within one column, and keeps untouched columns shared', () => {
    expect(moveAcrossColumns(board, 'a', note('c'), false)).toBe(board)
    expect(moveAcrossColumns(board, 'a', column('ideas'), false)).toBe(board)
    const moved = moveAcrossColumns(board, 'a', note('x'), false)
    expect(moved.empty).toBe(board.empty)
  })
})

describe('projectDrop', () => {
  it('within a column, lands where the note it is over was', () => {
    expect(projectDrop(board, 'a', note('c'))).toEqual({ columnId: 'ideas', noteIds: ['b', 'c', 'a'], index: 2 })
    expect(projectDrop(board, 'c', note('a'))).toEqual({ columnId: 'ideas', noteIds: ['c', 'a', 'b'], index: 0 })
  })

  it('stays put when over itself or its own column', () => {
    expect(projectDrop(board, 'b', note('b'))).toEqual({ columnId: 'ideas', noteIds: ['a', 'b', 'c'], index: 1 })
    expect(projectDrop(board, 'b', column('ideas'))).toEqual({ columnId: 'ideas', noteIds: ['a', 'b', 'c'], index: 1 })
  })

  it('into another column, lands before the note it is over, or last in an empty column', () => {
    expect(projectDrop(board, 'a', note('y'))).toEqual({ columnId: 'themes', noteIds: ['x', 'a', 'y'], index: 1 })
    expect(projectDrop(board, 'a', column('empty'))).toEqual({ columnId: 'empty', noteIds: ['a'], index: 0 })
  })

  it('has no place for a note or target that is not on the board', () => {
    expect(projectDrop(board, 'missing', note('a'))).toBeNull()
    expect(projectDrop(board, 'a', note('missing'))).toBeNull()
  })
})

describe('dropAtEnd', () => {
  it('lands the note below the last note of the column, or alone in an empty one', () => {
    expect(dropAtEnd(board, 'a', 'themes')).toEqual({ columnId: 'themes', noteIds: ['x', 'y', 'a'], index: 2 })
    expect(dropAtEnd(board, 'a', 'empty')).toEqual({ columnId: 'empty', noteIds: ['a'], index: 0 })
  })

  it('finds no place for a note or a column that is gone', () => {
    expect(dropAtEnd(board, 'a', 'missing')).toBeNull()
    expect(dropAtEnd(board, 'gone', 'themes')).toBeNull()
  })
})
