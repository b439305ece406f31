/**
 * The room's hub: the session's authoritative copy of the board, held by the host process,
 * and the one peer every laptop syncs with (a star: each edit travels once up and once down
 * to each other laptop). It speaks y-webrtc's messages (y-protocols sync and awareness) over
 * any link, a WebRTC data channel or the encrypted WebSocket, and treats every participant's
 * link as hostile:
 *
 * - an update is applied first to a scratch copy of the board; one that does not decode, or
 *   that touches control state (`meta`: stage, reveal, rounds, anonymity, lock, timer,
 *   follow-me, thresholds, vote budget) from anyone but the facilitator is refused there,
 *   before the real board sees it, and that link is closed; one that depends on changes the
 *   host does not have (its laptop's link dropped while it sent them) is not taken either,
 *   and the laptop is asked for all the host lacks, which then comes whole;
 * - in anonymous mode a participant's ballots and ratings come only as submissions, which the
 *   host mixes and writes itself (roundMixer.ts); one written straight into the board is
 *   refused, and presence is relayed without anyone's own progress (the host publishes the
 *   room's counts instead);
 * - presence is bounded, and a participant cannot claim another's presence or the
 *   facilitator's role;
 * - size and rate are bounded per link (linkBounds.ts).
 * Whatever one link does, the others carry on.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import { DOC_KEYS } from '../../shared/board'
import { HOST_CLOCK_INTERVAL_MS, HOST_PRESENCE_ROLE, readProgress, type Progress, type RoomProgress } from '../../shared/liveSession'
import { parseBoardPatch, PATCHED_COPY_CLIENT_ID } from '../../shared/boardPatch'
import { sameJson } from '../../shared/canonicalJson'
import { parseSubmission } from '../../shared/roundSubmissions'
import { FACILITATOR_COLOUR, leastUsedColour } from '../../shared/presenceColours'
import {
  createReassembler,
  decodePresenceEntries,
  encodePresenceEntries,
  LINK_MESSAGE,
  linkMessage,
  LinkViolation,
  toFrames,
  type PresenceEntry
} from '../../shared/sync/linkFrames'
import { createPatchLedger, writeBoardChanges } from './boardPatches'
import { createLinkBounds, DEFAULT_LINK_LIMITS, type LinkLimits } from './linkBounds'
import { RoundMixer } from './roundMixer'

export type LinkRole = 'facilitator' | 'participant'
export type LinkKind = 'webrtc' | 'websocket'

/** One laptop's connection to the hub, whatever carries it. */
export interface HubLink {
  readonly kind: LinkKind
  /** Sends one frame. A link that cannot send closes itself (and detaches); it never drops a frame silently. */
  send(frame: Uint8Array): void
  /** Closes the connection; the hub has already let go of the link. */
  close(reason: string): void
}

/** What the hub does with a link it attached. */
export interface AttachedLink {
  /** A frame from the laptop. */
  receive(frame: Uint8Array): void
  /** The connection closed: forget this laptop's presence. */
  detach(): void
}

export interface HubRoomOptions {
  /** The board as saved, or null for a new one. */
  initialState: Uint8Array | null
  /** Writes the board; called soon after changes, at most every SAVE_INTERVAL_MS. */
  save(state: Uint8Array): void
  limits?: Partial<LinkLimits>
  log?: (line: string) => void
}

/** Presence states one link may speak for: its page, and one left over from a reload. */
const CLIENTS_PER_LINK = 4
/** The first change after a quiet spell is written at once; a busy board at least this often. */
export const SAVE_INTERVAL_MS = 300
/** Presence changes from many laptops go out together, at most this often. */
export const PRESENCE_BATCH_MS = 50
/**
 * Board changes that follow the first of a quiet spell go out merged, once per window: a
 * reveal of 300 notes is then a few messages per laptop instead of 300 (each send over a data
 * channel costs the host real CPU, and each message a laptop's screen an update).
 */
export const UPDATE_BATCH_MS = 30
/** Origin of changes the host writes itself (the facilitator's saves, merged in); each is tried on the scratch copy first too. */
const HOST_ORIGIN = 'host'

interface LinkState {
  link: HubLink
  role: LinkRole
  /** The ticket behind the link: who it is, for counting who is still trying to connect. */
  ticket: string
  /** The dot colour the host gave this laptop: the least used when it joined, so a room of 30 tells people apart. */
  colour: string
  /** Presence client ids this link speaks for, and the progress each last said (counted into RoomProgress). */
  clients: Map<number, Progress | null>
  /**
   * How far the host moves each of those clients' presence clocks. Someone back on a new link
   * may say the clock of their last presence (an unmodified y-webrtc client does), which every
   * screen has already seen, with their leaving: ignored, they would be missing from the room
   * until their next renewal, up to 15 s later.
   */
  clockShifts: Map<number, number>
  /** The held-back rounds this link was last told of (JSON). */
  heldBack: string
  closed: boolean
}

