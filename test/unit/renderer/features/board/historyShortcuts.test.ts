import { describe, expect, it } from 'vitest'
import { historyCommandFor } from '../../../../../renderer/src/features/board/historyShortcuts'

const keys = (key: string, modifiers: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...modifiers
})

describe('historyCommandFor', () => {
  it('reads Ctrl/Cmd+Z as undo and Ctrl/Cmd+Shift+Z as redo', () => {
    expect(historyCommandFor(keys('z', { ctrlKey: true }))).toBe('undo')
    expect(historyCommandFor(keys('z', { metaKey: true }))).toBe('undo')
    expect(historyCommandFor(keys('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo')
    expect(historyCommandFor(keys('Z', { metaKey: true, shiftKey: true }))).toBe('redo')
  })

  it('reads Ctrl+Y as redo, as on Windows', () => {
    expect(historyCommandFor(keys('y', { ctrlKey: true }))).toBe('redo')
    expect(historyCommandFor(keys('y', { metaKey: true }))).toBeNull()
  })

  it('ignores plain letters and Alt combinations', () => {
    expect(historyCommandFor(keys('z'))).toBeNull()
    expect(historyCommandFor(keys('z', { ctrlKey: true, altKey: true }))).toBeNull()
    expect(historyCommandFor(keys('x', { ctrlKey: true }))).toBeNull()
  })
})
