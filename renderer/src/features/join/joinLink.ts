import { hashFor, parseRoute } from '../../routes'
import { readTypedCode } from './joinCodeInput'

export type JoinLink = { ok: true; url: string } | { ok: false; problem: string }

/**
 * The participant link for what someone typed in "Join a session": the address from the
 * facilitator's screen (a whole join link, or just host and port) and the code.
 */
export function buildJoinLink(typedAddress: string, typedCode: string): JoinLink {
  const address = typedAddress.trim()
  if (address === '') return { ok: false, problem: 'Type the address shown on the facilitator’s screen, like 192.168.1.20:4321.' }
  let url: URL
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(address) ? address : `http://${address}`)
  } catch {
    return { ok: false, problem: `“${address}” is not an address. It looks like 192.168.1.20:4321.` }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, problem: 'The address starts with http://, like http://192.168.1.20:4321.' }
  }
  const linked = parseRoute(url.hash)
  const fromLink = linked.screen === 'join' ? linked : null
  const code = readTypedCode(typedCode.trim() === '' ? (fromLink?.code ?? '') : typedCode)
  if (!code.ok) return code
  // The host's key stays with the link it came in: the session's page checks it.
  const hostKey = fromLink?.hostKey
  return { ok: true, url: `${url.origin}/${hashFor(hostKey ? { screen: 'join', code: code.code, hostKey } : { screen: 'join', code: code.code })}` }
}
