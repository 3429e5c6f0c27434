import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { BOOKING_CODE_ALPHABET } from '../../../protocol/booking-code-form.ts'
import { BookingCodes, codeInText, normaliseCode } from '../../../server/queue/booking-code.ts'

const here = new BookingCodes(Buffer.alloc(32, 1))
const there = new BookingCodes(Buffer.alloc(32, 2))

describe('booking codes', () => {
  it('look like TTTT-RRRR-RRRR-MMMM, start with the center tag and differ every time', () => {
    const codes = new Set(Array.from({ length: 200 }, () => here.issue()))
    expect(codes.size).toBe(200)
    for (const c of codes) {
      expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/)
      expect(c.startsWith(here.tag)).toBe(true)
      expect(here.check(c)).toEqual({ ok: true, code: c })
    }
    expect(here.tag).not.toBe(there.tag)
  })

  it('accept what a person types: lower case, no dashes, O for 0, I or L for 1, spaces', () => {
    const c = here.issue()
    const sloppy = c.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o').replace(/1/g, 'l')
    expect(here.check(sloppy)).toEqual({ ok: true, code: c })
  })

  it('accept the manage link of the QR', () => {
    const c = here.issue()
    expect(here.check(`https://center.example/b/${c}`)).toEqual({ ok: true, code: c })
    expect(here.check(`https://center.example/booking/?code=${c}&lang=en`)).toEqual({ ok: true, code: c })
    expect(codeInText('https://center.example/t/abcdefabcdefabcdefabcd')).toBeNull()
  })

  it("read a code whose center tag is mistyped as this center's, not another center's", () => {
    const c = here.issue()
    const typo = (c[0] === 'X' ? 'Y' : 'X') + c.slice(1)
    expect(here.check(typo)).toEqual({ ok: true, code: c })
    // elsewhere the typo breaks the code's public check: a code to check, not "another center's booking"
    expect(there.check(typo)).toEqual({ ok: false, problem: 'forged' })
    expect(there.check(c)).toEqual({ ok: false, problem: 'other_center' })
  })

  it("call a code another center's only when it is one: a made-up or mistyped code is a code to check (walk s54)", () => {
    // what the walker typed at the kiosk's «لديّ حجز»: it was «هذا الحجز في مركز آخر.»
    expect(here.check('AAAA-BBBB-CCCC-DDDD')).toEqual({ ok: false, problem: 'forged' })
    expect(here.check('1234-5678-9ABC-DEFG')).toEqual({ ok: false, problem: 'forged' })
    const theirs = there.issue()
    expect(here.check(theirs)).toEqual({ ok: false, problem: 'other_center' })
    // every single changed character of the random part, and every swap of two neighbours, of their code
    for (let i = 5; i < 14; i++) {
      if (theirs[i] === '-') continue
      const changed = theirs.slice(0, i) + (theirs[i] === 'Z' ? 'Y' : 'Z') + theirs.slice(i + 1)
      expect(here.check(changed)).toEqual({ ok: false, problem: 'forged' })
    }
    const plain = theirs.replace(/-/g, '')
    for (let i = 0; i < 11; i++) {
      if (plain[i] === plain[i + 1]) continue
      const swapped = plain.slice(0, i) + plain[i + 1] + plain[i] + plain.slice(i + 2)
      expect(here.check(swapped)).toEqual({ ok: false, problem: 'forged' })
    }
    // of many made-up codes, about one in a thousand passes the public check by chance
    let calledOthers = 0
    for (let n = 0; n < 4000; n++) {
      const bytes = createHash('sha256').update(String(n)).digest()
      const made = Array.from({ length: 16 }, (_, i) => BOOKING_CODE_ALPHABET[bytes[i]! & 31]).join('')
      const check = here.check(made)
      if (!check.ok && check.problem === 'other_center') calledOthers++
    }
    expect(calledOthers).toBeLessThan(20)
  })

  it('recognise another center and refuse a forged or malformed code', () => {
    expect(here.check(there.issue())).toEqual({ ok: false, problem: 'other_center' })
    const c = here.issue()
    const last = c.at(-1) === '0' ? '1' : '0'
    expect(here.check(c.slice(0, -1) + last)).toEqual({ ok: false, problem: 'forged' })
    const middle = c.slice(0, 7) + (c[7] === '0' ? '1' : '0') + c.slice(8)
    expect(here.check(middle)).toEqual({ ok: false, problem: 'forged' })
    for (const bad of ['', 'ABC', `${c}X`, 'UUUU-UUUU-UUUU-UUUU']) expect(here.check(bad)).toEqual({ ok: false, problem: 'malformed' })
    expect(normaliseCode('UUUU-UUUU-UUUU-UUUU')).toBeNull()
  })
})
