/**
 * One laptop in the core-values workshop benchmark (workshop.bench.ts), in its own process and
 * on its own loopback address, driven over IPC by liveHarness.ts. It joins a live session the
 * way livePeer.ts does (a participant: the session's join check, then the app's joinLiveDoc,
 * linked to the host's hub by WebRTC over @roamhq/wrtc or by the sealed WebSocket; the
 * facilitator: its ticket, over loopback, by the WebSocket; or, with TRANSPORT=relay, a
 * y-websocket relay), but runs the app's workshop instead of a bare board: createWorkshopModel over a plain Y.Doc,
 * with another plain Y.Doc as the private document (the app keeps both in IndexedDB; here
 * nothing is stored). With LAPTOPS=k (BENCH_LAPTOPS_PER_PROCESS), the process holds k
 * participants' laptops, PEER_INDEX to PEER_INDEX + k − 1, each with its own documents, link and
 * "screen", sharing the process's event loop and loopback address; every message names its
 * laptop (`laptop`), and each laptop reports 1/k of the process's CPU.
 *
 * What CoreValuesWorkshop.tsx does in React effects, this does in code, in the same order and
 * on the same inputs (an effect runs when one of its inputs changed since the last "render"):
 * - when the flow's `revealed` is true, there are drafts and a first column exists:
 *   workshop.revealMine(first column);
 * - when `votingClosed` is true (and whenever this person's ballot changes after that):
 *   workshop.publishBallot('votes');
 * - the stage progress others see (draft count in the brainstorm, "done" in the vote) goes
 *   into presence.
 * A "render" is one pass per event-loop turn after any of the stores it reads changed (flow,
 * the editing models, the board snapshot, private notes, own and published ballots), as
 * useSyncExternalStore would re-render; what the screen holds is read there: the notes in the
 * board snapshot, and the vote results (rankClusters over the published ballots, the
 * clusters being every column but the first, as useVoteResults does).
 *
 * Times are process.hrtime (CLOCK_MONOTONIC), one clock for every process on the machine.
 *
 * Environment: as livePeer.ts (TRANSPORT, PEER_INDEX, LOCAL_ADDRESS; SESSION_ORIGIN, JOIN_CODE
 * and LINK, with ROOM, FACILITATOR_TICKET and HOST_KEY for the facilitator; or RELAY_URL and
 * ROOM); SEED=1 makes this laptop the facilitator's, whose board is seeded with the core-values
 * template.
 */
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { rankClusters } from '../../shared/ballots'
import type { Submission } from '../../shared/roundSubmissions'
import type { StageId } from '../../shared/stages'
import { TEMPLATES } from '../../shared/templates'
import type { BoardModel } from '../../renderer/src/crdt/boardModel'
import { PRESENCE_COLOURS, PRESENCE_VERSION, presentPeople, type Progress } from '../../renderer/src/crdt/presence'
import { createWorkshopModel, type WorkshopModel } from '../../renderer/src/crdt/workshopModel'
import type { PatchLink } from '../../renderer/src/crdt/writingCopy'
import type { PeerStatus } from './livePeer'
import { becomeLaptop, envOf, now, type LinkKind } from './laptop'
import { cpuMs } from './stats'
import { connectRelay, type RelayConnection } from './yRelay'

export interface WorkshopStatus extends PeerStatus {
  stage: StageId
  revealed: boolean
  votingClosed: boolean
  /** Private notes not yet revealed. */
  drafts: number
  /** Valid ballots in the vote results on this screen. */
  voters: number
}

export type ToWorkshopPeer =
  | { type: 'status'; seq: number }
  | { type: 'ping'; seq: number; sentAt: number }
  /** Writes `count` private notes, one per event-loop task, as a person's Enter presses would be. */
  | { type: 'drafts'; seq: number; count: number }
  /** From now on, report (once each) when the screen holds `notes` notes / `voters` ballots. */
  | { type: 'expect'; seq: number; notes: number | null; voters: number | null }
  /** The facilitator's "next stage" in the brainstorm: reveal, then the cluster stage. */
  | { type: 'reveal'; seq: number }
  /** The facilitator adds these clusters (columns), then moves to the vote. */
  | { type: 'clusters'; seq: number; titles: string[] }
  /** A participant places their dots (the budget the flow says) and says they are done. */
  | { type: 'vote'; seq: number }
  | { type: 'closeVoting'; seq: number }
  | { type: 'stop' }

export type FromWorkshopPeer =
  | { type: 'joined'; implementation: string }
  | { type: 'reached'; what: 'notes' | 'voters'; at: number }
  /** An effect wrote to the shared document: its own notes revealed, its ballot published. */
  | { type: 'effect'; what: 'revealed' | 'published'; at: number; count: number }
  /** An exception no one caught, in an event handler: a page logs it and goes on, and so does this. */
  | { type: 'uncaught'; message: string }
  | { type: 'reply'; seq: number; status: WorkshopStatus }
  | { type: 'reply'; seq: number; receivedAt: number }
  | { type: 'reply'; seq: number; at: number; count: number }

