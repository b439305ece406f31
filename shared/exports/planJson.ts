/** A finalized program plan as a JSON document for other tools (see recordJson.ts). */
import { programPlanRecordShape, type ProgramPlanRecord } from '../programPlanRecord'
import { recordJson, type RecordJsonDocument } from './recordJson'

const plan = recordJson({
  schemaId: 'urn:workshop-studio:schema:program-plan-export:1',
  format: 'workshop-studio.program-plan',
  title: 'Workshop Studio: finalized EX program plan',
  description:
    'An employee-experience program a workshop planned together (who it is for, what employees may handle differently and within which boundaries, the behaviours expected, measurable outcomes, how successes are shared), as finalized in Workshop Studio.',
  record: programPlanRecordShape
})

export const PLAN_JSON_SCHEMA_ID = plan.schemaId
export const planJsonSchema = plan.jsonSchema
export const planJson = plan.render
export type PlanJsonDocument = RecordJsonDocument<ProgramPlanRecord>
