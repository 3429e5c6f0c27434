import { Type, type Static } from '@sinclair/typebox'
import { DeviceKind, Lang, Nullable, Role, Zone } from './common.ts'
import { Device, User, WhenUnstaffed } from './entities.ts'
import { NationalCode } from './national-catalogue.ts'
import { PauseReason } from './pause-reasons.ts'
import { IconName, RequiredDocuments } from './service-menu.ts'

const Name = Type.String({ minLength: 1, maxLength: 120 })
const Password = Type.String({ minLength: 8, maxLength: 200 })

export const LoginBody = Type.Object(
  { username: Type.String({ minLength: 1, maxLength: 64 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
)
export type LoginBody = Static<typeof LoginBody>
export const LoginReply = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  user: Type.Object({ id: Type.Integer(), username: Type.String(), role: Role }),
})

const Prefix = Type.String({ pattern: '^[A-Z]{1,3}$', description: 'one to three capital Latin letters, e.g. A' })
const TargetWait = Type.Integer({ minimum: 1, maximum: 86_400 })
const DailyCap = Nullable(Type.Integer({ minimum: 1, maximum: 100_000 }))

export const CreateServiceBody = Type.Object(
  {
    prefix: Prefix,
    nameAr: Name,
    nameEn: Name,
    targetWaitSeconds: TargetWait,
    dailyCap: Type.Optional(DailyCap),
    active: Type.Optional(Type.Boolean()),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000 })),
    /** What the kiosk does while no counter serves it. Default not-offered. */
    whenUnstaffed: Type.Optional(WhenUnstaffed),
    /**
     * The national code it counts under at the hub (one of GET /services/national-codes once the hub
     * has sent its catalogue); null unmaps it. Default none. Refused while the hub manages it.
     */
    nationalCode: Type.Optional(Nullable(NationalCode)),
    /** What the citizen must bring, Arabic and English; at most MAX_DOCUMENTS of MAX_DOCUMENT_LENGTH characters. Default none. */
    documents: Type.Optional(RequiredDocuments),
    /** The kiosk asks "I have them" before issuing when the service has documents. Default true. */
    confirmDocuments: Type.Optional(Type.Boolean()),
    /** Its group on the kiosk menu (POST /service-groups); null: none. Default none. */
    groupId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
    /** Its icon on the kiosk, one of SERVICE_ICONS; null: none. Default none. */
    icon: Type.Optional(IconName),
  },
  { additionalProperties: false },
)
export type CreateServiceBody = Static<typeof CreateServiceBody>
export const UpdateServiceBody = Type.Partial(CreateServiceBody, { additionalProperties: false, minProperties: 1 })
export type UpdateServiceBody = Static<typeof UpdateServiceBody>

/**
 * serviceIds gives weight 1 to each; `services` sets weights explicitly. One of the two; an active
 * counter (the default) needs at least one service (server/config/counter-commands.ts), an inactive one may have none.
 */
const CounterServices = Type.Array(
  Type.Object(
    { serviceId: Type.Integer({ minimum: 1 }), weight: Type.Number({ minimum: 0, maximum: 100 }) },
    { additionalProperties: false },
  ),
  { maxItems: 100 },
)
export const CreateCounterBody = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 9999 }),
    name: Name,
    zone: Type.Optional(Zone),
    serviceIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 100, uniqueItems: true })),
    services: Type.Optional(CounterServices),
    active: Type.Optional(Type.Boolean()),
    /** One of the center's printers (GET /printers) for walk-ins issued here; null unbinds. Default none. */
    printerDeviceId: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  },
  { additionalProperties: false },
)
export type CreateCounterBody = Static<typeof CreateCounterBody>
/**
 * Any field of a new counter; `confirmUnserved: true` saves an edit that leaves a service with tickets
 * waiting and no active counter (refused otherwise: 409 LAST_COUNTER_OF_WAITING_SERVICE). Default false.
 */
export const UpdateCounterBody = Type.Composite(
  [Type.Partial(CreateCounterBody), Type.Object({ confirmUnserved: Type.Optional(Type.Boolean()) })],
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateCounterBody = Static<typeof UpdateCounterBody>

export const CreateUserBody = Type.Object(
  {
    username: Type.String({ minLength: 2, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }),
    password: Password,
    role: Role,
    displayName: Type.Optional(Type.String({ maxLength: 120 })),
  },
  { additionalProperties: false },
)
export type CreateUserBody = Static<typeof CreateUserBody>
export const UpdateUserBody = Type.Object(
  {
    password: Type.Optional(Password),
    role: Type.Optional(Role),
    displayName: Type.Optional(Type.String({ maxLength: 120 })),
    active: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type UpdateUserBody = Static<typeof UpdateUserBody>
export { User }

export const CreateDeviceBody = Type.Object(
  {
    kind: DeviceKind,
    name: Name,
    zone: Type.Optional(Nullable(Zone)),
    config: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
)
export type CreateDeviceBody = Static<typeof CreateDeviceBody>
export const UpdateDeviceBody = Type.Partial(Type.Omit(CreateDeviceBody, ['kind']), {
  additionalProperties: false,
  minProperties: 1,
})
export type UpdateDeviceBody = Static<typeof UpdateDeviceBody>
/**
 * POST /devices: the device with its one-time pairing code, or null for a kind that never pairs
 * (a printer, LED board or keypad: the server opens those itself; device-verdict.ts PAIRING_KINDS).
 */
export const CreatedDevice = Type.Composite([
  Device,
  Type.Object({ pairingCode: Nullable(Type.String({ description: 'null: a kind that never pairs (printer, board, keypad)' })) }),
])
/** How many hours a pairing code works after it is made (server/auth/tokens.ts); the dashboard says so beside the code. */
export const PAIRING_CODE_TTL_HOURS = 24
/** POST /devices/:id/pairing-code: a new one-time code for a kiosk, display or feedback tablet. */
export const DeviceWithPairingCode = Type.Composite([Device, Type.Object({ pairingCode: Type.String() })])
export const PairBody = Type.Object({ pairingCode: Type.String({ minLength: 4, maxLength: 32 }) }, { additionalProperties: false })
export type PairBody = Static<typeof PairBody>
export const PairReply = Type.Object({ token: Type.String(), device: Device })

export const IssueTicketBody = Type.Object(
  {
    serviceId: Type.Integer({ minimum: 1 }),
    priority: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9]{6,15}$' })),
    lang: Type.Optional(Lang),
    /** The citizen agreed to be texted about this ticket (SMS or WhatsApp) at `phone`; default false (nothing is sent). */
    messagesOptIn: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
export type IssueTicketBody = Static<typeof IssueTicketBody>

export const OpenCounterBody = Type.Object(
  { takeover: Type.Optional(Type.Boolean({ description: 'manager/admin: take the counter from the clerk holding it' })) },
  { additionalProperties: false },
)
/** A pause's reason is a code (protocol/pause-reasons.ts), never a label in someone's language. */
export const PauseBody = Type.Object({ reason: Type.Optional(PauseReason) }, { additionalProperties: false })
export const FinishBody = Type.Object(
  { outcome: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), note: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
)
export type FinishBody = Static<typeof FinishBody>
export const TransferBody = Type.Union(
  [
    Type.Object({ serviceId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
    Type.Object({ counterId: Type.Integer({ minimum: 1 }) }, { additionalProperties: false }),
  ],
  { description: 'either serviceId (back to that service queue) or counterId (to that counter)' },
)
export type TransferBody = Static<typeof TransferBody>
export const CallTicketBody = Type.Object({ ticketId: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false })
