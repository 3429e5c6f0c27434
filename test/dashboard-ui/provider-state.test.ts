import { expect, it } from 'vitest'
import { providerState } from '../../dashboard-ui/provider-state.ts'

// walk s52: the messages card said «متصل» (connected) while every message failed with "provider answered 404"
const at = Date.parse('2026-12-07T11:25:00Z') // 13:25 in Cairo
/** The clock's narrow no-break space as a plain one. */
const plain = (text: string) => text.replace(/\s/g, ' ')
const health = { up: true, lastError: null, since: at - 3_600_000, pending: 0 }

it('an answering provider whose latest messages all failed reads failing, with how many, what and when; else connected', () => {
  const failing = { ...health, failing: { count: 5, lastError: 'TABOUR_ERR_MESSAGE_REFUSED: provider answered 404', at } }
  const en = providerState(failing, 'en', 'western', 'Africa/Cairo')
  expect({ ...en, text: plain(en.text) }).toEqual({
    tone: 'bad',
    state: 'failing',
    text: 'The last 5 messages failed: the provider answered 404 at 1:25 PM',
    title: 'TABOUR_ERR_MESSAGE_REFUSED: provider answered 404',
  })
  const ar = providerState(failing, 'ar', 'arabic-indic', 'Africa/Cairo').text
  expect(ar).toMatch(/^فشلت آخر ٥ رسائل: ردّ المزوّد بالرمز ٤٠٤، الساعة .*١:٢٥/)
  expect(ar).not.toContain('متصل')
  // another error is said as recorded, without its code
  const other = { ...health, failing: { count: 1, lastError: 'TABOUR_ERR_MESSAGE_REFUSED: destination not served', at } }
  expect(plain(providerState(other, 'en', 'western', 'Africa/Cairo').text)).toBe(
    'The last message failed: destination not served at 1:25 PM',
  )
  expect(providerState(health, 'ar', 'western', 'Africa/Cairo')).toMatchObject({ tone: 'ok', state: 'up', text: 'متصل' })
  expect(providerState({ ...health, up: false }, 'en', 'western', 'Africa/Cairo')).toMatchObject({ state: 'down', text: 'Not connected' })
})
