/** A finalized values record as a JSON document for other tools (see recordJson.ts). */
import { valuesRecordShape, type ValuesRecord } from '../valuesRecord'
import { recordJson, type RecordJsonDocument } from './recordJson'

const values = recordJson({
  schemaId: 'urn:workshop-studio:schema:values-export:1',
  format: 'workshop-studio.values',
  title: 'Workshop Studio: finalized core values',
  description: 'The values a workshop agreed on, with the decision record behind them, as finalized in Workshop Studio.',
  record: valuesRecordShape
})

export const VALUES_JSON_SCHEMA_ID = values.schemaId
export const valuesJsonSchema = values.jsonSchema
export const valuesJson = values.render
export type ValuesJsonDocument = RecordJsonDocument<ValuesRecord>
