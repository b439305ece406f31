/**
 * A real network on this machine for end-to-end tests: "test the room, not the lab".
 *
 * The facilitator's host process stays in the root network namespace; each participant's
 * Chromium runs in its own Linux network namespace, joined to the host by a veth pair on
 * one bridge. The rules reproduce the networks workshops meet: an open LAN, company Wi-Fi
 * that drops multicast (so no mDNS), client isolation, and a bare switch with no router.
 *
 * Needs root, iproute2 (`ip netns`) and nftables. Traffic never leaves the lab: the root
 * namespace neither routes for the bridge nor answers it on any address but the host's.
 *
 * A spec must destroy what it creates even when it fails, with try/finally or afterAll:
 *
 *     const room = await createRoomNetwork({ participants: 2, rule: 'isolated' })
 *     try { … } finally { await room.destroy() }
 *
 * A run that crashed before destroy() leaves names with its pid; the next
 * createRoomNetwork() removes them (removeStaleRoomNetworks).
 */
import { execFile } from 'node:child_process'
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { CHROMIUM_PATH } from '../../playwright.config'

/**
 * - `open`: a home or meeting-room LAN; a default route via the host, everything allowed.
 * - `no-multicast`: company Wi-Fi that drops multicast (IPv4 224.0.0.0/4, so mDNS; IPv6 ff00::/8).
 * - `isolated`: client isolation; participants reach the host only, never each other.
 * - `no-default-route`: `isolated`, multicast dropped, and no default route: a bare switch.
 */
export type RoomRule = 'open' | 'no-multicast' | 'isolated' | 'no-default-route'

export interface RoomParticipant {
  /** The participant's network namespace, for `ip netns exec`. */
  namespace: string
  /** The participant's IPv4 address on the room's /24. */
  address: string
  /** An executable that runs Chromium inside the namespace: Playwright's `executablePath`. */
  chromiumPath: string
}

export interface RoomNetwork {
  rule: RoomRule
  /** The host's (root namespace) address on the room's bridge, e.g. 10.213.7.1. */
  hostAddress: string
  participants: RoomParticipant[]
  /** Removes every namespace, link, nftables table and temp file this room made; safe to call twice. */
  destroy(): Promise<void>
}

const run = promisify(execFile)

/** Every name we create starts with this, then the pid, so parallel and stale runs can be told apart. */
const PREFIX = 'wsr'
/** `wsr<pid>r<room>` plus `b` (bridge), `h<n>` (host end of a veth), `p<n>` (participant end), `-p<n>` (namespace), `-…` (temp dir). */
const OWN_NAME = new RegExp(`^(${PREFIX}(\\d+)r\\d+)(?:b|h\\d+|p\\d+|-.*)$`)
/** Linux interface names are at most 15 bytes. */
const MAX_IFNAME = 15
/** The room's /24 is 10.213.N.0/24 for a free N: unlikely to clash with company or VPN ranges. */
const SUBNET_BASE = '10.213'

const liveRooms = new Set<string>()
let roomsMade = 0

