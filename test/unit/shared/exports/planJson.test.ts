import { describe, expect, it } from 'vitest'
import { PLAN_JSON_SCHEMA_ID, planJson, planJsonSchema, type PlanJsonDocument } from '../../../../shared/exports/planJson'
import { parseProgramPlanRecord } from '../../../../shared/programPlanRecord'
import { finalizedPlan, supportPlanRecord } from '../../../exports/planFixtures'
import { readJson } from '../../../exports/readBack'
import { itKeepsTheRecordJsonContract } from './recordJsonContract'

const read = (json: string) => readJson<PlanJsonDocument>(json, planJsonSchema())

describe('planJson, checked by Ajv against its JSON Schema', () => {
  // Made from the model's snapshot, as finalizing does.
  const record = supportPlanRecord()
  const json = planJson(finalizedPlan(record))

  itKeepsTheRecordJsonContract({ record, json, jsonSchema: planJsonSchema, schemaId: PLAN_JSON_SCHEMA_ID, format: 'workshop-studio.program-plan' })

  it('gives back a record the app reads as the finalized one', () => {
    expect(parseProgramPlanRecord(read(json).document.record)).toEqual({ ok: true, record })
  })

  it('is refused by the schema without the program’s name, or with a day that does not exist', () => {
    const { document } = read(json)
    const errorsOf = (changed: unknown) => read(JSON.stringify(changed)).errors
    const { programName: _programName, ...withoutName } = document.record
    expect(errorsOf({ ...document, record: withoutName })).toContain("/record must have required property 'programName'")
    const outcomes = [{ ...document.record.outcomes[0]!, reviewDate: '2027-02-30' }]
    expect(errorsOf({ ...document, record: { ...document.record, outcomes } })).toContain('/record/outcomes/0/reviewDate must match format "date"')
  })
})
