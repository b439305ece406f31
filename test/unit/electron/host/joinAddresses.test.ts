import type { NetworkInterfaceInfo } from 'node:os'
import { describe, expect, it } from 'vitest'
import { defaultRouteInterface, joinAddresses } from '../../../../electron/host/joinAddresses'

const v4 = (address: string, internal = false): NetworkInterfaceInfo => ({
  address,
  netmask: '255.255.255.0',
  family: 'IPv4',
  mac: '00:00:00:00:00:00',
  internal,
  cidr: `${address}/24`
})

/** /proc/net/route of a laptop on Wi-Fi with Docker running. */
const ROUTES = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
wlp2s0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0
wlp2s0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0
`

describe('join link addresses', () => {
  it('finds the interface of the default route', () => {
    expect(defaultRouteInterface(ROUTES)).toBe('wlp2s0')
    expect(defaultRouteInterface(ROUTES.split('\n').filter((line) => !line.includes('\t00000000\t0101')).join('\n'))).toBeNull()
    expect(defaultRouteInterface(null)).toBeNull()
  })

  it('puts the default route’s address first, and container bridges and VPNs last', () => {
    const interfaces = {
      lo: [v4('127.0.0.1', true)],
      docker0: [v4('172.17.0.1')],
      tun0: [v4('10.8.0.6')],
      wlp2s0: [v4('192.168.1.23')],
      'br-5e2f': [v4('172.18.0.1')]
    }
    expect(joinAddresses(interfaces, 'wlp2s0')).toEqual(['192.168.1.23', '172.17.0.1', '10.8.0.6', '172.18.0.1'])
  })

  it('without a default route (a bare switch), prefers a private LAN address to a link-local or virtual one', () => {
    const interfaces = {
      docker0: [v4('172.17.0.1')],
      eth1: [v4('169.254.10.20')],
      eth0: [v4('10.20.30.40')]
    }
    expect(joinAddresses(interfaces, null)).toEqual(['10.20.30.40', '169.254.10.20', '172.17.0.1'])
  })
})
