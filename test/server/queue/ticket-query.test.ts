import { describe, expect, it } from 'vitest'
import { parseTicketQuery, westernDigits } from '../../../server/queue/ticket-query.ts'

describe('reading what a clerk types or scans to find a ticket', () => {
  it('reads a label however it is spelled', () => {
    for (const q of ['A-15', 'a15', 'A-015', 'a 015', 'A_15', ' A-0015 ', 'A-١٥', 'a۰۱۵', 'Ａ-15'])
      expect(parseTicketQuery(q), q).toEqual({ kind: 'label', prefix: 'A', number: 15 })
    expect(parseTicketQuery('ABC-1000')).toEqual({ kind: 'label', prefix: 'ABC', number: 1000 })
    expect(parseTicketQuery('١٥')).toEqual({ kind: 'label', prefix: null, number: 15 })
    expect(parseTicketQuery('A-000')).toEqual({ kind: 'label', prefix: 'A', number: 0 })
  })

  it('takes the ticket id out of its status link, whatever the host, base path, query or fragment', () => {
    const id = 'q3L0V2cYc5Vv1Jx4QpS7bA'
    for (const q of [`http://10.0.0.2:8080/t/${id}`, `https://center.example/tabour/t/${id}?lang=en`, `/t/${id}#top`, ` ${id} `])
      expect(parseTicketQuery(q), q).toEqual({ kind: 'id', id })
  })

  it('gives up on anything else', () => {
    for (const q of ['', '   ', 'مرحبا', 'A-B', 'ABCD-1', 'A-1234567', 'http://x/t/short', 'http://x/t/%E0%A4%A'])
      expect(parseTicketQuery(q), q).toBeNull()
  })

  it('turns Arabic-Indic and Persian digits into Western ones and leaves the rest', () => {
    expect(westernDigits('٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ A-7')).toBe('0123456789 0123456789 A-7')
  })
})