export async function createRoomNetwork(options: { participants: number; rule: RoomRule }): Promise<RoomNetwork> {
  const { participants: count, rule } = options
  if (!Number.isInteger(count) || count < 1 || count > 99) throw new Error(`a room has 1 to 99 participants, not ${count}`)
  await checkPrerequisites()
  await removeStaleRoomNetworks()

  const id = `${PREFIX}${process.pid}r${roomsMade++}`
  if (`${id}h${count}`.length > MAX_IFNAME) throw new Error(`the room's interface names would exceed ${MAX_IFNAME} characters (pid ${process.pid} is too long)`)
  const subnet = await pickFreeSubnet()
  liveRooms.add(id)
  const bridge = `${id}b`
  const hostAddress = `${subnet}.1`
  const isolated = rule === 'isolated' || rule === 'no-default-route'
  const dropMulticast = rule === 'no-multicast' || rule === 'no-default-route'
  const namespaces: string[] = []
  const hostEnds: string[] = []
  let tempDir: string | undefined

  let destroyed = false
  const destroy = async (): Promise<void> => {
    if (destroyed) return
    destroyed = true
    await removeRoom(id, namespaces, [...hostEnds, bridge], tempDir)
    liveRooms.delete(id)
  }

  try {
    // No snooping: the bridge floods multicast like a plain switch, so `open` really carries mDNS.
    await ip('link', 'add', 'name', bridge, 'type', 'bridge', 'mcast_snooping', '0', 'stp_state', '0')
    await ip('addr', 'add', `${hostAddress}/24`, 'dev', bridge)
    await ip('link', 'set', bridge, 'up')
    await nft(containmentRules(id, bridge, hostAddress))
    if (dropMulticast) await nft(multicastDropRules(id))

    tempDir = await mkdtemp(join(tmpdir(), `${id}-`))
    const participants: RoomParticipant[] = []
    for (let n = 1; n <= count; n++) {
      const namespace = `${id}-p${n}`
      const hostEnd = `${id}h${n}`
      const address = `${subnet}.${n + 1}`
      await ip('netns', 'add', namespace)
      namespaces.push(namespace)
      await skipDuplicateAddressDetection(namespace)
      await ip('link', 'add', 'name', hostEnd, 'type', 'veth', 'peer', 'name', `${id}p${n}`)
      hostEnds.push(hostEnd)
      await ip('link', 'set', `${id}p${n}`, 'netns', namespace)
      await ip('-n', namespace, 'link', 'set', `${id}p${n}`, 'name', 'eth0')
      await ip('-n', namespace, 'addr', 'add', `${address}/24`, 'dev', 'eth0')
      await ip('-n', namespace, 'link', 'set', 'lo', 'up')
      await ip('-n', namespace, 'link', 'set', 'eth0', 'up')
      await ip('link', 'set', hostEnd, 'master', bridge)
      // Isolated ports forward only to the bridge itself (the host), never to each other.
      if (isolated) await ip('link', 'set', 'dev', hostEnd, 'type', 'bridge_slave', 'isolated', 'on')
      await ip('link', 'set', hostEnd, 'up')
      if (rule !== 'no-default-route') await ip('-n', namespace, 'route', 'add', 'default', 'via', hostAddress)

      const chromiumPath = join(tempDir, `chromium-p${n}`)
      await writeFile(chromiumPath, `#!/bin/bash\nexec ${await ipPath()} netns exec ${namespace} ${CHROMIUM_PATH} "$@"\n`)
      await chmod(chromiumPath, 0o755)
      participants.push({ namespace, address, chromiumPath })
    }
    for (const namespace of namespaces) await linkLocalAddressReady(namespace)
    return { rule, hostAddress, participants, destroy }
  } catch (error) {
    await destroy()
    throw error
  }
}

/** Deletes every namespace, link, nftables table and temp dir left by a run whose process is gone. */
export async function removeStaleRoomNetworks(): Promise<void> {
  /** The room a name belongs to, if that room's process is gone (or is us, and we dropped it). */
  const staleRoomOf = (name: string): string | undefined => {
    const match = OWN_NAME.exec(name)
    if (!match) return undefined
    const [, id = '', pid = ''] = match
    if (liveRooms.has(id)) return undefined
    return Number(pid) === process.pid || !processExists(Number(pid)) ? id : undefined
  }
  const stale = new Map<string, { namespaces: string[]; links: string[]; tempDirs: string[] }>()
  const entry = (id: string) => stale.get(id) ?? stale.set(id, { namespaces: [], links: [], tempDirs: [] }).get(id)!

  for (const namespace of await listNamespaces()) {
    const id = staleRoomOf(namespace)
    if (id) entry(id).namespaces.push(namespace)
  }
  const links = JSON.parse((await ip('-j', 'link', 'show')) || '[]') as Array<{ ifname: string }>
  for (const { ifname } of links) {
    const id = staleRoomOf(ifname)
    if (id) entry(id).links.push(ifname)
  }
  // A table is named after its room; removeRoom deletes the room's tables whatever else is left.
  for (const table of await listOwnTables()) {
    const id = staleRoomOf(`${table}b`)
    if (id) entry(id)
  }
  for (const dir of await readdir(tmpdir())) {
    const id = staleRoomOf(dir)
    if (id) entry(id).tempDirs.push(join(tmpdir(), dir))
  }
  for (const [id, found] of stale) {
    await removeRoom(id, found.namespaces, found.links, undefined)
    for (const dir of found.tempDirs) await rm(dir, { recursive: true, force: true })
  }
}

