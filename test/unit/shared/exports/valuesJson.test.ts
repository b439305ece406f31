import { describe, expect, it } from 'vitest'
import { VALUES_JSON_SCHEMA_ID, valuesJson, valuesJsonSchema } from '../../../../shared/exports/valuesJson'
import { finalized, hashOf, twelveValueRecord } from '../../../exports/valuesFixtures'
import { readJson } from '../../../exports/readBack'

describe('valuesJson, checked by Ajv against its JSON Schema', () => {
  const record = twelveValueRecord()
  const json = valuesJson(finalized(record))

  it('conforms to the schema generated from the record’s zod schema', () => {
    const { document, errors } = readJson(json)
    expect(errors).toEqual([])
    expect(document.$schema).toBe(VALUES_JSON_SCHEMA_ID)
    expect(valuesJsonSchema().$id).toBe(VALUES_JSON_SCHEMA_ID)
    expect(valuesJsonSchema().$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(document).toMatchObject({ format: 'workshop-studio.values', version: 1 })
  })

  it('holds the record exactly, with a hash anyone can check against it', () => {
    const { document } = readJson(json)
    expect(document.record).toEqual(record)
    expect(document.contentHash).toEqual({
      algorithm: 'SHA-256',
      of: 'the record, as canonical JSON: object keys sorted by UTF-16 code units, no whitespace, UTF-8',
      value: hashOf(document.record)
    })
  })

  it('is refused by the schema when changed: a missing field, an unknown one, a bad hash, a new version', () => {
    const { document } = readJson(json)
    const errorsOf = (changed: unknown) => readJson(JSON.stringify(changed)).errors
    const { title: _title, ...withoutTitle } = document.record
    expect(errorsOf({ ...document, record: withoutTitle })).toContain("/record must have required property 'title'")
    expect(errorsOf({ ...document, extra: true })).toContain(' must NOT have additional properties')
    expect(errorsOf({ ...document, contentHash: { ...document.contentHash, value: 'abc' } })).toContain(
      '/contentHash/value must match pattern "^[0-9a-f]{64}$"'
    )
    expect(errorsOf({ ...document, version: 2 })).toContain('/version must be equal to constant')
    expect(errorsOf({ ...document, record: { ...document.record, finalizedAt: 'yesterday' } })).toContain(
      '/record/finalizedAt must match format "date-time"'
    )
  })

  it('is indented for people and ends with a newline', () => {
    expect(json).toMatch(/^\{\n {2}"\$schema": /)
    expect(json.endsWith('}\n')).toBe(true)
  })
})
