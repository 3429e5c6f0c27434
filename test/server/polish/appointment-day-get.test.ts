import { afterEach, describe, expect, it } from 'vitest'
import { TestCenter } from '../../helpers/test-center.ts'
import { expectError } from '../routes/route-helpers.ts'
import { ErrorCodes } from '../../../protocol/error-codes.ts'

/** Finding 7 of the walk-through: the day editor reads what is set for a day (GET) before a manager changes it. */
describe('GET /api/v1/appointments/days/:id/:day', () => {
  let center: TestCenter | undefined
  afterEach(async () => center?.close())

  it('answers what is set (nothing: not blocked, 0 extra), managers only, 404 for an unknown service', async () => {
    center = await TestCenter.start()
    const c = center
    const admin = await c.admin()
    const manager = (await c.createUser('mgr', 'manager')).token
    const clerk = (await c.createUser('clerk1')).token
    const service = await c.createService({ prefix: 'A' })
    const url = `/api/v1/appointments/days/${service.id}/2030-01-05`
    expect((await c.request('GET', url, { token: manager })).json()).toEqual({ blocked: false, extraPerSlot: 0 })
    expect((await c.request('PUT', url, { token: manager, body: { blocked: true, extraPerSlot: 3 } })).statusCode).toBe(200)
    const got = await c.request('GET', url, { token: manager })
    expect(got.statusCode, got.body).toBe(200)
    expect(got.json()).toEqual({ blocked: true, extraPerSlot: 3 })
    // another day of the same service is untouched
    expect((await c.request('GET', `/api/v1/appointments/days/${service.id}/2030-01-06`, { token: admin })).json()).toEqual({
      blocked: false,
      extraPerSlot: 0,
    })
    expectError(await c.request('GET', url, { token: clerk }), 403, ErrorCodes.FORBIDDEN)
    expectError(await c.request('GET', `/api/v1/appointments/days/999/2030-01-05`, { token: admin }), 404, ErrorCodes.SERVICE_NOT_FOUND)
  })
})
