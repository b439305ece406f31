import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { UserError } from '../../../../shared/contract'
import { acquireDataLock } from '../../../../electron/services/dataLock'
import { useTempDir } from './tempDir'

const tempDir = useTempDir()

async function pidOfExitedProcess(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''])
  await once(child, 'exit')
  if (child.pid === undefined) throw new Error('could not start a child process')
  return child.pid
}

describe('acquireDataLock', () => {
  it('records who holds the folder in app.lock', async () => {
    const lock = acquireDataLock(tempDir())
    const record = JSON.parse(await readFile(join(tempDir(), 'app.lock'), 'utf8'))
    expect(record).toEqual({ pid: process.pid, startedAt: expect.any(String) })
    lock.release()
    await expect(readFile(join(tempDir(), 'app.lock'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('refuses a second user of the folder with a clear message, and allows it after release', () => {
    const first = acquireDataLock(tempDir())
    let refusal: unknown
    try {
      acquireDataLock(tempDir())
    } catch (error) {
      refusal = error
    }
    expect(refusal).toBeInstanceOf(UserError)
    expect((refusal as Error).message).toBe(
      `Another copy of Workshop Studio is already using the data folder ${tempDir()} (process ${process.pid}). ` +
        'Close it first, or start this one with --data-dir <another folder>.'
    )

    first.release()
    const second = acquireDataLock(tempDir())
    second.release()
  })

  it('refuses while another live process holds the lock', async () => {
    // The parent of this test process is alive and is not us.
    await writeFile(join(tempDir(), 'app.lock'), JSON.stringify({ pid: process.ppid, startedAt: new Date().toISOString() }))
    expect(() => acquireDataLock(tempDir())).toThrow(`(process ${process.ppid})`)
  })

  it('takes over a lock left by a process that has exited', async () => {
    const deadPid = await pidOfExitedProcess()
    await writeFile(join(tempDir(), 'app.lock'), JSON.stringify({ pid: deadPid, startedAt: '2020-01-01T00:00:00.000Z' }))

    const lock = acquireDataLock(tempDir())
    expect(JSON.parse(await readFile(join(tempDir(), 'app.lock'), 'utf8')).pid).toBe(process.pid)
    lock.release()
  })

  it('takes over a lock file that was left empty', async () => {
    await writeFile(join(tempDir(), 'app.lock'), '')
    const lock = acquireDataLock(tempDir())
    expect(JSON.parse(await readFile(join(tempDir(), 'app.lock'), 'utf8')).pid).toBe(process.pid)
    lock.release()
  })

  it('on release leaves alone a lock that another process has since taken over', async () => {
    const lock = acquireDataLock(tempDir())
    const theirs = JSON.stringify({ pid: process.ppid, startedAt: new Date().toISOString() })
    await writeFile(join(tempDir(), 'app.lock'), theirs)
    lock.release()
    expect(await readFile(join(tempDir(), 'app.lock'), 'utf8')).toBe(theirs)
  })
})
