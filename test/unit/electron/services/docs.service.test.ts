import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as Y from 'yjs'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { decodeDocFile, DocsService, encodeDocFile } from '../../../../electron/services/docs.service'
import { useTempDir } from './tempDir'

const tempDir = useTempDir()
const ID = 'a1b2c3d4-0000-4000-8000-000000000001'
const boardPath = (id = ID) => join(tempDir(), 'workshops', `${id}.ydoc`)
/** A real board state holding `values`: the same bytes every time (one fixed client). */
function bytes(...values: number[]): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = 1
  doc.getArray<number>('values').push(values)
  return Y.encodeStateAsUpdate(doc)
}
const workshopFiles = () => readdir(join(tempDir(), 'workshops')).then((names) => names.sort())

describe('board file format', () => {
  it('starts with WSYD, format 1 and the SHA-256 of the state', () => {
    const file = encodeDocFile(new TextEncoder().encode('abc'))
    expect(new TextDecoder().decode(file.subarray(0, 4))).toBe('WSYD')
    expect(file[4]).toBe(1)
    // SHA-256("abc"), the FIPS 180-2 test vector.
    expect(Buffer.from(file.subarray(5, 37)).toString('hex')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
    )
    expect(new TextDecoder().decode(file.subarray(37))).toBe('abc')
  })

  it('gives back exactly what was encoded, empty state included', () => {
    const state = bytes(0, 1, 2, 250, 255)
    expect(decodeDocFile(encodeDocFile(state))).toEqual(state)
    expect(decodeDocFile(encodeDocFile(bytes()))).toEqual(bytes())
  })

  it('rejects a flipped byte, a cut-off file, another magic or another format version', () => {
    const file = encodeDocFile(bytes(1, 2, 3, 4, 5))
    const flipped = file.slice()
    flipped[file.length - 1]! ^= 0x01
    const otherMagic = file.slice()
    otherMagic[0] = 'X'.charCodeAt(0)
    const otherVersion = file.slice()
    otherVersion[4] = 2

    expect(decodeDocFile(flipped)).toBeNull()
    expect(decodeDocFile(file.subarray(0, file.length - 1))).toBeNull()
    expect(decodeDocFile(file.subarray(0, 20))).toBeNull()
    expect(decodeDocFile(otherMagic)).toBeNull()
    expect(decodeDocFile(otherVersion)).toBeNull()
  })
})

