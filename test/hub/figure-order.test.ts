import { afterEach, describe, expect, it } from 'vitest'
import { GOVERNORATE_CODES } from '../../protocol/governorates.ts'
import type { FigureRow, HubDashboard } from '../../protocol/hub-api.ts'
import { zeroCounts } from '../../protocol/upstream.ts'
import { addNationalService, BACKENDS, type Backend, registerCenter, startTestHub, type TestHub } from './hub-harness.ts'
import { finalHour, ingestNow } from './final-hour.ts'

/**
 * "By governorate" (and by center, by service) rows come in one order on every store: code-point
 * order of the key (hub/figure-order.ts), not the database's collation. SQLite compares bytes;
 * a PostgreSQL cluster made with a language locale (here ICU en-US) sorts `c-2` before `C-3` and
 * weighs punctuation its own way, and the rows came back in another order than on SQLite.
 */

const DAY = '2026-03-01'
/** Ids whose byte order and en-US order differ (case, `_` against `-`, digits against letters). */
const CENTER_IDS = ['c-2', 'C-3', 'd_1', 'D-0', 'a.9', 'B-7', '9-z']
/** National codes (upper case) whose punctuation the two orders weigh apart (`_` against `-` and `.`). */
const SERVICE_CODES = ['PERMIT_2', 'PERMIT-1', 'ID.CARD', 'ID_RENEW', 'PASSPORT']

const STORES: { backend: Backend; icu?: string }[] = BACKENDS.flatMap((backend): { backend: Backend; icu?: string }[] =>
  backend === 'postgres' ? [{ backend }, { backend, icu: 'en-US' }] : [{ backend }],
)

const codePointSorted = (keys: readonly string[]) => [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

describe.each(STORES)('figures in one order on $backend $icu', ({ backend, icu }) => {
  let hub: TestHub
  afterEach(async () => {
    await hub?.close()
  })

  it('governorates by code, centers by id, services by code then unmapped, in code-point order', async () => {
    hub = await startTestHub({ backend, pgIcuLocale: icu })
    for (const code of SERVICE_CODES) await addNationalService(hub, code)
    // the centers spread over the governorates backwards, so an unsorted answer shows
    const governorates = [...GOVERNORATE_CODES].reverse()
    for (const [i, id] of CENTER_IDS.entries()) {
      await registerCenter(hub, id, { governorate: governorates[i * 3] })
      const rows = [
        ...SERVICE_CODES.map((nationalCode, s) => ({
          serviceCode: String.fromCharCode(65 + s),
          serviceNameAr: 'خدمة',
          serviceNameEn: 'Service',
          nationalCode,
          ...zeroCounts(),
          // equal figures: nothing but the order of the keys decides
          issued: 4,
        })),
        { serviceCode: 'Z', serviceNameAr: 'بلا رمز', serviceNameEn: 'No code', ...zeroCounts(), issued: 1 },
      ]
      const batch = finalHour(id, DAY, rows)
      await ingestNow(hub.store, batch)
    }
    const keys = async (by: string) =>
      ((await (await fetch(`${hub.url}/api/hub/v1/figures?from=${DAY}&by=${by}`)).json()) as { rows: FigureRow[] }).rows.map((r) => r.key)

    const byGovernorate = await keys('governorate')
    expect(byGovernorate).toEqual(codePointSorted(CENTER_IDS.map((_, i) => governorates[i * 3]!)))
    expect(await keys('center')).toEqual(codePointSorted(CENTER_IDS))
    const byService = await keys('service')
    const unmapped = codePointSorted(CENTER_IDS.map((id) => `unmapped:${id}:Z`))
    expect(byService).toEqual([...codePointSorted(SERVICE_CODES), ...unmapped])
    // the dashboard's tables start from the same order
    const dashboard: HubDashboard = await (await fetch(`${hub.url}/api/hub/v1/dashboard?from=${DAY}&to=${DAY}`)).json()
    expect(dashboard.byGovernorate.map((r) => r.key)).toEqual(byGovernorate)
    expect(dashboard.byCenter.map((r) => r.key)).toEqual(codePointSorted(CENTER_IDS))
  })
})
