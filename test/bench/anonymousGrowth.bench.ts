/**
 * Issue 13's growth target: a 30-person anonymous workshop saves within 1.2× the size of the
 * same workshop with anonymity off. One process: a real host on loopback (SessionManager, its
 * hub, a real DocsService on disk) and 31 laptops linked by the sealed WebSocket through the
 * app's joinLiveDoc (laptop.ts), each with the app's workshop model doing what its screen does.
 *
 * The workshop, the same in both modes (same seed):
 * - brainstorm: 10 private notes each (300), revealed (in anonymous mode handed to the host);
 * - clustering: the facilitator adds 5 clusters, each participant moves 10 notes into them,
 *   one drag every BENCH_MOVE_GAP_MS (800);
 * - drafting: the facilitator adds 12 values; each is written together by 2–3 people, who type
 *   its definition a keystroke at a time (BENCH_KEY_MS, 60), in bursts of a few words with a
 *   pause (BENCH_PAUSE_MS, 1,500) between.
 * Measured: the board the host saves (its encoded state) and the number of distinct Yjs
 * writers in it, for each mode; BENCH_RUNS (default 2) runs of each.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { TEMPLATES } from '../../shared/templates'
import { FLOW_FIELDS } from '../../shared/workshopMeta'
import { DOC_KEYS } from '../../shared/board'
import { PRESENCE_COLOURS } from '../../renderer/src/crdt/presence'
import { createWorkshopModel, type WorkshopModel } from '../../renderer/src/crdt/workshopModel'
import { boardStorage, loopbackSessions } from '../unit/electron/loopbackSessions'
import { seededRandom } from '../unit/renderer/crdt/boardFixtures'
import { becomeLaptop, type LiveDocConnection } from './laptop'
import { median } from './stats'

const RUNS = Number(process.env.BENCH_RUNS ?? 2)
const PARTICIPANTS = 30
const NOTES_EACH = 10
const MOVES_EACH = 10
const MOVE_GAP_MS = Number(process.env.BENCH_MOVE_GAP_MS ?? 800)
const KEY_MS = Number(process.env.BENCH_KEY_MS ?? 60)
const PAUSE_MS = Number(process.env.BENCH_PAUSE_MS ?? 1_500)
const VALUES = 12
const WORKSHOP = 'growth'

const laptop = becomeLaptop('127.0.0.1')
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function until(condition: () => boolean, what: string, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`)
    await sleep(50)
  }
}

interface Laptop {
  doc: Y.Doc
  model: WorkshopModel
  live: LiveDocConnection
}

function writers(state: Uint8Array): number {
  return new Set(Y.decodeUpdate(state).structs.map((struct) => struct.id.client)).size
}

async function runWorkshop(anonymous: boolean): Promise<{ bytes: number; writers: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'growth-'))
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>Join</title>')
  const sessions = loopbackSessions(dir)
  const laptops: Laptop[] = []
  try {
    const live = await sessions.goLive(WORKSHOP, 'Values day', boardStorage(dir, WORKSHOP))
    const origin = `http://127.0.0.1:${live.port}`
    // Seeded, so both modes run the same workshop.
    const random = seededRandom(13)
    const facilitatorDoc = new Y.Doc()
    const facilitatorModel = createWorkshopModel(facilitatorDoc, { template: TEMPLATES['core-values'], hostNow: Date.now, privateDoc: new Y.Doc() })
    facilitatorDoc.getMap(DOC_KEYS.meta).set(FLOW_FIELDS.anonymous, anonymous)
    const facilitator = await laptop.joinAsFacilitator({ origin, room: live.room, ticket: live.ticket, hostKey: live.hostKey }, facilitatorDoc, {
      name: 'Facilitator',
      role: 'facilitator',
      colour: PRESENCE_COLOURS[0]
    })
    laptops.push({ doc: facilitatorDoc, model: facilitatorModel, live: facilitator })
    const unsorted = [...facilitatorDoc.getMap(DOC_KEYS.columns).keys()][0]!

    for (let i = 0; i < PARTICIPANTS; i++) {
      const doc = new Y.Doc()
      const model = createWorkshopModel(doc, { template: undefined, hostNow: Date.now, privateDoc: new Y.Doc() })
      const connection = await laptop.joinSession(origin, live.code, doc, { name: `P${i}`, role: 'participant', colour: PRESENCE_COLOURS[1]! }, 'websocket')
      // As a participant's screen does: in anonymous mode, notes and clusters change through the host.
      model.patchBoardThrough(connection)
      laptops.push({ doc, model, live: connection })
      for (let n = 0; n < NOTES_EACH; n++) model.privateNotes.addDraft(`Participant ${i}'s idea number ${n}: ${'something we value '.slice(0, 5 + (n % 14))}`)
    }
    const participants = laptops.slice(1)
    await until(() => participants.every(({ live: link }) => link.connection.getSnapshot().synced), 'every laptop to link')

    // Brainstorm: the reveal, as every screen does it.
    facilitatorDoc.getMap(DOC_KEYS.meta).set(FLOW_FIELDS.revealed, true)
    await sleep(200)
    for (const { model, live: link } of participants) model.revealMine(unsorted, anonymous ? link.submit : null)
    await until(() => facilitatorDoc.getMap(DOC_KEYS.notes).size === PARTICIPANTS * NOTES_EACH, 'all notes on the board')

    // Clustering.
    const clusters = ['Trust', 'Courage', 'Care', 'Craft', 'Growth'].map((title) => facilitatorModel.editing.getSnapshot().board.intents.addColumn(title)!)
    await until(() => participants.every(({ doc }) => doc.getMap(DOC_KEYS.columns).size === 6), 'clusters everywhere')
    const noteIds = [...facilitatorDoc.getMap(DOC_KEYS.notes).keys()].sort()
    await Promise.all(
      participants.map(async ({ model }, i) => {
        await sleep(random() * MOVE_GAP_MS)
        for (let m = 0; m < MOVES_EACH; m++) {
          const board = model.editing.getSnapshot().board
          board.intents.moveNote(noteIds[i * MOVES_EACH + m]!, clusters[(i + m) % clusters.length]!, null, null)
          await sleep(MOVE_GAP_MS)
        }
      })
    )

    // Drafting: 12 values, each written together by two or three people.
    const valueIds = Array.from({ length: VALUES }, (_, v) => {
      const { valueId } = facilitatorModel.editing.getSnapshot().values.intents.addValue(`Value ${v + 1}`)
      if (!valueId) throw new Error('could not add a value')
      return valueId
    })
    await until(() => participants.every(({ doc }) => doc.getMap(DOC_KEYS.values).size === VALUES), 'values everywhere')
    await Promise.all(
      participants.map(async ({ model }, i) => {
        const valueId = valueIds[i % VALUES]!
        const words = `We ${['speak up', 'own it', 'help out', 'learn fast', 'keep promises'][i % 5]} when it matters, even when it is hard`.split(' ')
        await sleep(random() * PAUSE_MS)
        let typed = ''
        for (const [w, word] of words.entries()) {
          for (const char of `${w > 0 ? ' ' : ''}${word}`) {
            const values = model.editing.getSnapshot().values
            const current = values.snapshots.getSnapshot().find((value) => value.id === valueId)?.definition ?? ''
            // Each keystroke goes at the end of what this person typed so far, into the shared text.
            typed += char
            values.intents.setDefinition(valueId, current.includes(typed.slice(0, -1)) ? current.replace(typed.slice(0, -1), typed) : current + char)
            await sleep(KEY_MS)
          }
          if (w % 4 === 3) await sleep(PAUSE_MS)
        }
      })
    )
    await sleep(1_000)
    const state = sessions.liveBoard(WORKSHOP)!
    return { bytes: state.byteLength, writers: writers(state) }
  } finally {
    for (const { model, live: link } of laptops) {
      link.destroy()
      model.destroy()
    }
    await sessions.close()
    await rm(dir, { recursive: true, force: true })
  }
}

async function main(): Promise<void> {
  const results: Record<'off' | 'on', Array<{ bytes: number; writers: number }>> = { off: [], on: [] }
  for (let run = 0; run < RUNS; run++) {
    for (const mode of ['off', 'on'] as const) {
      const result = await runWorkshop(mode === 'on')
      results[mode].push(result)
      console.log(`run ${run + 1}, anonymity ${mode}: saved board ${(result.bytes / 1024).toFixed(1)} KiB, ${result.writers} distinct writers`)
    }
  }
  const size = (mode: 'off' | 'on') => median(results[mode].map((result) => result.bytes))
  console.log(
    `Saved size, median of ${RUNS}: anonymity off ${(size('off') / 1024).toFixed(1)} KiB, on ${(size('on') / 1024).toFixed(1)} KiB; ` +
      `ratio ${(size('on') / size('off')).toFixed(2)} (target at most 1.20)`
  )
  process.exit(0)
}

void main()
