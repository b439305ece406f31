/** A finalized journey map as a JSON document for other tools (see recordJson.ts). */
import { journeyRecordShape, type JourneyRecord } from '../journeyRecord'
import { recordJson, type RecordJsonDocument } from './recordJson'

const journey = recordJson({
  schemaId: 'urn:workshop-studio:schema:journey-map-export:1',
  format: 'workshop-studio.journey-map',
  title: 'Workshop Studio: finalized employee journey map',
  description:
    'An employee journey a workshop mapped together (stages, lanes, notes, the dot vote on pain points and opportunities, the emotion curve, links to values), as finalized in Workshop Studio.',
  record: journeyRecordShape
})

export const JOURNEY_JSON_SCHEMA_ID = journey.schemaId
export const journeyJsonSchema = journey.jsonSchema
export const journeyJson = journey.render
export type JourneyJsonDocument = RecordJsonDocument<JourneyRecord>
