import { describe, expect, it } from 'vitest'
import { auditActorText, auditChangeText, auditDetailKey, type AuditChange } from '../../protocol/messages/audit-log.ts'
import { CONFIG_COMMANDS } from '../../server/config/config-audit.ts'
import { AUDIT_ROUTES } from '../../server/routes/settings/audit-routes.ts'

/** A sentence as read: without the isolates that keep a name's direction. */
const read = (s: string) => s.replace(/[\u2068\u2069]/g, '')
const change = (command: string, params: Record<string, unknown> = {}, body: unknown = {}): AuditChange => {
  const route = AUDIT_ROUTES[command as keyof typeof AUDIT_ROUTES]
  return { command, params, body, method: route?.method ?? 'POST', route: route?.route ?? '/x' }
}

describe('the audit log as sentences (walk 2026-12-06: raw requests, «—» for a pairing)', () => {
  it('says a settings change by its fields as the form labels them, in the page language', () => {
    const digits = change('settings.update', {}, { digits: 'arabic-indic', language: 'ar' })
    expect(read(auditChangeText(digits, null, 'ar', 'arabic-indic'))).toBe('عُدّلت إعدادات المركز: الأرقام، لغة البدء')
    expect(read(auditChangeText(digits, null, 'en', 'western'))).toBe('Center settings changed: Digits, Start language')
    // a label that names its scale says the setting's own (5), not «من ٠» / "of 0"
    const rating = change('settings.update', {}, { feedbackAlertBelowAverage: 3 })
    expect(read(auditChangeText(rating, null, 'en', 'western'))).toContain('(of 5)')
    expect(read(auditChangeText(rating, null, 'ar', 'arabic-indic'))).toContain('(من ٥)')
  })

  it('names what changed, or its number in the page digits when it is gone', () => {
    expect(read(auditChangeText(change('device.pair', {}, { pairingCode: '***' }), 'كشك المدخل', 'ar', 'western'))).toBe(
      'رُبط الجهاز «كشك المدخل»',
    )
    expect(read(auditChangeText(change('device.pair'), 'Entrance kiosk', 'en', 'western'))).toBe('Device “Entrance kiosk” paired')
    expect(read(auditChangeText(change('service.update', { id: 12 }), null, 'ar', 'arabic-indic'))).toBe('عُدّلت الخدمة رقم ١٢')
    expect(read(auditChangeText(change('appointments.day', { id: 3, day: '2026-12-24' }), 'تراخيص', 'ar', 'arabic-indic'))).toBe(
      'عُدّل يوم ٢٠٢٦-١٢-٢٤ في مواعيد الخدمة «تراخيص»',
    )
  })

  it('has a sentence for every configuration command in both languages; an unknown one is its request', () => {
    for (const command of CONFIG_COMMANDS)
      for (const lang of ['ar', 'en'] as const)
        expect(auditChangeText(change(command), 'x', lang, 'western'), command).not.toMatch(/^(POST|PUT|PATCH|DELETE|HUB) /)
    expect(auditChangeText({ command: null, params: {}, body: {}, method: 'PUT', route: '/settings' }, null, 'ar', 'western')).toBe(
      'PUT /settings',
    )
  })

  it('says a refused bundle by its version and why, in the page language (walk s52: no row said it)', () => {
    const refused = change(
      'config-bundle.refuse',
      { version: 2 },
      { version: 2, code: 'TABOUR_BUNDLE_UNKNOWN_SERVICE', reason: 'bundle 2: …' },
    )
    expect(auditChangeText(refused, null, 'en', 'western')).toBe(
      'Configuration bundle 2 from the national hub refused; nothing of it applied: Its service mapping names a service the center does not have',
    )
    expect(auditChangeText(refused, null, 'ar', 'arabic-indic')).toBe(
      'رفض المركز حزمة الإعدادات رقم ٢ من الجهة المركزية، فلم يُطبَّق منها شيء: يربط جدول الخدمات خدمة ليست في المركز',
    )
    // folded under it: the refusal the center recorded, not "what the bundle wrote" (it wrote nothing)
    expect(auditDetailKey({ method: 'HUB', command: 'config-bundle.refuse' })).toBe('audit.bundleRefusal')
    expect(auditDetailKey({ method: 'HUB', command: 'news.set' })).toBe('audit.bundleWrote')
    expect(auditDetailKey({ method: 'PUT', command: 'news.set' })).toBe('audit.request')
  })

  it('says who: the user, the device that paired, the hub, else the system', () => {
    expect(auditActorText({ username: 'admin', deviceName: null, method: 'PUT' }, null, 'ar')).toBe('admin')
    expect(read(auditActorText({ username: null, deviceName: 'كشك · Kiosk', method: 'POST' }, 'Kiosk', 'en'))).toBe('Device “Kiosk”')
    expect(auditActorText({ username: null, deviceName: null, method: 'HUB' }, null, 'ar')).toBe('الجهة المركزية')
    expect(auditActorText({ username: null, deviceName: null, method: 'PUT' }, null, 'en')).toBe('The system')
  })
})
