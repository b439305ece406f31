/** A finalized values record as a JSON document for other tools (see recordJson.ts). */
import { storedValuesRecordShape, type StoredValuesRecord } from '../valuesRecord'
import { recordJson, type RecordJsonDocument } from './recordJson'

const values = recordJson({
  // 2: the record may be version 2, with what the team wrote; a version-1 record is written as it was hashed.
  schemaId: 'urn:workshop-studio:schema:values-export:2',
  format: 'workshop-studio.values',
  title: 'Workshop Studio: finalized core values',
  description:
    'The values a workshop agreed on, with the decision record behind them and what the team wrote on the board, as finalized in Workshop Studio. ' +
    'A record of version 1 was finalized before notes were kept and has none.',
  record: storedValuesRecordShape
})

export const VALUES_JSON_SCHEMA_ID = values.schemaId
export const valuesJsonSchema = values.jsonSchema
export const valuesJson = values.render
export type ValuesJsonDocument = RecordJsonDocument<StoredValuesRecord>
