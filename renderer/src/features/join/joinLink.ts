import { JOIN_ROUTE_FRAGMENT } from '../../../../shared/liveSession'
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
  const codeFromLink = url.hash.startsWith(JOIN_ROUTE_FRAGMENT) ? url.hash.slice(JOIN_ROUTE_FRAGMENT.length) : ''
  const code = readTypedCode(typedCode.trim() === '' ? codeFromLink : typedCode)
  if (!code.ok) return code
  return { ok: true, url: `${url.origin}/${JOIN_ROUTE_FRAGMENT}${code.code}` }
}
