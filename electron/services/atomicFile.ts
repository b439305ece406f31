/**
 * Crash-safe file replacement. A reader only ever sees the old file or the new one:
 * the new bytes go to a temporary file that is flushed to disk before it is renamed over
 * the real one, and the copy being replaced is kept as `<path>.bak`.
 */
import { randomBytes } from 'node:crypto'
import { access, open, readFile, rename, unlink } from 'node:fs/promises'
import { basename, dirname } from 'node:path'

export interface AtomicWriteOptions {
  /**
   * Says whether the file about to be replaced is sound. Without it the current file is
   * always kept as `.bak`; with it, a damaged one is not, so it cannot push out the last
   * good copy.
   */
  isIntact?: (current: Uint8Array) => boolean
}

const tempName = (path: string) => `${path}.tmp-${randomBytes(6).toString('hex')}`

/** The `code` of a Node system error (ENOENT, EACCES…), if it has one. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined
}

/** The file's bytes, or null when there is no such file. */
export async function readIfExists(path: string): Promise<Uint8Array | null> {
  try {
    return await readFile(path)
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  }
}

async function writeAndSync(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'wx')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

async function removeQuietly(path: string): Promise<void> {
  await unlink(path).catch(() => undefined)
}

/** Makes the renames in a folder survive a power cut. */
async function syncDirectory(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch (error) {
    // Windows cannot open a folder as a file, and some network and FUSE file systems
    // refuse to fsync one; there the rename is as durable as the platform allows.
    if (!['EISDIR', 'EPERM', 'EINVAL'].includes(errorCode(error) ?? '')) throw error
  } finally {
    await handle?.close()
  }
}

/**
 * First step of an atomic write: the new content, flushed to disk beside `path`.
 * Returns the temporary file's path for `commitTempFile`.
 */
export async function writeTempFile(path: string, data: string | Uint8Array): Promise<string> {
  const temp = tempName(path)
  try {
    await writeAndSync(temp, data)
  } catch (error) {
    await removeQuietly(temp)
    throw error
  }
  return temp
}

/** Second step: keeps the current file as `.bak` (when sound) and puts the temporary file in its place. */
export async function commitTempFile(temp: string, path: string, options: AtomicWriteOptions = {}): Promise<void> {
  try {
    const current = await readIfExists(path)
    if (current && (options.isIntact?.(current) ?? true)) {
      // The backup is itself written through a temporary file, so a crash while making
      // it never leaves a torn `.bak` in place of a good one.
      const backupTemp = await writeTempFile(`${path}.bak`, current)
      await rename(backupTemp, `${path}.bak`)
    }
    await rename(temp, path)
  } catch (error) {
    await removeQuietly(temp)
    throw error
  }
  await syncDirectory(dirname(path))
}

/** Replaces `path` with `data` so that a crash at any moment leaves a readable file. */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {}
): Promise<void> {
  await commitTempFile(await writeTempFile(path, data), path, options)
}

/**
 * Writes a new file and never replaces one: fails with EEXIST when `path` is taken. The name
 * is claimed first by an exclusive create, then the content, written and flushed beside it,
 * is renamed over the claim. Someone watching the folder may see the file empty for a
 * moment, never half-written; on failure the claim is removed.
 */
export async function createFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await (await open(path, 'wx')).close()
  let temp: string | undefined
  try {
    temp = await writeTempFile(path, data)
    await rename(temp, path)
  } catch (error) {
    if (temp) await removeQuietly(temp)
    await removeQuietly(path)
    throw error
  }
  await syncDirectory(dirname(path))
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

/**
 * Renames a file that could not be read to `<path>.damaged-<time>` so it can be examined
 * or recovered later: nothing is ever deleted. Returns the new file name (without folder),
 * for telling the user where it went.
 */
export async function moveAsideDamaged(path: string): Promise<string> {
  const stamp = new Date().toISOString().replace(/:/g, '')
  let target = `${path}.damaged-${stamp}`
  // rename() replaces silently on POSIX: never let a second damaged file in the same
  // millisecond overwrite the first.
  for (let n = 2; await exists(target); n++) target = `${path}.damaged-${stamp}-${n}`
  await rename(path, target)
  return basename(target)
}
