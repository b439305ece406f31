/**
 * A random id for a note. Not crypto.randomUUID: that exists only in secure contexts,
 * and participants reach the host over plain http on the LAN.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