/** Top-level maps only the host writes in anonymous mode: what it mixes (roundMixer.ts). */
const MIXED_MAPS = [DOC_KEYS.votes, DOC_KEYS.consensus, DOC_KEYS.emotions] as const
/** The origin of a laptop's board patch as the host writes it: no link's, so it goes to every link. */
const BOARD_PATCH_ORIGIN = 'board-patch'
/** Presence fields that say what one person is doing: relayed only with anonymity off. */
const OWN_ACTIVITY_FIELDS = ['progress', 'editingNoteId'] as const

/** The top-level type a shared type lives in. */
function rootOf<T extends { parent: T | null }>(type: T): T {
  let current = type
  while (current.parent) current = current.parent
  return current
}

export class HubRoom {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  /** Every accepted change is here too; a change is tried here first. */
  private scratch = new Y.Doc()
  private readonly links = new Set<LinkState>()
  private readonly limits: LinkLimits
  private readonly log: (line: string) => void
  private saveTimer: NodeJS.Timeout | undefined
  private dirty = false
  private presenceTimer: NodeJS.Timeout | undefined
  private updateTimer: NodeJS.Timeout | undefined
  private readonly clockTimer: NodeJS.Timeout
  private pendingUpdates: Uint8Array[] = []
  /** "Patch written" notices that wait for the window holding their writes to leave. */
  private readonly pendingWrittenNotices: Array<{ state: LinkState; message: Uint8Array }> = []
  private readonly changedPresence = new Set<number>()
  private readonly mixer: RoundMixer
  private readonly patches = createPatchLedger()
  private progress: RoomProgress
  /** The tickets of every participant who has been in the room (said who they are) since the host started. */
  private readonly tookPart = new Set<string>()
  private destroyed = false

