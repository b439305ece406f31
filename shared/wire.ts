/**
 * JSON for the host-mode HTTP transport. Binary data (Yjs state) travels as
 * `{"$bytes": "<base64>"}`, so one codec carries every call in the contract.
 */

const BYTES_KEY = '$bytes'
const CHUNK = 0x8000

function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK))
  }
  return btoa(binary)
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export function toWire(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Uint8Array ? { [BYTES_KEY]: bytesToBase64(item) } : item
  )
}

/** Throws SyntaxError on malformed JSON or base64; callers turn that into a clear reply. */
export function fromWire(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const record = item as Record<string, unknown>
      const keys = Object.keys(record)
      if (keys.length === 1 && keys[0] === BYTES_KEY && typeof record[BYTES_KEY] === 'string') {
        try {
          return base64ToBytes(record[BYTES_KEY])
        } catch {
          throw new SyntaxError('binary data is not valid base64')
        }
      }
    }
    return item
  })
}
