import { describe, expect, it } from 'vitest'
import { UserError } from '../../../../shared/contract'
import { userMessage } from '../../../../renderer/src/ui/userMessage'

describe('userMessage', () => {
  it('shows the message an error carries, never its stack', () => {
    const error = new UserError('The disk is full. Nothing was changed.')
    expect(userMessage(error)).toBe('The disk is full. Nothing was changed.')
    expect(userMessage(error)).not.toContain('at ')
  })

  it('falls back to a plain sentence for anything else', () => {
    expect(userMessage('boom')).toMatch(/nothing was changed/)
    expect(userMessage(new Error('  '))).toMatch(/nothing was changed/)
  })
})
