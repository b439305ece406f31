/**
 * A y-websocket relay in its own process, for liveSync.bench.ts: the comparison's server,
 * kept out of the benchmark's own process so its bookkeeping is not in the data path.
 * Listens on loopback only and tells its parent the port over IPC.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocketServer } from 'ws'
import { relayServer } from './yRelay'

const { setup, implementation } = await relayServer()
const server = createServer((_request, response) => {
  response.writeHead(404).end()
})
const sockets = new WebSocketServer({ noServer: true })
server.on('upgrade', (request, socket, head) => {
  sockets.handleUpgrade(request, socket, head, (webSocket) => setup(webSocket, request))
})
server.listen(0, '127.0.0.1', () => {
  process.send!({ type: 'listening', port: (server.address() as AddressInfo).port, implementation })
})

const stop = () => {
  for (const client of sockets.clients) client.terminate()
  server.close()
  setTimeout(() => process.exit(0), 50).unref()
}
process.on('message', (message: { type: string }) => {
  if (message.type === 'stop') stop()
  if (message.type === 'cpu') {
    const { user, system } = process.cpuUsage()
    process.send!({ type: 'cpu', cpuMs: (user + system) / 1000 })
  }
})
process.on('disconnect', stop)
// Never outlive a benchmark that lost track of this process.
setTimeout(() => process.exit(1), 10 * 60_000).unref()
