import type { Db } from '../connection.ts'

/** The citizen's explicit yes to messages about a ticket (table message_consent), written with the ticket. */
export class MessageConsentRepo {
  constructor(private readonly db: Db) {}

  record(ticketId: string, at: number): void {
    this.db.prepare('INSERT INTO message_consent (ticket_id, at) VALUES (?, ?) ON CONFLICT (ticket_id) DO NOTHING').run(ticketId, at)
  }

  has(ticketId: string): boolean {
    return this.db.prepare('SELECT 1 FROM message_consent WHERE ticket_id = ?').get(ticketId) !== undefined
  }
}