async function removeRoom(id: string, namespaces: string[], links: string[], tempDir: string | undefined): Promise<void> {
  // A namespace lives on while a process is inside it (a browser a failed test left open),
  // and its veth with it: end those processes, which only this lab started.
  for (const namespace of namespaces) {
    const pids = (await ip('netns', 'pids', namespace).catch(() => '')).split('\n').filter(Boolean)
    for (const pid of pids) {
      try {
        process.kill(Number(pid), 'SIGKILL')
      } catch {
        // already gone
      }
    }
  }
  // Deleting the host end deletes its peer too, at once rather than when the namespace dies.
  for (const link of links) await ip('link', 'del', link).catch(() => undefined)
  for (const family of ['inet', 'bridge']) await nft(`delete table ${family} ${id}\n`).catch(() => undefined)
  for (const namespace of namespaces) await ip('netns', 'del', namespace).catch(() => undefined)
  if (tempDir) await rm(tempDir, { recursive: true, force: true })
}

/**
 * Keeps the lab's traffic in the lab. The root namespace never routes for the bridge (even
 * where ip_forward is on, as on Docker hosts), and from the bridge it accepts unicast only
 * to the host's own address, not to its other interfaces' addresses.
 *
 * Where br_netfilter is loaded (bridge-nf-call-iptables), frames the bridge merely switches
 * between participants also pass this forward hook, seen as going from the bridge to the
 * bridge: those are the room's own traffic and stay allowed.
 */
function containmentRules(id: string, bridge: string, hostAddress: string): string {
  return `table inet ${id} {
  chain input {
    type filter hook input priority 0; policy accept;
    iifname "${bridge}" meta pkttype host ip daddr != ${hostAddress} drop
    iifname "${bridge}" meta pkttype host ip6 daddr != fe80::/10 drop
  }
  chain forward {
    type filter hook forward priority 0; policy accept;
    iifname "${bridge}" oifname != "${bridge}" drop
    oifname "${bridge}" iifname != "${bridge}" drop
  }
}
`
}

/**
 * Drops multicast on the bridge in every direction, as company Wi-Fi does. IPv6 neighbour
 * discovery is kept: it is multicast too, but without it IPv6 unicast on the link would
 * break, which is not what such networks do. A bridge-family hook sees every bridge on the
 * machine, so the rules match only this room's ports (`<id>h*`; this kernel's nftables
 * lacks `meta ibrname`): rooms run in parallel keep their own rules.
 */
function multicastDropRules(id: string): string {
  const ports = `"${id}h*"`
  const chain = (hook: string, port: 'iifname' | 'oifname') => `  chain ${hook} {
    type filter hook ${hook} priority 0; policy accept;
    ${port} ${ports} ip daddr 224.0.0.0/4 drop
    ${port} ${ports} ip6 daddr ff00::/8 icmpv6 type != { nd-neighbor-solicit, nd-neighbor-advert } drop
    ${port} ${ports} ip6 daddr ff00::/8 meta l4proto != ipv6-icmp drop
  }`
  return `table bridge ${id} {\n${chain('forward', 'iifname')}\n${chain('input', 'iifname')}\n${chain('output', 'oifname')}\n}\n`
}

/**
 * A new IPv6 link-local address spends a second or two in duplicate address detection, and
 * when it settles Chromium sees a network change and aborts its requests in flight
 * (net::ERR_NETWORK_CHANGED). Addresses here cannot clash, so skip the wait: set before the
 * veth moves in, the namespace's default applies to it.
 */
async function skipDuplicateAddressDetection(namespace: string): Promise<void> {
  const script = 'for c in default all; do f=/proc/sys/net/ipv6/conf/$c/accept_dad; [ -w "$f" ] && echo 0 > "$f"; done; true'
  await ip('netns', 'exec', namespace, 'sh', '-c', script)
}

