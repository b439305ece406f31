import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../../shared/canonicalJson'

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order and leaves out whitespace', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: true, c: null }, 'x'], é: 'é', A: 0 })).toBe('{"A":0,"a":[3,{"c":null,"d":true},"x"],"b":1,"é":"é"}')
  })

  it('is the same text whatever order the keys were written in', () => {
    const one = { title: 'T', values: [{ name: 'N', weDo: ['a', 'b'] }] }
    const two = { values: [{ weDo: ['a', 'b'], name: 'N' }], title: 'T' }
    expect(canonicalJson(one)).toBe(canonicalJson(two))
    expect(canonicalJson(one)).toBe(JSON.stringify(JSON.parse(canonicalJson(two))))
  })

  it('writes strings and numbers as JSON does, and drops undefined members as JSON does', () => {
    const value = { text: 'line\n“quoted” \u2028 \\ "', n: 4.25, big: 1e21, missing: undefined, list: [undefined] }
    expect(canonicalJson(value)).toBe('{"big":1e+21,"list":[null],"n":4.25,"text":"line\\n“quoted” \u2028 \\\\ \\""}')
    expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)))
  })

  it('sorts by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ '\u00e9': 1, z: 2, '\ud83d\ude00': 3, '\ufb01': 4 })).toBe('{"z":2,"é":1,"😀":3,"ﬁ":4}')
  })

  it('refuses what JSON cannot hold instead of writing something else', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow('NaN has no JSON form')
    expect(() => canonicalJson(() => 1)).toThrow('a function has no JSON form')
  })

  it('gives a stable hash for a known value', () => {
    const hash = createHash('sha256').update(canonicalJson({ b: [1, 2], a: 'x' })).digest('hex')
    expect(hash).toBe(createHash('sha256').update('{"a":"x","b":[1,2]}').digest('hex'))
  })
})
