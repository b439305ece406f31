/** A finalized values record as a JSON document for other tools (see recordJson.ts). */
import { storedValuesRecordShape, type StoredValuesRecord } from '../valuesRecord'
import { recordJson, type RecordJsonDocument } from './recordJson'

const values = recordJson({
  // 3: the record may be version 3, with each place's rank and tie in the dot vote; older records are written as they were hashed.
  schemaId: 'urn:workshop-studio:schema:values-export:3',
  format: 'workshop-studio.values',
  title: 'Workshop Studio: finalized core values',
  description:
    'The values a workshop agreed on, with the decision record behind them and what the team wrote on the board, as finalized in Workshop Studio. ' +
    'A record of version 1 was finalized before notes were kept and has none; one of version 1 or 2 was finalized before ' +
    'tie decisions were kept, and its ranking holds only each cluster’s dots.',
  record: storedValuesRecordShape
})

export const VALUES_JSON_SCHEMA_ID = values.schemaId
export const valuesJsonSchema = values.jsonSchema
export const valuesJson = values.render
export type ValuesJsonDocument = RecordJsonDocument<StoredValuesRecord>
