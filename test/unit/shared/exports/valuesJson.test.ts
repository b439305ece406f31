import { describe, expect, it } from 'vitest'
import { VALUES_JSON_SCHEMA_ID, valuesJson, valuesJsonSchema } from '../../../../shared/exports/valuesJson'
import { finalized, twelveValueRecord } from '../../../exports/valuesFixtures'
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
})
