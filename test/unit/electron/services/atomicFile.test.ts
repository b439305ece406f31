import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  commitTempFile,
  createFileAtomic,
  moveAsideDamaged,
  writeFileAtomic,
  writeTempFile
} from '../../../../electron/services/atomicFile'
import { useTempDir } from './tempDir'

const tempDir = useTempDir()

describe('writeFileAtomic', () => {
  it('writes the file and keeps the previous content as .bak', async () => {
    const path = join(tempDir(), 'data.json')
    await writeFileAtomic(path, 'first')
    expect(await readFile(path, 'utf8')).toBe('first')
    expect(await readdir(tempDir())).toEqual(['data.json'])

    await writeFileAtomic(path, new TextEncoder().encode('second'))
    expect(await readFile(path, 'utf8')).toBe('second')
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('first')
    expect((await readdir(tempDir())).sort()).toEqual(['data.json', 'data.json.bak'])
  })

  it('leaves the old file in place when stopped between the temporary file and the rename', async () => {
    const path = join(tempDir(), 'data.json')
    await writeFileAtomic(path, 'old')
    const temp = await writeTempFile(path, 'new')
    // A crash here: commitTempFile never runs.
    expect(await readFile(path, 'utf8')).toBe('old')
    expect(await readFile(temp, 'utf8')).toBe('new')

    await commitTempFile(temp, path)
    expect(await readFile(path, 'utf8')).toBe('new')
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('old')
  })

  it('does not let a damaged current file replace the last good .bak', async () => {
    const path = join(tempDir(), 'data.json')
    const isIntact = (bytes: Uint8Array) => new TextDecoder().decode(bytes).startsWith('good')
    await writeFileAtomic(path, 'good 1', { isIntact })
    await writeFileAtomic(path, 'good 2', { isIntact })
    await writeFile(path, 'garbage')

    await writeFileAtomic(path, 'good 3', { isIntact })
    expect(await readFile(path, 'utf8')).toBe('good 3')
    expect(await readFile(`${path}.bak`, 'utf8')).toBe('good 1')
  })
})

describe('createFileAtomic', () => {
  it('writes a new file and leaves nothing else behind', async () => {
    const path = join(tempDir(), 'export.pdf')
    await createFileAtomic(path, new Uint8Array([37, 80, 68, 70]))
    expect(await readFile(path, 'utf8')).toBe('%PDF')
    expect(await readdir(tempDir())).toEqual(['export.pdf'])
  })

  it('refuses a name that is taken and leaves that file as it was', async () => {
    const path = join(tempDir(), 'export.md')
    await writeFile(path, 'someone else’s notes')
    await expect(createFileAtomic(path, 'new')).rejects.toMatchObject({ code: 'EEXIST' })
    expect(await readFile(path, 'utf8')).toBe('someone else’s notes')
    expect(await readdir(tempDir())).toEqual(['export.md'])
  })

  it('gives one of two writers racing for a name the file, and the other EEXIST', async () => {
    const path = join(tempDir(), 'export.csv')
    const results = await Promise.allSettled([createFileAtomic(path, 'one'), createFileAtomic(path, 'two')])
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected'])
    const winner = results[0]!.status === 'fulfilled' ? 'one' : 'two'
    expect(await readFile(path, 'utf8')).toBe(winner)
    expect(await readdir(tempDir())).toEqual(['export.csv'])
  })
})

describe('moveAsideDamaged', () => {
  it('renames the file with a timestamp and never overwrites an earlier damaged one', async () => {
    const path = join(tempDir(), 'board.ydoc')
    await writeFile(path, 'damaged once')
    const first = await moveAsideDamaged(path)
    await writeFile(path, 'damaged twice')
    const second = await moveAsideDamaged(path)

    expect(first).toMatch(/^board\.ydoc\.damaged-\d{4}-\d\d-\d\dT\d{6}\.\d{3}Z(-\d+)?$/)
    expect(second).not.toBe(first)
    expect((await readdir(tempDir())).sort()).toEqual([first, second].sort())
    expect(await readFile(join(tempDir(), first), 'utf8')).toBe('damaged once')
    expect(await readFile(join(tempDir(), second), 'utf8')).toBe('damaged twice')
  })
})
