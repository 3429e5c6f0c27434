import { expect, it } from 'vitest'
import { phoneRejoinable, phoneRejoinUrl } from '../../kiosk-ui/phone-rejoin.ts'

// walk s52: a cancelled Building permits ticket (service 1) was offered «انضم إلى الدور من جديد من هاتفك»
// though only services 3 and 4 took joins from a phone: offered only for the ticket's own service, open to joins
it('offers a phone rejoin only when the ticket’s own service takes joins from a phone now', () => {
  const joinable = [
    { id: 3, closedReason: null },
    { id: 4, closedReason: null },
    { id: 5, closedReason: 'cap' as const },
  ]
  expect(phoneRejoinable(joinable, 1)).toBe(false)
  expect(phoneRejoinable(joinable, 3)).toBe(true)
  // listed but not joinable now (its share of phone joins taken): the join page would refuse it
  expect(phoneRejoinable(joinable, 5)).toBe(false)
  expect(phoneRejoinable([], 3)).toBe(false)
  expect(phoneRejoinUrl('/c', 'ar', 3)).toBe('/c/join/ar/?service=3')
})
