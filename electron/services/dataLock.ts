/**
 * One app process per data folder. Two processes writing the same library.json and
 * board files would each overwrite the other's changes, so the second one is stopped
 * with a message before it opens anything.
 */
import { readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { UserError } from '../../shared/contract'

export interface DataLock {
  /** Gives the folder up. Safe to call more than once. */
  release(): void
}

interface LockRecord {
  pid: number
  startedAt: string
}

/** Lock files held by this process: a pid match alone cannot tell us from an earlier run that had our pid. */
const heldHere = new Set<string>()

function readLock(path: string): LockRecord | null {
  try {
    const record: unknown = JSON.parse(readFileSync(path, 'utf8'))
    if (
      typeof record === 'object' && record !== null &&
      'pid' in record && Number.isInteger(record.pid) &&
      'startedAt' in record && typeof record.startedAt === 'string'
    ) {
      return { pid: record.pid as number, startedAt: record.startedAt }
    }
    return null
  } catch {
    return null
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function isHeld(path: string, record: LockRecord | null): boolean {
  if (!record) return false
  // In a container the app often gets the same small pid after every restart.
  if (record.pid === process.pid) return heldHere.has(path)
  return isAlive(record.pid)
}

/**
 * Claims `dataDir` for this process through `<dataDir>/app.lock`. Throws a UserError when
 * another running copy of the app holds it; takes over a lock left by a crashed one.
 */
export function acquireDataLock(dataDir: string): DataLock {
  const path = join(dataDir, 'app.lock')
  const mine: LockRecord = { pid: process.pid, startedAt: new Date().toISOString() }
  const content = JSON.stringify(mine)

  for (;;) {
    try {
      writeFileSync(path, content, { flag: 'wx' })
      break
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
    const found = readLock(path)
    if (found && isHeld(path, found)) {
      throw new UserError(
        `Another copy of Workshop Studio is already using the data folder ${dataDir} (process ${found.pid}). ` +
          'Close it first, or start this one with --data-dir <another folder>.'
      )
    }
    // A stale lock from a crash (or one cut short while being written). Remove it only if it
    // is still the one we judged, so a copy that claimed the folder meanwhile keeps its lock;
    // then try the exclusive create again.
    if (JSON.stringify(readLock(path)) === JSON.stringify(found)) {
      try {
        unlinkSync(path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
  }
  heldHere.add(path)

  let held = true
  const release = () => {
    if (!held) return
    held = false
    process.off('exit', release)
    heldHere.delete(path)
    const current = readLock(path)
    if (current?.pid === mine.pid && current.startedAt === mine.startedAt) {
      try {
        unlinkSync(path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      }
    }
  }
  process.on('exit', release)
  return { release }
}
