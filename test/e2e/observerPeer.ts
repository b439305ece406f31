/**
 * A peer in the room that only watches: the unmodified y-webrtc client, run in the test's
 * own Node process over real WebRTC (@roamhq/wrtc), joining with the code like anyone else.
 * It holds what every peer's copy of the shared document and presence hold, so privacy
 * tests can look at exactly what another laptop in the room would receive.
 */
import { createRequire } from 'node:module'
import { WebSocket } from 'ws'
import { Awareness } from 'y-protocols/awareness'
import { WebrtcProvider } from 'y-webrtc'
import * as Y from 'yjs'
import { HOST_PRESENCE_ROLE, type JoinAnswer } from '../../shared/liveSession'

export interface ObserverPeer {
  doc: Y.Doc
  awareness: Awareness
  /** Client ids of every person present (a name in their presence), and their presence states. */
  people(): Array<{ clientId: number; state: Record<string, unknown> }>
  /** The host's own presence id: the writer of what it writes into the board. */
  hostClientId(): number | undefined
  /** Client ids that wrote the entries of a top-level map and the fields inside them. */
  writersOf(mapName: string): number[]
  /** The client id that wrote each entry of a top-level map (not its fields). */
  entryWritersOf(mapName: string): number[]
  /**
   * Every client id that ever wrote anything under a top-level map, however deep (a value's
   * definition and lists), deleted and overwritten writes included.
   */
  subtreeWritersOf(mapName: string): number[]
  destroy(): void
}

export async function joinAsObserver(sessionOrigin: string, code: string): Promise<ObserverPeer> {
  const answer = (await (await fetch(`${sessionOrigin}/join/check?code=${encodeURIComponent(code)}`)).json()) as JoinAnswer
  if (!answer.ok) throw new Error(`the observer could not join: ${answer.error}`)
  Object.defineProperty(globalThis, 'WebSocket', { value: WebSocket, configurable: true, writable: true })
  const wrtc: unknown = createRequire(import.meta.url)('@roamhq/wrtc')
  const doc = new Y.Doc()
  const awareness = new Awareness(doc)
  awareness.setLocalState({ v: 1, name: 'Observer', role: 'participant', colour: '#0e7490', editingNoteId: null })
  const provider = new WebrtcProvider(answer.room, doc, {
    signaling: [`${sessionOrigin.replace('http:', 'ws:')}/signal?ticket=${encodeURIComponent(answer.ticket)}`],
    awareness,
    peerOpts: { wrtc, config: { iceServers: [] } }
  })
  return {
    doc,
    awareness,
    people: () =>
      [...awareness.getStates()].flatMap(([clientId, state]) => (typeof state.name === 'string' ? [{ clientId, state }] : [])),
    hostClientId: () => [...awareness.getStates()].find(([, state]) => state.role === HOST_PRESENCE_ROLE)?.[0],
    writersOf(mapName) {
      const writers: number[] = []
      const collect = (map: Y.Map<unknown>, depth: number) =>
        map._map.forEach((item) => {
          if (item.deleted) return
          writers.push(item.id.client)
          const value = item.content.getContent()[0]
          if (depth === 0 && value instanceof Y.Map) collect(value, 1)
        })
      collect(doc.getMap(mapName), 0)
      return writers
    },
    subtreeWritersOf(mapName) {
      const writers = new Set<number>()
      const visit = (type: Y.AbstractType<unknown>) => {
        const items: Y.Item[] = []
        type._map.forEach((latest) => {
          for (let item: Y.Item | null = latest; item; item = item.left) items.push(item)
        })
        for (let item = type._start; item; item = item.right) items.push(item)
        for (const item of items) {
          writers.add(item.id.client)
          if (!item.deleted && item.content instanceof Y.ContentType) visit(item.content.type)
        }
      }
      visit(doc.getMap(mapName) as unknown as Y.AbstractType<unknown>)
      return [...writers]
    },
    entryWritersOf: (mapName) => [...doc.getMap(mapName)._map.values()].filter((item) => !item.deleted).map((item) => item.id.client),
    destroy() {
      provider.disconnect()
      provider.destroy()
      awareness.destroy()
      doc.destroy()
    }
  }
}
