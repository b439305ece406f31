/**
 * Upgrades of library.json, one schema version at a time. A file is brought up to the
 * current version on open, so the rest of the code only ever sees the current shape.
 * To change the shape: bump LIBRARY_SCHEMA_VERSION and add a step; never edit an old one.
 */

/** The parsed JSON of library.json, before it is validated. */
export type RawLibrary = Record<string, unknown>

export interface Migration {
  from: number
  to: number
  /** Takes data in version `from`'s shape and returns it in version `to`'s (schemaVersion is set by `migrate`). */
  up(data: RawLibrary): RawLibrary
}

export const LIBRARY_SCHEMA_VERSION = 6

export const libraryMigrations: readonly Migration[] = [
  {
    // Files from before the format was versioned carried only the workshop list.
    from: 0,
    to: 1,
    up: (data) => ({ ...data, workshops: data.workshops ?? [], settings: data.settings ?? {} })
  },
  {
    // Each workshop keeps its finalized result; none had one before this version.
    from: 1,
    to: 2,
    up: (data) => ({ ...data, workshops: (data.workshops as RawLibrary[]).map((workshop) => ({ ...workshop, result: null })) })
  },
  {
    // Journey maps and program plans are finalized too: a result may now be their record.
    // Nothing to change in the data; the version tells an older app this file is not for it.
    from: 2,
    to: 3,
    up: (data) => data
  },
  {
    // A core-values record may now be version 2, with what the team wrote. Records already
    // finalized stay version 1, as they were hashed (shared/valuesRecord.ts says why); the
    // version tells an older app, which knows no version-2 record, that this file is not for it
    // instead of letting it think the file damaged.
    from: 3,
    to: 4,
    up: (data) => data
  },
  {
    // A core-values record may now be version 3, with each place's rank and tie in the dot vote
    // as the facilitator decided it. Older records stay as they were hashed, as in the step above,
    // and the version tells an older app that this file is not for it.
    from: 4,
    to: 5,
    up: (data) => data
  },
  {
    // A journey-map record may now be version 2, with each voted note's rank and tie. Older
    // records stay as they were hashed, and the version tells an older app this file is not for it.
    from: 5,
    to: 6,
    up: (data) => data
  }
]

/** The file was written by a later version of the app, whose format this one cannot know. */
export class NewerVersionError extends Error {
  override name = 'NewerVersionError'
  constructor(
    readonly version: number,
    readonly supported: number
  ) {
    super(`schemaVersion ${version} is newer than ${supported}`)
  }
}

/**
 * Applies the steps from the data's schemaVersion (0 when absent) up to `currentVersion`,
 * each step chosen by its `from`. Throws NewerVersionError for data from a later version.
 */
export function migrate(data: RawLibrary, migrations: readonly Migration[], currentVersion: number): RawLibrary {
  const found = data.schemaVersion ?? 0
  if (typeof found !== 'number' || !Number.isInteger(found) || found < 0) {
    throw new TypeError(`schemaVersion ${JSON.stringify(found)} is not a version number`)
  }
  if (found > currentVersion) throw new NewerVersionError(found, currentVersion)
  let version = found
  let result = data
  while (version < currentVersion) {
    const step = migrations.find((migration) => migration.from === version)
    // A gap or a step that goes nowhere is a bug in this file, not damage in the user's.
    if (!step || step.to <= step.from) throw new Error(`No migration of library.json from schemaVersion ${version}`)
    result = { ...step.up(result), schemaVersion: step.to }
    version = step.to
  }
  return result
}
