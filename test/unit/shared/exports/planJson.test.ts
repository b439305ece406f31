import { describe, expect, it } from 'vitest'
import { PLAN_JSON_SCHEMA_ID, planJson, planJsonSchema, type PlanJsonDocument } from '../../../../shared/exports/planJson'
import { parseProgramPlanRecord } from '../../../../shared/programPlanRecord'
import { finalizedPlan, supportPlanRecord } from '../../../exports/planFixtures'
import { hashOf } from '../../../exports/valuesFixtures'
import { readJson } from '../../../exports/readBack'

const read = (json: string) => readJson<PlanJsonDocument>(json, planJsonSchema())

describe('planJson, checked by Ajv against its JSON Schema', () => {
  // Made from the model's snapshot, as finalizing does.
  const record = supportPlanRecord()
  const json = planJson(finalizedPlan(record))

  it('conforms to the schema generated from the record’s zod schema', () => {
    const { document, errors } = read(json)
    expect(errors).toEqual([])
    expect(document.$schema).toBe(PLAN_JSON_SCHEMA_ID)
    expect(planJsonSchema().$id).toBe(PLAN_JSON_SCHEMA_ID)
    expect(planJsonSchema().$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(document).toMatchObject({ format: 'workshop-studio.program-plan', version: 1 })
  })

  it('gives back the finalized record unchanged, with a hash anyone can check against it', () => {
    const { document } = read(json)
    expect(parseProgramPlanRecord(document.record)).toEqual({ ok: true, record })
    expect(document.record).toEqual(record)
    expect(document.contentHash).toEqual({
      algorithm: 'SHA-256',
      of: 'the record, as canonical JSON: object keys sorted by UTF-16 code units, no whitespace, UTF-8',
      value: hashOf(document.record)
    })
  })

  it('is refused by the schema when changed: a missing field, an unknown one, a bad date, a new version', () => {
    const { document } = read(json)
    const errorsOf = (changed: unknown) => read(JSON.stringify(changed)).errors
    const { programName: _programName, ...withoutName } = document.record
    expect(errorsOf({ ...document, record: withoutName })).toContain("/record must have required property 'programName'")
    expect(errorsOf({ ...document, extra: true })).toContain(' must NOT have additional properties')
    const outcomes = [{ ...document.record.outcomes[0]!, reviewDate: '2027-02-30' }]
    expect(errorsOf({ ...document, record: { ...document.record, outcomes } })).toContain('/record/outcomes/0/reviewDate must match format "date"')
    expect(errorsOf({ ...document, version: 2 })).toContain('/version must be equal to constant')
    expect(errorsOf({ ...document, contentHash: { ...document.contentHash, value: 'abc' } })).toContain(
      '/contentHash/value must match pattern "^[0-9a-f]{64}$"'
    )
  })

  it('is indented for people and ends with a newline', () => {
    expect(json).toMatch(/^\{\n {2}"\$schema": /)
    expect(json.endsWith('}\n')).toBe(true)
  })
})