  constructor(private readonly options: HubRoomOptions) {
    this.limits = { ...DEFAULT_LINK_LIMITS, ...options.limits }
    this.log = options.log ?? ((line) => console.log(`[hub] ${line}`))
    if (options.initialState) {
      Y.applyUpdate(this.doc, options.initialState, HOST_ORIGIN)
      Y.applyUpdate(this.scratch, options.initialState)
    }
    this.mixer = new RoundMixer({
      doc: this.doc,
      origin: HOST_ORIGIN,
      linkedTickets: () => this.linkedTickets(),
      onWaitingChange: () => {
        this.updateProgress()
        this.tellHeldBack()
      }
    })
    this.progress = this.countProgress()
    // The host is no one on screen; its own entry carries the session's clock and the room's progress.
    this.publishClock()
    this.clockTimer = setInterval(() => this.publishClock(), HOST_CLOCK_INTERVAL_MS)
    this.clockTimer.unref()
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onPresenceUpdate)
  }

  attach(link: HubLink, role: LinkRole, ticket: string): AttachedLink {
    if (this.destroyed) {
      link.close('the session has ended')
      return { receive: () => undefined, detach: () => undefined }
    }
    const colour = role === 'facilitator' ? FACILITATOR_COLOUR : leastUsedColour([...this.links].map((other) => other.colour))
    const state: LinkState = { link, role, ticket, colour, clients: new Map(), clockShifts: new Map(), heldBack: '[]', closed: false }
    this.links.add(state)
    const reassembler = createReassembler(this.limits.maxMessageBytes)
    const bounds = createLinkBounds(this.limits)
    // What y-webrtc's peers say first: this copy's state vector, and who is here.
    this.sendTo(state, linkMessage(LINK_MESSAGE.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, this.doc)))
    this.sendTo(state, this.presenceMessage([...this.awareness.getStates().keys()]))
    return {
      receive: (frame) => {
        if (state.closed) return
        try {
          bounds.countFrame()
          const whole = reassembler.push(frame)
          if (whole) this.handle(state, whole, bounds)
        } catch (error) {
          if (!(error instanceof LinkViolation)) this.log(`error handling a ${link.kind} message: ${String(error)}`)
          this.expel(state, error instanceof LinkViolation ? error.message : 'the host could not handle a message')
        }
      },
      detach: () => this.forget(state)
    }
  }

  /** Tickets with a link open now. */
  linkedTickets(): Set<string> {
    return new Set([...this.links].map((state) => state.ticket))
  }

  /** The board as it stands, for the facilitator's window. */
  state(): Uint8Array {
    return Y.encodeStateAsUpdate(this.doc)
  }

  /**
   * A save from the facilitator's window (its own copy of the board): merged in, as the
   * facilitator's. The window sends its whole board every few hundred milliseconds while it is
   * edited, and nearly all of it is here already: only what the hub lacks is tried and applied.
   */
  mergeFacilitatorState(update: Uint8Array): void {
    const missing = Y.diffUpdate(update, Y.encodeStateVector(this.doc))
    this.tryOnScratch(missing, 'facilitator')
    Y.applyUpdate(this.doc, missing, HOST_ORIGIN)
  }

  /** Closes every link and writes the board one last time; returns that state. */
  destroy(): Uint8Array {
    if (!this.destroyed) {
      this.destroyed = true
      for (const state of [...this.links]) {
        this.forget(state)
        state.link.close('the session has ended')
      }
      clearTimeout(this.saveTimer)
      clearTimeout(this.presenceTimer)
      clearTimeout(this.updateTimer)
      clearInterval(this.clockTimer)
      this.mixer.destroy()
      this.doc.off('update', this.onDocUpdate)
      this.awareness.off('update', this.onPresenceUpdate)
      this.awareness.destroy()
      this.scratch.destroy()
    }
    const state = this.state()
    if (this.dirty) {
      this.dirty = false
      this.options.save(state)
    }
    return state
  }

  private handle(state: LinkState, whole: Uint8Array, bounds: ReturnType<typeof createLinkBounds>): void {
    const decoder = decoding.createDecoder(whole)
    const type = decoding.readVarUint(decoder)
    switch (type) {
      case LINK_MESSAGE.sync: {
        const syncType = decoding.readVarUint(decoder)
        if (syncType === syncProtocol.messageYjsSyncStep1) {
          const stateVector = decoding.readVarUint8Array(decoder)
          let reply: Uint8Array
          try {
            reply = linkMessage(LINK_MESSAGE.sync, (encoder) => syncProtocol.writeSyncStep2(encoder, this.doc, stateVector))
          } catch {
            throw new LinkViolation('a state vector that does not decode')
          }
          this.sendTo(state, reply)
          return
        }
        if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) {
          throw new LinkViolation('an unknown sync message')
        }
        const update = decoding.readVarUint8Array(decoder)
        bounds.countUpdate(update.byteLength)
        if (!this.tryOnScratch(update, state.role)) {
          this.sendTo(state, linkMessage(LINK_MESSAGE.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, this.doc)))
          return
        }
        Y.applyUpdate(this.doc, update, state)
        return
      }
      case LINK_MESSAGE.awareness: {
        bounds.countPresence(whole.byteLength)
        this.receivePresence(state, decoding.readVarUint8Array(decoder))
        return
      }
      case LINK_MESSAGE.queryAwareness:
        this.sendTo(state, this.presenceMessage([...this.awareness.getStates().keys()]))
        return
      case LINK_MESSAGE.submission: {
        bounds.countUpdate(whole.byteLength)
        const submission = parseSubmission(decoding.readVarString(decoder))
        if (!submission) throw new LinkViolation('a submission that is not one')
        this.mixer.receive(state.ticket, submission)
        return
      }
      case LINK_MESSAGE.boardPatch: {
        bounds.countUpdate(whole.byteLength)
        const patch = parseBoardPatch(decoding.readVarString(decoder))
        if (!patch) throw new LinkViolation('a board patch that is not one')
        // Written as the host's own change, to everyone (its sender too, whose copy then gives way to it).
        bounds.checkMerging()
        if (this.patches.take(state.ticket, patch.stream, patch.seq)) bounds.countMerging(writeBoardChanges(this.doc, patch.changes, BOARD_PATCH_ORIGIN))
        // Its sender hears it is written only once the write has left (with the window's other
        // changes, if one is open): its copy merges from the board then.
        const written = linkMessage(LINK_MESSAGE.boardPatchWritten, (encoder) => encoding.writeVarString(encoder, JSON.stringify([patch.stream, patch.seq])))
        if (this.pendingUpdates.length > 0) this.pendingWrittenNotices.push({ state, message: written })
        else this.sendTo(state, written)
        return
      }
      default:
        throw new LinkViolation(`an unknown message type ${type}`)
    }
  }

  /**
   * Applies `update` to the scratch copy and checks what it did there: throws for an update the
   * link must be closed for, false for one that cannot be taken yet. Either has left the scratch
   * copy changed: it is rebuilt from the board, which never saw the update.
   */
  private tryOnScratch(update: Uint8Array, role: LinkRole): boolean {
    let touchedControl = false
    let touchedMixed = false
    const meta = this.scratch.getMap(DOC_KEYS.meta)
    const mixed = MIXED_MAPS.map((key) => this.scratch.getMap(key) as unknown)
    const watch = (transaction: Y.Transaction) => {
      for (const type of transaction.changed.keys()) {
        const root = rootOf(type) as unknown
        if (root === meta) touchedControl = true
        if (mixed.includes(root)) touchedMixed = true
      }
    }
    this.scratch.on('afterTransaction', watch)
    let problem: string | null = null
    let incomplete = false
    try {
      const underCopyId = Y.parseUpdateMeta(update).from.has(PATCHED_COPY_CLIENT_ID)
      Y.applyUpdate(this.scratch, update)
      incomplete = this.scratch.store.pendingStructs !== null || this.scratch.store.pendingDs !== null
      if (underCopyId) problem = 'a change under the id kept for laptops’ own copies'
      else if (role === 'participant') {
        if (touchedControl) problem = 'a change to the facilitator’s controls'
        else if (touchedMixed && this.mixer.rules.anonymous) problem = 'a ballot or rating written straight into an anonymous board'
      }
    } catch {
      problem = 'an update that does not decode'
    } finally {
      this.scratch.off('afterTransaction', watch)
    }
    if (problem !== null || incomplete) this.rebuildScratch()
    if (problem !== null) throw new LinkViolation(problem)
    // Held back, a participant's incomplete change would be applied later inside someone
    // else's change, unchecked: it is not taken (the facilitator's is, as before).
    return !(incomplete && role === 'participant')
  }

  private rebuildScratch(): void {
    this.scratch.destroy()
    this.scratch = new Y.Doc()
    Y.applyUpdate(this.scratch, Y.encodeStateAsUpdate(this.doc))
  }

  /**
   * A link's presence: only states for client ids it speaks for (new ones, or its own), each
   * re-written by the host with the link's role and colour. y-webrtc's clients also repeat everyone
   * else's states when they connect; those are ignored, not held against them.
   */
  private receivePresence(state: LinkState, update: Uint8Array): void {
    const accepted: PresenceEntry[] = []
    // The room's counts are redone only when this link's progress changed, not on every cursor move.
    const progressBefore = JSON.stringify([...state.clients])
    const known = this.awareness.getStates()
    for (const { clientId, clock, json } of decodePresenceEntries(update)) {
      const owner = this.ownerOf(clientId)
      if (owner && owner !== state) continue
      if (!owner && known.has(clientId)) continue
      if (!owner) {
        if (state.clients.size >= CLIENTS_PER_LINK) throw new LinkViolation('presence for too many people')
        state.clients.set(clientId, null)
        const lastRelayed = this.awareness.meta.get(clientId)?.clock ?? -1
        state.clockShifts.set(clientId, Math.max(0, lastRelayed + 1 - clock))
      }
      const shiftedClock = clock + (state.clockShifts.get(clientId) ?? 0)
      let fields: unknown
      try {
        fields = JSON.parse(json)
      } catch {
        throw new LinkViolation('presence that is not JSON')
      }
      if (fields === null) {
        state.clients.set(clientId, null)
        accepted.push({ clientId, clock: shiftedClock, json: 'null' })
        continue
      }
      if (typeof fields !== 'object' || Array.isArray(fields)) throw new LinkViolation('presence that is not an object')
      const record = fields as Record<string, unknown>
      if (state.role === 'participant' && record.role === 'facilitator') {
        throw new LinkViolation('a participant claiming the facilitator’s role')
      }
      state.clients.set(clientId, state.role === 'participant' ? readProgress(record.progress) : null)
      if (state.role === 'participant') this.tookPart.add(state.ticket)
      const relayed: Record<string, unknown> = { ...record, role: state.role, colour: state.colour }
      if (this.mixer.rules.anonymous) for (const field of OWN_ACTIVITY_FIELDS) delete relayed[field]
      accepted.push({ clientId, clock: shiftedClock, json: JSON.stringify(relayed) })
    }
    if (JSON.stringify([...state.clients]) !== progressBefore) this.updateProgress()
    if (accepted.length === 0) return
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodePresenceEntries(accepted), state)
  }

  private publishClock(): void {
    this.awareness.setLocalState({ role: HOST_PRESENCE_ROLE, clock: Date.now(), room: this.progress })
  }

  /** Each person, and only they, hears whether a part of theirs is held back (they came late); sent when it changes. */
  private tellHeldBack(): void {
    for (const state of this.links) {
      const held = JSON.stringify(this.mixer.heldFor(state.ticket))
      if (held === state.heldBack) continue
      state.heldBack = held
      this.sendTo(state, linkMessage(LINK_MESSAGE.heldBack, (encoder) => encoding.writeVarString(encoder, held)))
    }
  }

  /** The room's progress from every participant's last word, and the latecomers held back. */
  private countProgress(): RoomProgress {
    const stages: RoomProgress['stages'] = {}
    let participants = 0
    for (const state of this.links) {
      if (state.role !== 'participant') continue
      for (const reported of state.clients.values()) {
        participants++
        if (!reported) continue
        const stage = (stages[reported.stage] ??= { done: 0, notes: 0, writers: 0 })
        if (reported.done) stage.done++
        stage.notes += reported.notes
        if (reported.notes > 0) stage.writers++
      }
    }
    return { participants, tookPart: this.tookPart.size, stages, waiting: this.mixer.waiting() }
  }

  private updateProgress(): void {
    const progress = this.countProgress()
    if (sameJson(progress, this.progress)) return
    this.progress = progress
    this.publishClock()
  }

  private ownerOf(clientId: number): LinkState | undefined {
    for (const state of this.links) if (state.clients.has(clientId)) return state
    return undefined
  }

  private presenceMessage(clientIds: number[]): Uint8Array {
    return linkMessage(LINK_MESSAGE.awareness, (encoder) =>
      encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clientIds))
    )
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown) => {
    this.scheduleSave()
    if (this.updateTimer !== undefined) {
      this.pendingUpdates.push(update)
      return
    }
    // The first change of a quiet spell leaves at once, to everyone but its sender.
    const frame = linkMessage(LINK_MESSAGE.sync, (encoder) => syncProtocol.writeUpdate(encoder, update))
    for (const state of this.links) if (state !== origin) this.sendTo(state, frame)
    this.updateTimer = setTimeout(this.flushUpdates, UPDATE_BATCH_MS)
  }

  private readonly flushUpdates = () => {
    this.updateTimer = undefined
    if (this.pendingUpdates.length === 0 || this.destroyed) return
    const merged = this.pendingUpdates.length === 1 ? this.pendingUpdates[0]! : Y.mergeUpdates(this.pendingUpdates)
    this.pendingUpdates = []
    // To everyone, senders included: one merge for the whole room, and a laptop takes its own changes back as no-ops.
    const frame = linkMessage(LINK_MESSAGE.sync, (encoder) => syncProtocol.writeUpdate(encoder, merged))
    for (const state of this.links) this.sendTo(state, frame)
    for (const { state, message } of this.pendingWrittenNotices.splice(0)) this.sendTo(state, message)
    // What just left opens a new window, so a steady stream leaves once per window.
    this.updateTimer = setTimeout(this.flushUpdates, UPDATE_BATCH_MS)
  }

  private readonly onPresenceUpdate = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
    for (const id of [...added, ...updated, ...removed]) this.changedPresence.add(id)
    this.presenceTimer ??= setTimeout(this.flushPresence, PRESENCE_BATCH_MS)
  }

  private readonly flushPresence = () => {
    this.presenceTimer = undefined
    const ids = [...this.changedPresence]
    this.changedPresence.clear()
    if (ids.length === 0 || this.destroyed) return
    const frame = this.presenceMessage(ids)
    for (const state of this.links) this.sendTo(state, frame)
  }

  private scheduleSave(): void {
    this.dirty = true
    if (this.saveTimer) return
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined
      if (!this.dirty || this.destroyed) return
      this.dirty = false
      this.options.save(this.state())
    }, SAVE_INTERVAL_MS)
  }

  private sendTo(state: LinkState, whole: Uint8Array): void {
    if (state.closed) return
    for (const frame of toFrames(whole)) state.link.send(frame)
  }

  private expel(state: LinkState, reason: string): void {
    if (state.closed) return
    this.log(`closed a ${state.role}'s ${state.link.kind} link: ${reason}`)
    this.forget(state)
    state.link.close(reason)
  }

  private forget(state: LinkState): void {
    if (state.closed) return
    state.closed = true
    this.links.delete(state)
    if (state.clients.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...state.clients.keys()], 'hub')
    if (!this.destroyed) {
      this.updateProgress()
      this.mixer.linksChanged()
    }
  }
}
