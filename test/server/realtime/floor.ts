import type { TestCenter } from '../../helpers/test-center.ts'

/** A device's id and token, as TestCenter.createDevice returns them. */
export interface Paired {
  id: number
  token: string
}

/**
 * A two-floor center for the realtime tests: one service served by counter 1 (zone `ground`)
 * and counter 2 (zone `first`), a clerk for each, displays for each zone and one for all
 * zones, a kiosk and a manager. Counters are left closed unless `open` is set.
 */
export interface Floor {
  service: { id: number; prefix: string }
  ground: { id: number; number: number; name: string; zone: string }
  first: { id: number; number: number; name: string; zone: string }
  clerkGround: string
  clerkFirst: string
  displayGround: Paired
  displayFirst: Paired
  displayAll: Paired
  kiosk: Paired
  manager: string
}

export async function buildFloor(center: TestCenter, options: { open?: boolean } = {}): Promise<Floor> {
  const service = await center.createService({ prefix: 'A' })
  const ground = await center.createCounter({ number: 1, name: 'Ground 1', zone: 'ground', serviceIds: [service.id] })
  const first = await center.createCounter({ number: 2, name: 'First 2', zone: 'first', serviceIds: [service.id] })
  const clerkGround = (await center.createUser('clerk-ground')).token
  const clerkFirst = (await center.createUser('clerk-first')).token
  const floor: Floor = {
    service,
    ground,
    first,
    clerkGround,
    clerkFirst,
    displayGround: await center.createDevice('display', 'ground'),
    displayFirst: await center.createDevice('display', 'first'),
    displayAll: await center.createDevice('display'),
    kiosk: await center.createDevice('kiosk'),
    manager: (await center.createUser('manager', 'manager')).token,
  }
  if (options.open) {
    await openCounter(center, clerkGround, ground.id)
    await openCounter(center, clerkFirst, first.id)
  }
  return floor
}

/** POST /counters/:id/<action> that must answer 200; returns the body. */
export async function act(center: TestCenter, token: string, counterId: number, action: string, body?: unknown): Promise<any> {
  const res = await center.action(token, counterId, action, body)
  if (res.statusCode !== 200) throw new Error(`${action} at counter ${counterId}: ${res.statusCode} ${res.body}`)
  return res.json()
}

export const openCounter = (center: TestCenter, token: string, counterId: number) => act(center, token, counterId, 'open')
