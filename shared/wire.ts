/**
 * JSON for the host-mode HTTP transport. Binary data (Yjs state) travels as
 * `{"$bytes": "<base64>"}`, so one codec carries every call in the contract.
 */

const BYTES_KEY = '$bytes'
// A multiple of 3, so each chunk encodes to whole base64 quads that can be joined.
const CHUNK = 3 * 8192

// Native base64 on typed arrays (recent browsers) is many times faster than the fallback.
interface NativeBase64 {
  toBase64?: (this: Uint8Array) => string
}
const nativeToBase64 = (Uint8Array.prototype as NativeBase64).toBase64

function bytesToBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes)
  const parts: string[] = []
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(btoa(String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + CHUNK)))))
  }
  return parts.join('')
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
