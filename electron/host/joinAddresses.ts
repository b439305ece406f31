/**
 * Which of this computer's addresses a join link should use. The first one is what the QR
 * code shows, so it must be one the room can reach: the interface the default route leaves
 * by, or else a private LAN address, never a container bridge or a VPN tunnel first (a
 * facilitator with Docker or a VPN running once got a QR code no one could open).
 */
import { readFileSync } from 'node:fs'
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'

/** Interfaces that other laptops in the room cannot reach: containers, VMs, VPNs. */
const VIRTUAL_INTERFACE = /^(docker|br-|veth|virbr|vboxnet|vmnet|lxc|lxd|cni|flannel|cali|podman|tun|tap|utun|wg|tailscale|zt|ipsec|ppp|gif|stf|awdl|llw|anpi|bridge|vEthernet)/i

const isPrivateLan = (address: string) =>
  /^192\.168\./.test(address) || /^10\./.test(address) || /^172\.(1[6-9]|2\d|3[01])\./.test(address)
const isLinkLocal = (address: string) => /^169\.254\./.test(address)

/** The interface of the IPv4 default route on Linux, from the kernel's routing table; null elsewhere or when there is none. */
export function defaultRouteInterface(routeTable: string | null = readLinuxRoutes()): string | null {
  if (!routeTable) return null
  for (const line of routeTable.split('\n').slice(1)) {
    const [name, destination, , , , , , mask] = line.trim().split(/\s+/)
    if (name && destination === '00000000' && mask === '00000000') return name
  }
  return null
}

function readLinuxRoutes(): string | null {
  try {
    return readFileSync('/proc/net/route', 'utf8')
  } catch {
    return null
  }
}

/** IPv4 addresses other laptops may reach this one at, the likeliest first. */
export function joinAddresses(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
  routeInterface: string | null = defaultRouteInterface()
): string[] {
  const ranked: Array<{ address: string; rank: number }> = []
  for (const [name, entries] of Object.entries(interfaces)) {
    for (const entry of entries ?? []) {
      if (entry.family !== 'IPv4' || entry.internal) continue
      const rank =
        name === routeInterface ? 0
        : VIRTUAL_INTERFACE.test(name) ? 4
        : isLinkLocal(entry.address) ? 3
        : isPrivateLan(entry.address) ? 1
        : 2
      ranked.push({ address: entry.address, rank })
    }
  }
  // A stable sort keeps the system's order within a rank.
  return ranked.sort((a, b) => a.rank - b.rank).map((entry) => entry.address)
}
