/**
 * What the center's call policy means for a kiosk's ticket. A module of its own, without
 * TypeBox: the kiosk's first screen needs this and none of the settings' schemas (issue 22:
 * importing it from settings.ts put TypeBox, about 40 KB of script, in the kiosk's first chunk).
 */

/**
 * True when the center's call policy serves priority categories first (`priority`). Under
 * `fifo` or `sla` a category changes nothing, so the kiosk neither asks for one nor promises
 * it, and the server records none on a kiosk's ticket (server/queue/ticket-issuer.ts).
 */
export function policyHonoursPriority(callPolicy: string | null | undefined): boolean {
  return callPolicy === 'priority'
}
