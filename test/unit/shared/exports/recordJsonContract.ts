/**
 * What every record's JSON export promises, whatever the template (shared/exports/recordJson.ts):
 * a call inside an export's describe adds these tests for it, read back by Ajv against the
 * export's own JSON Schema.
 */
import { expect, it } from 'vitest'
import type { RecordJsonDocument } from '../../../../shared/exports/recordJson'
import { hashOf } from '../../../exports/valuesFixtures'
import { readJson } from '../../../exports/readBack'

export interface RecordJsonExport<Record> {
  /** The finalized record, without its hash, that `json` was rendered from. */
  record: Record
  json: string
  jsonSchema(): globalThis.Record<string, unknown>
  schemaId: string
  /** The document's `format`, e.g. "workshop-studio.values". */
  format: string
}

export function itKeepsTheRecordJsonContract<Record extends object>({ record, json, jsonSchema, schemaId, format }: RecordJsonExport<Record>): void {
  const read = (text: string) => readJson<RecordJsonDocument<Record>>(text, jsonSchema())

  it('conforms to the schema generated from the record’s zod schema', () => {
    const { document, errors } = read(json)
    expect(errors).toEqual([])
    expect(document.$schema).toBe(schemaId)
    expect(jsonSchema().$id).toBe(schemaId)
    expect(jsonSchema().$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(document).toMatchObject({ format, version: 1 })
  })

  it('holds the record exactly, with a hash anyone can check against it', () => {
    const { document } = read(json)
    expect(document.record).toEqual(record)
    expect(document.contentHash).toEqual({
      algorithm: 'SHA-256',
      of: 'the record, as canonical JSON: object keys sorted by UTF-16 code units, no whitespace, UTF-8',
      value: hashOf(document.record)
    })
  })

  it('is refused by the schema with a field it does not know, a bad hash or a new version', () => {
    const { document } = read(json)
    const errorsOf = (changed: unknown) => read(JSON.stringify(changed)).errors
    expect(errorsOf({ ...document, extra: true })).toContain(' must NOT have additional properties')
    expect(errorsOf({ ...document, contentHash: { ...document.contentHash, value: 'abc' } })).toContain(
      '/contentHash/value must match pattern "^[0-9a-f]{64}$"'
    )
    expect(errorsOf({ ...document, version: 2 })).toContain('/version must be equal to constant')
  })

  it('is indented for people and ends with a newline', () => {
    expect(json).toMatch(/^\{\n {2}"\$schema": /)
    expect(json.endsWith('}\n')).toBe(true)
  })
}
