/**
 * Save and load of a workshop with 5,000 notes, through the real docs service and files.
 * Save = encode the Yjs state + atomic write (temp file, fsync, rename, .bak kept).
 * Load = read and verify the file + apply it to a fresh document.
 * Targets: save under 50 ms, load under 100 ms.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { BENCH_BOARD } from './benchBoard'
import { DocsService } from '../../electron/services/docs.service'
import { addNote, seedBoard } from '../../renderer/src/crdt/intents'
import { columnsOf } from '../../renderer/src/crdt/boardDoc'
import { report } from './stats'

const NOTES = 5_000
const RUNS = 15
const id = 'bench-workshop-0001'

const doc = new Y.Doc()
seedBoard(doc, BENCH_BOARD)
const columnIds = [...columnsOf(doc).keys()]
for (let i = 0; i < NOTES; i++) {
  addNote(doc, columnIds[i % columnIds.length]!, `Note ${i}: call the customer back the same day, every time`)
}

const dataDir = await mkdtemp(join(tmpdir(), 'bench-storage-'))
const docs = new DocsService(dataDir, { debounceMs: 0 })
const saves: number[] = []
const loads: number[] = []
for (let run = 0; run < RUNS; run++) {
  const started = performance.now()
  docs.save(id, Y.encodeStateAsUpdate(doc))
  await docs.flush()
  saves.push(performance.now() - started)

  const reader = new DocsService(dataDir)
  const loadStarted = performance.now()
  const { state } = await reader.load(id)
  const loaded = new Y.Doc()
  Y.applyUpdate(loaded, state!)
  loads.push(performance.now() - loadStarted)
}
const { size } = await stat(join(dataDir, 'workshops', `${id}.ydoc`))
await rm(dataDir, { recursive: true, force: true })

report(`Save ${NOTES} notes`, saves, 'ms', '< 50 ms')
report(`Load ${NOTES} notes`, loads, 'ms', '< 100 ms')
console.log(`File size with ${NOTES} notes: ${(size / 1024).toFixed(0)} KiB`)