/** Waits until the participant's link-local IPv6 address (if IPv6 is on) is in place and final. */
async function linkLocalAddressReady(namespace: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const shown = await ip('-n', namespace, '-6', 'addr', 'show', 'dev', 'eth0', 'scope', 'link')
    const disabled = (await ip('-n', namespace, '-6', 'addr', 'show', 'dev', 'lo')) === '' && shown === ''
    if (disabled || (shown.includes('inet6') && !shown.includes('tentative'))) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`the IPv6 link-local address in ${namespace} did not settle within 5 s`)
}

async function checkPrerequisites(): Promise<void> {
  if (process.platform !== 'linux') throw new Error(`the room network needs Linux network namespaces; this is ${process.platform}`)
  if (process.getuid?.() !== 0) throw new Error('the room network needs root: creating network namespaces, a bridge and nftables rules is not allowed for this user')
  try {
    await ip('netns', 'list')
  } catch (error) {
    throw new Error(`the room network needs 'ip netns' (iproute2) and it failed: ${describe(error)}`, { cause: error })
  }
  try {
    await run('nft', ['--version'])
  } catch (error) {
    throw new Error(`the room network needs nftables ('nft'); install the Debian package 'nftables' (scripts/test.sh does): ${describe(error)}`, { cause: error })
  }
}

/** The first 10.213.N.0/24 that overlaps no address or route of the root namespace. */
async function pickFreeSubnet(): Promise<string> {
  const used: Array<[number, number]> = []
  const addresses = JSON.parse((await ip('-j', '-4', 'addr', 'show')) || '[]') as Array<{ addr_info?: Array<{ local: string; prefixlen: number }> }>
  for (const link of addresses) for (const info of link.addr_info ?? []) used.push(cidrRange(info.local, info.prefixlen))
  const routes = JSON.parse((await ip('-j', '-4', 'route', 'show', 'table', 'all')) || '[]') as Array<{ dst: string }>
  for (const { dst } of routes) {
    if (dst === 'default') continue
    const [address = '', length] = dst.split('/')
    if (/^\d+\.\d+\.\d+\.\d+$/.test(address)) used.push(cidrRange(address, length === undefined ? 32 : Number(length)))
  }
  // Start where the pid points, so parallel runs rarely race for the same subnet.
  for (let step = 0; step < 254; step++) {
    const n = ((process.pid + roomsMade + step) % 254) + 1
    const [start, end] = cidrRange(`${SUBNET_BASE}.${n}.0`, 24)
    if (!used.some(([usedStart, usedEnd]) => start <= usedEnd && usedStart <= end)) return `${SUBNET_BASE}.${n}`
  }
  throw new Error(`every ${SUBNET_BASE}.N.0/24 is already in use on this machine`)
}

function cidrRange(address: string, length: number): [number, number] {
  const value = address.split('.').reduce((sum, octet) => sum * 256 + Number(octet), 0)
  const size = 2 ** (32 - length)
  const start = Math.floor(value / size) * size
  return [start, start + size - 1]
}

async function listNamespaces(): Promise<string[]> {
  // Lines read "name" or "name (id: 3)".
  return (await ip('netns', 'list')).split('\n').map((line) => line.split(' ')[0] ?? '').filter(Boolean)
}

async function listOwnTables(): Promise<string[]> {
  const { stdout } = await run('nft', ['list', 'tables'])
  return stdout
    .split('\n')
    .map((line) => /^table \w+ (\S+)$/.exec(line.trim())?.[1])
    .filter((name): name is string => name?.startsWith(PREFIX) ?? false)
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

let ipBinary: string | undefined
/** The wrapper script names `ip` by its full path: Playwright may start it with a bare PATH. */
async function ipPath(): Promise<string> {
  ipBinary ??= (await run('bash', ['-c', 'command -v ip'])).stdout.trim()
  return ipBinary
}

async function ip(...args: string[]): Promise<string> {
  return (await run(await ipPath(), args)).stdout
}

async function nft(script: string): Promise<void> {
  const child = execFile('nft', ['-f', '-'])
  const done = new Promise<void>((resolve, reject) => {
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`nft failed: ${stderr.trim()}`))))
  })
  child.stdin?.end(script)
  await done
}

function describe(error: unknown): string {
  const stderr = (error as { stderr?: string }).stderr?.trim()
  return stderr || (error instanceof Error ? error.message : String(error))
}
