/**
 * The y-websocket way of syncing, a yardstick for the app's hub: one server
 * (@y/websocket-server) holds a Y.Doc per room and relays sync and awareness between its
 * WebSocket clients (y-websocket's WebsocketProvider), checking nothing and sealing nothing.
 */
import type { IncomingMessage } from 'node:http'
import type { WebSocket as NodeWebSocket } from 'ws'
import type * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import { setupWSConnection } from '@y/websocket-server/utils'
import { WebsocketProvider } from 'y-websocket'

type SetupConnection = (socket: NodeWebSocket, request: IncomingMessage) => void

/** The relay's connection handler. */
export async function relayServer(): Promise<{ setup: SetupConnection; implementation: string }> {
  return { setup: setupWSConnection as SetupConnection, implementation: '@y/websocket-server' }
}

export interface RelayConnection {
  implementation: string
  connected(): boolean
  /** Sync step 2 has arrived from the server. */
  synced(): boolean
  destroy(): void
}

type WebSocketClass = new (url: string) => WebSocket

/** Connects `doc` to the relay's room through y-websocket's WebsocketProvider. */
export async function connectRelay(
  serverUrl: string,
  room: string,
  doc: Y.Doc,
  awareness: awarenessProtocol.Awareness,
  WebSocketImpl: WebSocketClass
): Promise<RelayConnection> {
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    awareness,
    // y-websocket types the option as the browser's class; ws's class behaves the same.
    WebSocketPolyfill: WebSocketImpl as unknown as typeof WebSocket,
    disableBc: true
  })
  return {
    implementation: 'y-websocket WebsocketProvider',
    connected: () => provider.wsconnected,
    synced: () => provider.synced,
    destroy: () => provider.destroy()
  }
}
