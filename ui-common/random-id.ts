/**
 * A random UUID (v4). `crypto.randomUUID` exists only in secure contexts (https, localhost),
 * and a kiosk usually loads its page over plain http from the center's LAN address, so this
 * builds one from `crypto.getRandomValues`, which works everywhere.
 */
export function randomUuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16))
  b[6] = (b[6] & 0x0f) | 0x40
  b[8] = (b[8] & 0x3f) | 0x80
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