const env = envOf('workshopPeer')
const nextTask = () => new Promise((resolve) => setImmediate(resolve))

const firstIndex = Number(env('PEER_INDEX'))
const laptopsHere = Math.max(1, Number(process.env.LAPTOPS ?? 1))
const localAddress = env('LOCAL_ADDRESS')
const facilitator = process.env.SEED === '1'
const role = facilitator ? 'facilitator' : 'participant'

/** One laptop in this process: who it is, and how it talks to the parent. */
interface Me {
  index: number
  name: string
  colour: (typeof PRESENCE_COLOURS)[number]
  send(message: FromWorkshopPeer): void
}

const meAt = (index: number): Me => ({
  index,
  name: facilitator ? 'Facilitator' : `Participant ${index}`,
  colour: PRESENCE_COLOURS[index % PRESENCE_COLOURS.length]!,
  send: (message) => process.send!({ ...message, laptop: index })
})

const laptop = becomeLaptop(localAddress)

// ---------------------------------------------------------------- one workshop

/** What this laptop joins: the session's hub (as livePeer.ts's environment says), or a relay. */
type Target =
  | { transport: 'hub'; origin: string; code: string; link: LinkKind; facilitator?: { room: string; ticket: string; hostKey: string } }
  | { transport: 'relay'; relayUrl: string; room: string }

interface Transport {
  implementation: string
  via(): PeerStatus['via']
  linked(): boolean
  people(): number
  shareProgress(progress: Progress | null): void
  /** Where a round's part goes in anonymous mode (the host); null where laptops write their own. */
  handIn: ((submission: Submission) => void) | null
  /** Where a participant's board changes go in anonymous mode (the host, as in the app); null otherwise. */
  patchLink: PatchLink | null
  hostNow(): number
  destroy(): void
}

async function connect(me: Me, target: Target, doc: Y.Doc): Promise<Transport> {
  const { name, colour } = me
  if (target.transport === 'hub') {
    const person = { name, role, colour } as const
    const live = target.facilitator
      ? await laptop.joinAsFacilitator({ origin: target.origin, ...target.facilitator }, doc, person)
      : await laptop.joinSession(target.origin, target.code, doc, person, target.link)
    return {
      implementation: target.facilitator ? 'hub (app joinLiveDoc); facilitator by the WebSocket' : `hub (app joinLiveDoc) by ${target.link}`,
      via: () => live.connection.getSnapshot().via,
      linked: () => live.connection.getSnapshot().synced,
      people: () => live.people.getSnapshot().length,
      shareProgress: (progress) => live.share({ progress }),
      handIn: (submission) => live.submit(submission),
      patchLink: target.facilitator ? null : live,
      hostNow: () => live.hostNow(),
      destroy: () => live.destroy()
    }
  }
  const awareness = new Awareness(doc)
  let presence = { v: PRESENCE_VERSION, name, role, colour, editingNoteId: null, progress: null as Progress | null, focus: null }
  awareness.setLocalState(presence)
  const relay: RelayConnection = await connectRelay(target.relayUrl, target.room, doc, awareness, laptop.WebSocket as never)
  return {
    implementation: relay.implementation,
    via: () => (relay.connected() ? 'relay' : null),
    linked: () => relay.synced(),
    people: () => presentPeople(awareness.getStates(), awareness.clientID).length,
    shareProgress(progress) {
      if (JSON.stringify(progress) === JSON.stringify(presence.progress)) return
      presence = { ...presence, progress }
      awareness.setLocalState(presence)
    },
    handIn: null,
    patchLink: null,
    hostNow: () => Date.now(),
    destroy() {
      relay.destroy()
      awareness.destroy()
    }
  }
}

interface Session {
  me: Me
  workshop: WorkshopModel
  transport: Transport
  board(): BoardModel
  status(): WorkshopStatus
  expect(notes: number | null, voters: number | null): void
  destroy(): void
}

