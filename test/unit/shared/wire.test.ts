import { describe, expect, it } from 'vitest'
import { fromWire, toWire } from '../../../shared/wire'

describe('wire codec', () => {
  it('carries binary document state through JSON unchanged', () => {
    const state = new Uint8Array(200_000).map((_, i) => (i * 31) % 256)
    const decoded = fromWire(toWire({ args: ['id', state], nested: { bytes: new Uint8Array([0, 255]) } })) as {
      args: [string, Uint8Array]
      nested: { bytes: Uint8Array }
    }
    expect(decoded.args[1]).toBeInstanceOf(Uint8Array)
    expect(decoded.args[1]).toEqual(state)
    expect(Array.from(decoded.nested.bytes)).toEqual([0, 255])
  })

  it('leaves ordinary objects alone, even ones that look a little like bytes', () => {
    const value = { $bytes: 3, other: { $bytes: 'AA==', extra: true } }
    expect(fromWire(toWire(value))).toEqual(value)
  })

  it('rejects malformed JSON and bad base64 with a SyntaxError', () => {
    expect(() => fromWire('{"a":')).toThrow(SyntaxError)
    expect(() => fromWire('{"$bytes":"%%%"}')).toThrow(SyntaxError)
  })
})
