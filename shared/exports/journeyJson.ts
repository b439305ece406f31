/** A finalized journey map as a JSON document for other tools (see recordJson.ts). */
import { storedJourneyRecordShape, type StoredJourneyRecord } from '../journeyRecord'
import { recordJson, type RecordJsonDocument } from './recordJson'

const journey = recordJson({
  // 2: the record may be version 2, with each voted note's rank and tie; a version-1 record is written as it was hashed.
  schemaId: 'urn:workshop-studio:schema:journey-map-export:2',
  format: 'workshop-studio.journey-map',
  title: 'Workshop Studio: finalized employee journey map',
  description:
    'An employee journey a workshop mapped together (stages, lanes, notes, the dot vote on pain points and opportunities, the emotion curve, links to values), as finalized in Workshop Studio. ' +
    'A record of version 1 was finalized before tie decisions were kept: it has no ranking, only each note’s dots.',
  record: storedJourneyRecordShape
})

export const JOURNEY_JSON_SCHEMA_ID = journey.schemaId
export const journeyJsonSchema = journey.jsonSchema
export const journeyJson = journey.render
export type JourneyJsonDocument = RecordJsonDocument<StoredJourneyRecord>
