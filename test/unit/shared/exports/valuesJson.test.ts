import { describe, expect, it } from 'vitest'
import { VALUES_JSON_SCHEMA_ID, valuesJson, valuesJsonSchema } from '../../../../shared/exports/valuesJson'
import { finalized, hashOf, twelveValueRecord, versionOneRecord } from '../../../exports/valuesFixtures'
import { readJson } from '../../../exports/readBack'
import { itKeepsTheRecordJsonContract } from './recordJsonContract'

describe('valuesJson, checked by Ajv against its JSON Schema', () => {
  const record = twelveValueRecord()
  const json = valuesJson(finalized(record))

  itKeepsTheRecordJsonContract({ record, json, jsonSchema: valuesJsonSchema, schemaId: VALUES_JSON_SCHEMA_ID, format: 'workshop-studio.values' })

  it('is refused by the schema without a title, or with a time that is not one', () => {
    const { document } = readJson(json)
    const errorsOf = (changed: unknown) => readJson(JSON.stringify(changed)).errors
    const { title: _title, ...withoutTitle } = document.record
    expect(errorsOf({ ...document, record: withoutTitle })).toContain("/record must have required property 'title'")
    expect(errorsOf({ ...document, record: { ...document.record, finalizedAt: 'yesterday' } })).toContain(
      '/record/finalizedAt must match format "date-time"'
    )
  })

  it('holds every cluster with its notes, and the unsorted notes, in the record', () => {
    const { document, errors } = readJson(json)
    expect(errors).toEqual([])
    expect(document.record).toMatchObject({ v: 2, clusters: record.clusters, unsortedNotes: record.unsortedNotes })
  })

  it('is refused by the schema when a version-2 record lacks its notes, or a version-1 record carries some', () => {
    const { document } = readJson(json)
    const errorsOf = (changed: unknown) => readJson(JSON.stringify(changed)).errors
    const { clusters: _clusters, ...withoutClusters } = document.record as typeof record
    expect(errorsOf({ ...document, record: withoutClusters })).toContain("/record must have required property 'clusters'")
    expect(errorsOf({ ...document, record: { ...document.record, v: 1 } })).toContain('/record must NOT have additional properties')
  })
})

describe('valuesJson of a record finalized before notes were kept', () => {
  const old = versionOneRecord()
  const json = valuesJson(finalized(old))

  it('writes the version-1 record exactly as it was hashed, so its hash still checks, and the schema accepts it', () => {
    const { document, errors } = readJson(json)
    expect(errors).toEqual([])
    expect(document.record).toEqual(old)
    expect(document.contentHash.value).toBe(hashOf(document.record))
  })
})