async function openSession(me: Me, target: Target): Promise<Session> {
  const { send } = me
  const doc = new Y.Doc()
  const privateDoc = new Y.Doc()
  /** Set once joined; the model and the screen exist before, as in the app. */
  const link: { transport?: Transport } = {}
  const workshop = createWorkshopModel(doc, {
    template: facilitator ? TEMPLATES['core-values'] : undefined,
    // The facilitator's machine is the host; a participant estimates its clock (as the app does).
    hostNow: () => (facilitator ? Date.now() : (link.transport?.hostNow() ?? Date.now())),
    privateDoc
  })

  // ---- the screen: one render per event-loop turn after anything it reads changed
  let board = workshop.editing.getSnapshot().board
  let renderScheduled = false
  let destroyed = false
  const scheduleRender = () => {
    if (renderScheduled || destroyed) return
    renderScheduled = true
    setImmediate(render)
  }
  let stopBoard = board.snapshots.subscribe(scheduleRender)
  const stops = [
    workshop.editing.subscribe(() => {
      // Anonymity switched (a participant's first sync brings the template, and with it
      // anonymous mode): the screen now reads the rebuilt board model.
      stopBoard()
      board = workshop.editing.getSnapshot().board
      stopBoard = board.snapshots.subscribe(scheduleRender)
      scheduleRender()
    }),
    workshop.flow.subscribe(scheduleRender),
    workshop.privateNotes.subscribe(scheduleRender),
    workshop.ballots.votes.subscribe(scheduleRender),
    workshop.published.votes.subscribe(scheduleRender)
  ]

  /** An effect's inputs at its last run; it runs again only when one of them changed. */
  const effectInputs = new Map<string, readonly unknown[]>()
  const changed = (effect: string, inputs: readonly unknown[]) => {
    const before = effectInputs.get(effect)
    effectInputs.set(effect, inputs)
    return !before || before.length !== inputs.length || before.some((value, i) => !Object.is(value, inputs[i]))
  }

  let expectNotes: number | null = null
  let expectVoters: number | null = null
  let notesShown = 0
  let votersShown = 0

  function render(): void {
    renderScheduled = false
    if (destroyed) return
    const flow = workshop.flow.getSnapshot()
    const snapshot = board.snapshots.getSnapshot()
    const { drafts } = workshop.privateNotes.getSnapshot()
    const vote = workshop.ballots.votes.getSnapshot()
    const at = now()

    // What the screen holds.
    notesShown = Object.keys(snapshot.notes).length
    votersShown = rankClusters(workshop.published.votes.getSnapshot(), snapshot.columns.slice(1), {
      budget: flow.voteBudget,
      multipleDots: flow.multipleDots
    }).voters
    if (expectNotes !== null && notesShown >= expectNotes) {
      expectNotes = null
      send({ type: 'reached', what: 'notes', at })
    }
    if (expectVoters !== null && votersShown >= expectVoters) {
      expectVoters = null
      send({ type: 'reached', what: 'voters', at })
    }

    // CoreValuesWorkshop's effects, in its order.
    const unsortedColumnId = snapshot.columns[0]?.id
    const handIn = flow.anonymous ? (link.transport?.handIn ?? null) : null
    if (changed('reveal', [flow.revealed, drafts.length, unsortedColumnId, handIn !== null])) {
      if (flow.revealed && unsortedColumnId && (drafts.length > 0 || handIn)) {
        const count = workshop.revealMine(unsortedColumnId, handIn)
        send({ type: 'effect', what: 'revealed', at: now(), count })
      }
    }
    if (changed('publish votes', [flow.votingClosed, vote, handIn !== null])) {
      if (flow.votingClosed && workshop.publishBallot('votes', handIn)) {
        send({ type: 'effect', what: 'published', at: now(), count: 1 })
      }
    }
    const brainstorming = flow.stage === 'brainstorm' && !flow.revealed
    if (changed('progress', [brainstorming, drafts.length, flow.stage, flow.votingClosed, vote.submitted])) {
      if (brainstorming) link.transport?.shareProgress({ stage: 'brainstorm', notes: drafts.length, done: false })
      else if (flow.stage === 'vote' && !flow.votingClosed) link.transport?.shareProgress({ stage: 'vote', notes: 0, done: vote.submitted })
      else link.transport?.shareProgress(null)
    }
  }

  const transport = await connect(me, target, doc)
  link.transport = transport
  workshop.patchBoardThrough(transport.patchLink)
  render()

  return {
    me,
    workshop,
    transport,
    board: () => board,
    status() {
      const snapshot = board.snapshots.getSnapshot()
      const flow = workshop.flow.getSnapshot()
      return {
        via: transport.via(),
        linked: transport.linked(),
        columns: snapshot.columns.length,
        notes: Object.keys(snapshot.notes).length,
        people: transport.people(),
        cpuMs: cpuMs() / laptopsHere,
        at: now(),
        stage: flow.stage,
        revealed: flow.revealed,
        votingClosed: flow.votingClosed,
        drafts: workshop.privateNotes.getSnapshot().drafts.length,
        voters: votersShown
      }
    },
    expect(notes, voters) {
      expectNotes = notes
      expectVoters = voters
      scheduleRender()
    },
    destroy() {
      destroyed = true
      transport.destroy()
      stopBoard()
      for (const stop of stops) stop()
      workshop.destroy()
      doc.destroy()
      privateDoc.destroy()
    }
  }
}