describe('DocsService', () => {
  it('reports a board never saved as empty', async () => {
    const docs = new DocsService(tempDir())
    expect(await docs.load(ID)).toEqual({ state: null, notice: null })
  })

  it('writes after the board has been still, only the latest state', async () => {
    const docs = new DocsService(tempDir(), { debounceMs: 30 })
    docs.save(ID, bytes(1))
    docs.save(ID, bytes(1, 2))
    docs.save(ID, bytes(1, 2, 3))
    // Not yet on disk, but a load sees the latest state.
    await expect(readFile(boardPath())).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await docs.load(ID)).toEqual({ state: bytes(1, 2, 3), notice: null })

    await vi.waitFor(async () => expect(decodeDocFile(await readFile(boardPath()))).toEqual(bytes(1, 2, 3)))
    expect(await workshopFiles()).toEqual([`${ID}.ydoc`])
  })

  it('writes a board that never stands still at least once per maximum wait', async () => {
    const docs = new DocsService(tempDir(), { debounceMs: 100, maxWaitMs: 300 })
    // Changes every 40 ms, closer than the debounce, for 1.2 s: a plain debounce would write nothing.
    const started = Date.now()
    let written: Uint8Array | null = null
    for (let i = 1; Date.now() - started < 1_200; i++) {
      docs.save(ID, bytes(i % 250))
      await new Promise((resolve) => setTimeout(resolve, 40))
      const file = await readFile(boardPath()).catch(() => null)
      if (file && !written) written = decodeDocFile(file)
    }
    expect(written).not.toBeNull()
    await docs.flush()
  })

  it('keeps the previous save as .bak and reads the board back after a restart', async () => {
    const docs = new DocsService(tempDir())
    docs.save(ID, bytes(1))
    await docs.flush()
    docs.save(ID, bytes(2))
    await docs.flush()
    expect(decodeDocFile(await readFile(`${boardPath()}.bak`))).toEqual(bytes(1))

    const restarted = new DocsService(tempDir())
    expect(await restarted.load(ID)).toEqual({ state: bytes(2), notice: null })
  })

  it('copies a board, unsaved changes included', async () => {
    const docs = new DocsService(tempDir())
    const copyId = 'a1b2c3d4-0000-4000-8000-000000000002'
    docs.save(ID, bytes(7, 7))
    await docs.copy(ID, copyId)
    expect(decodeDocFile(await readFile(boardPath(copyId)))).toEqual(bytes(7, 7))
    expect(await new DocsService(tempDir()).load(copyId)).toEqual({ state: bytes(7, 7), notice: null })
  })

  it('removes a board and its previous copy, including unsaved changes', async () => {
    const docs = new DocsService(tempDir())
    docs.save(ID, bytes(1))
    await docs.flush()
    docs.save(ID, bytes(2))
    await docs.flush()
    docs.save(ID, bytes(3))
    await docs.remove(ID)
    await docs.flush()
    expect(await workshopFiles()).toEqual([])
    expect(await docs.load(ID)).toEqual({ state: null, notice: null })
  })

  it('keeps changes it could not write, tells the user at the next save, and writes them once it can', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    onTestFinished(() => quiet.mockRestore())
    // A file where the workshops folder should be makes every write fail.
    await writeFile(join(tempDir(), 'workshops'), '')
    const docs = new DocsService(tempDir(), { debounceMs: 5 })
    docs.save(ID, bytes(4, 2))
    await vi.waitFor(() => expect(quiet).toHaveBeenCalled())

    expect(() => docs.save(ID, bytes(4, 2, 1))).toThrow(
      "This board's latest changes could not be saved because the computer reported an error (EEXIST). " +
        'They are kept while the app stays open, and saving is tried again with every change; ' +
        'fix the problem and keep working, or copy anything important elsewhere before closing the app.'
    )
    expect(await docs.load(ID)).toEqual({ state: bytes(4, 2, 1), notice: null })

    await rm(join(tempDir(), 'workshops'))
    await docs.flush()
    expect(decodeDocFile(await readFile(boardPath()))).toEqual(bytes(4, 2, 1))
    expect(() => docs.save(ID, bytes(5))).not.toThrow()
    await docs.flush()
  })

  it('removes the temporary files a crash left mid-write, and only those', async () => {
    const docs = new DocsService(tempDir())
    docs.save(ID, bytes(1))
    await docs.flush()
    const folder = join(tempDir(), 'workshops')
    // One of them a torn 512 KiB write.
    await writeFile(join(folder, `${ID}.ydoc.tmp-0a1b2c3d4e5f`), new Uint8Array(512 * 1024))
    await writeFile(join(folder, `${ID}.ydoc.bak.tmp-1234567890ab`), new Uint8Array(10))
    await writeFile(join(folder, 'notes-by-hand.txt'), 'mine')

    const removed = await new DocsService(tempDir()).removeLeftoverTempFiles()
    expect(removed.sort()).toEqual([`${ID}.ydoc.bak.tmp-1234567890ab`, `${ID}.ydoc.tmp-0a1b2c3d4e5f`])
    expect((await workshopFiles()).sort()).toEqual([`${ID}.ydoc`, 'notes-by-hand.txt'])
    expect(await new DocsService(tempDir()).load(ID)).toEqual({ state: bytes(1), notice: null })
  })

  describe('a damaged board file', () => {
    async function saveTwice(): Promise<void> {
      const docs = new DocsService(tempDir())
      docs.save(ID, bytes(1, 1, 1))
      await docs.flush()
      docs.save(ID, bytes(2, 2, 2))
      await docs.flush()
    }

    it('with a flipped byte is set aside and the previous save restored, with a notice', async () => {
      await saveTwice()
      const file = await readFile(boardPath())
      file[file.length - 1]! ^= 0xff
      await writeFile(boardPath(), file)

      const result = await new DocsService(tempDir()).load(ID)
      expect(result.state).toEqual(bytes(1, 1, 1))
      const damaged = (await workshopFiles()).find((name) => name.includes('.damaged-'))
      expect(damaged).toMatch(new RegExp(`^${ID}\\.ydoc\\.damaged-`))
      expect(result.notice).toBe(
        `This board's saved file was damaged. It was set aside as ${damaged} in ${join(tempDir(), 'workshops')}; ` +
          'the board was restored from your previous save, so your last few seconds of changes may be missing.'
      )
      expect(await readFile(join(tempDir(), 'workshops', damaged!))).toEqual(file)
      // The restored board is the file now, so the next start needs no recovery.
      expect(await new DocsService(tempDir()).load(ID)).toEqual({ state: bytes(1, 1, 1), notice: null })
    })

    it('with a right checksum around bytes that are no Yjs update is treated as damaged', async () => {
      await saveTwice()
      await writeFile(boardPath(), encodeDocFile(new Uint8Array([0xff, 0xfe, 0x07, 0x01, 0x99])))

      const result = await new DocsService(tempDir()).load(ID)
      expect(result.state).toEqual(bytes(1, 1, 1))
      expect(result.notice).toMatch(/saved file was damaged.*restored from your previous save/)
    })

    it('missing while its previous copy is there is restored from that copy, with a notice, before a save can replace it', async () => {
      await saveTwice()
      await rm(boardPath())

      const docs = new DocsService(tempDir())
      const result = await docs.load(ID)
      expect(result.state).toEqual(bytes(1, 1, 1))
      expect(result.notice).toBe(
        `This board's saved file was missing from ${join(tempDir(), 'workshops')}; the board was restored from your previous save, so your last few seconds of changes may be missing.`
      )
      expect(decodeDocFile(await readFile(boardPath()))).toEqual(bytes(1, 1, 1))
      // Two saves later the good copy has become the .bak, not been overwritten by an empty board.
      docs.save(ID, bytes(3))
      await docs.flush()
      expect(decodeDocFile(await readFile(`${boardPath()}.bak`))).toEqual(bytes(1, 1, 1))
    })

    it('cut short, with no earlier copy, starts empty and says so', async () => {
      const docs = new DocsService(tempDir())
      docs.save(ID, bytes(9, 9, 9, 9))
      await docs.flush()
      const file = await readFile(boardPath())
      await writeFile(boardPath(), file.subarray(0, file.length - 2))

      const result = await new DocsService(tempDir()).load(ID)
      expect(result.state).toBeNull()
      expect(result.notice).toMatch(/^This board's saved file was damaged\. It was set aside as .*\.damaged-.*; there was no earlier copy, so the board starts empty\.$/)
      expect((await workshopFiles()).filter((name) => name.includes('.damaged-'))).toHaveLength(1)
    })

    it('with a damaged earlier copy too keeps both files aside and starts empty', async () => {
      await saveTwice()
      await writeFile(boardPath(), 'not a board')
      await writeFile(`${boardPath()}.bak`, 'nor this')

      const result = await new DocsService(tempDir()).load(ID)
      expect(result.state).toBeNull()
      expect(result.notice).toContain('its earlier copy was damaged too and was set aside as')
      const names = await workshopFiles()
      expect(names.filter((name) => name.startsWith(`${ID}.ydoc.damaged-`))).toHaveLength(1)
      expect(names.filter((name) => name.startsWith(`${ID}.ydoc.bak.damaged-`))).toHaveLength(1)
    })

    it('found while copying is reported when that board is next opened', async () => {
      await saveTwice()
      await writeFile(boardPath(), 'not a board')
      const docs = new DocsService(tempDir())
      await docs.copy(ID, 'a1b2c3d4-0000-4000-8000-000000000002')

      const result = await docs.load(ID)
      expect(result.state).toEqual(bytes(1, 1, 1))
      expect(result.notice).toContain('the board was restored from your previous save')
      expect((await docs.load(ID)).notice).toBeNull()
    })
  })
})