// ---------------------------------------------------------------- commands

const sessions = new Map<number, Session>()

/** Each note its own task, as each Enter is in a page. */
async function writeDrafts(session: Session, index: number, count: number): Promise<number> {
  const { privateNotes } = session.workshop
  for (let i = 0; i < count; i++) {
    privateNotes.addDraft(`Idea ${i + 1} of participant ${index}: we say what we think, and we listen`)
    await nextTask()
  }
  return privateNotes.getSnapshot().drafts.length
}

async function addClusters(session: Session, titles: readonly string[]): Promise<number> {
  for (const title of titles) {
    session.board().intents.addColumn(title)
    await nextTask()
  }
  session.workshop.flowIntents.goToStage('vote')
  return titles.length
}

/** Places the flow's budget of dots on random clusters, one click each, then "done". */
async function castVote(session: Session): Promise<number> {
  const { workshop } = session
  const flow = workshop.flow.getSnapshot()
  const clusters = session.board().snapshots.getSnapshot().columns.slice(1)
  if (clusters.length === 0) throw new Error('no clusters to vote on')
  const marks = new Map<string, number>()
  for (let dot = 0; dot < flow.voteBudget; dot++) {
    const open = flow.multipleDots ? clusters : clusters.filter((cluster) => !marks.has(cluster.id))
    if (open.length === 0) break
    const id = open[Math.floor(Math.random() * open.length)]!.id
    marks.set(id, (marks.get(id) ?? 0) + 1)
    workshop.ballots.votes.setMark(id, marks.get(id)!)
    await nextTask()
  }
  workshop.ballots.votes.setSubmitted(true)
  return [...marks.values()].reduce((sum, dots) => sum + dots, 0)
}

const fail = (error: unknown) => {
  console.error(error)
  process.exit(1)
}

process.on('message', (message: ToWorkshopPeer & { laptop?: number }) => {
  if (message.type === 'stop') return stop()
  const index = message.laptop ?? firstIndex
  const session = sessions.get(index)!
  const { send } = session.me
  const reply = (seq: number, count: number, at = now()) => send({ type: 'reply', seq, at, count })
  switch (message.type) {
    case 'status':
      send({ type: 'reply', seq: message.seq, status: session.status() })
      break
    case 'ping':
      send({ type: 'reply', seq: message.seq, receivedAt: now() })
      break
    case 'drafts':
      writeDrafts(session, index, message.count).then((count) => reply(message.seq, count), fail)
      break
    case 'expect':
      session.expect(message.notes, message.voters)
      reply(message.seq, 0)
      break
    case 'reveal': {
      const at = now()
      // The facilitator's "Next" in the brainstorm: on to clustering, which reveals.
      session.workshop.flowIntents.goToStage('cluster')
      reply(message.seq, 1, at)
      break
    }
    case 'clusters':
      addClusters(session, message.titles).then((count) => reply(message.seq, count), fail)
      break
    case 'vote':
      castVote(session).then((count) => reply(message.seq, count), fail)
      break
    case 'closeVoting': {
      const at = now()
      session.workshop.flowIntents.closeVoting()
      reply(message.seq, 1, at)
      break
    }
  }
})

let stopping = false
function stop(): void {
  if (stopping) return
  stopping = true
  for (const session of sessions.values()) session.destroy()
  setTimeout(() => process.exit(0), 100).unref()
}
process.on('disconnect', stop)
// An exception in an event handler (a socket's, a data channel's) is an error in a browser's
// console and the page carries on; a Node process would die of it. Carry on, and tell.
process.on('uncaughtException', (error) => {
  console.error(error)
  process.send!({ type: 'uncaught', message: error instanceof Error ? error.message : String(error) } satisfies FromWorkshopPeer)
})
// Never outlive a benchmark that lost track of this process.
setTimeout(() => process.exit(1), 15 * 60_000).unref()

const first: Target =
  env('TRANSPORT') === 'hub'
    ? {
        transport: 'hub',
        origin: env('SESSION_ORIGIN'),
        code: env('JOIN_CODE'),
        link: env('LINK') as LinkKind,
        facilitator: facilitator ? { room: env('ROOM'), ticket: env('FACILITATOR_TICKET'), hostKey: env('HOST_KEY') } : undefined
      }
    : { transport: 'relay', relayUrl: env('RELAY_URL'), room: env('ROOM') }
// The laptops of one process join together, as a room's laptops do.
await Promise.all(
  Array.from({ length: laptopsHere }, async (_, k) => {
    const me = meAt(firstIndex + k)
    const session = await openSession(me, first)
    sessions.set(me.index, session)
    me.send({ type: 'joined', implementation: session.transport.implementation })
  })
).catch(fail)
