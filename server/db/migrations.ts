/**
 * Versioned schema migrations, applied in order by migrate.ts. Never edit a shipped migration:
 * add a new one. Times are epoch milliseconds (UTC); `day` columns hold the center's local
 * day (YYYY-MM-DD) so "today" never has to be recomputed across DST changes.
 */
export interface Migration {
  version: number
  name: string
  sql: string
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  password_hash TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'manager', 'clerk')),
  display_name  TEXT NOT NULL DEFAULT '',
  active        INTEGER NOT NULL DEFAULT 1,
  created_at    INTEGER NOT NULL
);

CREATE TABLE services (
  id                  INTEGER PRIMARY KEY,
  prefix              TEXT NOT NULL UNIQUE,
  name_ar             TEXT NOT NULL,
  name_en             TEXT NOT NULL,
  target_wait_seconds INTEGER NOT NULL CHECK (target_wait_seconds > 0),
  daily_cap           INTEGER CHECK (daily_cap IS NULL OR daily_cap > 0),
  active              INTEGER NOT NULL DEFAULT 1,
  sort_order          INTEGER NOT NULL DEFAULT 0,
  created_at          INTEGER NOT NULL
);

CREATE TABLE counters (
  id                INTEGER PRIMARY KEY,
  number            INTEGER NOT NULL UNIQUE,
  name              TEXT NOT NULL,
  zone              TEXT NOT NULL DEFAULT 'main',
  state             TEXT NOT NULL DEFAULT 'closed' CHECK (state IN ('closed', 'open', 'paused')),
  clerk_id          INTEGER REFERENCES users(id),
  current_ticket_id TEXT UNIQUE,
  priority_streak   INTEGER NOT NULL DEFAULT 0,
  pause_reason      TEXT,
  active            INTEGER NOT NULL DEFAULT 1,
  created_at        INTEGER NOT NULL
);
-- one clerk, one counter
CREATE UNIQUE INDEX counters_one_per_clerk ON counters(clerk_id) WHERE clerk_id IS NOT NULL;

CREATE TABLE counter_services (
  counter_id INTEGER NOT NULL REFERENCES counters(id) ON DELETE CASCADE,
  service_id INTEGER NOT NULL REFERENCES services(id),
  weight     REAL NOT NULL DEFAULT 1 CHECK (weight >= 0),
  PRIMARY KEY (counter_id, service_id)
);

CREATE TABLE devices (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'printer', 'board', 'keypad')),
  name               TEXT NOT NULL,
  zone               TEXT,
  config             TEXT NOT NULL DEFAULT '{}',
  pairing_code       TEXT UNIQUE,
  pairing_expires_at INTEGER,
  paired_at          INTEGER,
  last_seen_at       INTEGER,
  revoked_at         INTEGER,
  created_at         INTEGER NOT NULL
);

-- Bearer tokens of users and devices, stored as SHA-256 hashes: a copy of the database
-- does not hand out working tokens.
CREATE TABLE tokens (
  token_hash   TEXT PRIMARY KEY,
  subject_type TEXT NOT NULL CHECK (subject_type IN ('user', 'device')),
  subject_id   INTEGER NOT NULL,
  created_at   INTEGER NOT NULL,
  expires_at   INTEGER,
  revoked_at   INTEGER
);
CREATE INDEX tokens_subject ON tokens(subject_type, subject_id);

-- The last number handed out per service per local day; bumped in the same transaction
-- that inserts the ticket, so a number is never reused or duplicated.
CREATE TABLE ticket_sequences (
  service_id  INTEGER NOT NULL REFERENCES services(id),
  day         TEXT NOT NULL,
  last_number INTEGER NOT NULL,
  PRIMARY KEY (service_id, day)
);

CREATE TABLE tickets (
  id                TEXT PRIMARY KEY,
  service_id        INTEGER NOT NULL REFERENCES services(id),
  -- the service that issued the number: a transferred A-001 keeps its label in B's line
  issued_service_id INTEGER NOT NULL REFERENCES services(id),
  day               TEXT NOT NULL,
  number            INTEGER NOT NULL,
  label             TEXT NOT NULL,
  priority          TEXT NOT NULL DEFAULT 'none',
  phone             TEXT,
  lang              TEXT NOT NULL DEFAULT 'ar',
  status            TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled')),
  issued_at         INTEGER NOT NULL,
  queued_at         INTEGER NOT NULL,
  called_at         INTEGER,
  started_at        INTEGER,
  finished_at       INTEGER,
  counter_id        INTEGER REFERENCES counters(id),
  target_counter_id INTEGER REFERENCES counters(id),
  clerk_id          INTEGER REFERENCES users(id),
  recall_count      INTEGER NOT NULL DEFAULT 0,
  transfer_count    INTEGER NOT NULL DEFAULT 0,
  outcome           TEXT,
  issued_by_type    TEXT NOT NULL CHECK (issued_by_type IN ('user', 'device', 'system')),
  issued_by_id      INTEGER,
  idempotency_key   TEXT,
  UNIQUE (issued_service_id, day, number),
  UNIQUE (issued_by_type, issued_by_id, idempotency_key)
);
CREATE INDEX tickets_waiting ON tickets(status, service_id, queued_at, number);
CREATE INDEX tickets_day ON tickets(day, service_id);
CREATE INDEX tickets_done ON tickets(service_id, finished_at) WHERE status = 'done';
-- at most one active ticket per counter, enforced by the database itself
CREATE UNIQUE INDEX tickets_one_active_per_counter ON tickets(counter_id) WHERE status IN ('called', 'serving');

-- Append-only log of every ticket, counter and clerk state change. Reports and upstream
-- figures are derived from it.
CREATE TABLE events (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  at         INTEGER NOT NULL,
  day        TEXT NOT NULL,
  type       TEXT NOT NULL,
  ticket_id  TEXT,
  counter_id INTEGER,
  service_id INTEGER,
  user_id    INTEGER,
  device_id  INTEGER,
  data       TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX events_day_type ON events(day, type);
CREATE INDEX events_ticket ON events(ticket_id);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
`,
  },
  {
    version: 2,
    name: "center settings (the displays' news line)",
    sql: `
-- Center-wide settings edited at run time (not in the config file): one JSON value per key.
CREATE TABLE center_settings (
  key        TEXT PRIMARY KEY,
  value      TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  updated_by INTEGER REFERENCES users(id)
);
`,
  },
  {
    version: 3,
    name: 'upstream outbox (hourly throughput for the national hub)',
    sql: `
-- Batches for the national hub, one per local hour and revision, kept until the hub
-- acknowledges them (server/upstream/). Sent in id order; the id is the batch's seq.
CREATE TABLE upstream_outbox (
  id              INTEGER PRIMARY KEY AUTOINCREMENT,
  day             TEXT NOT NULL,
  hour            INTEGER NOT NULL,
  revision        INTEGER NOT NULL,
  final           INTEGER NOT NULL,
  figures         TEXT NOT NULL,
  created_at      INTEGER NOT NULL,
  attempts        INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT
);
CREATE INDEX upstream_outbox_hour ON upstream_outbox(day, hour);
-- The latest revision made of each local hour and a hash of its figures (a new revision only when they change).
CREATE TABLE upstream_hours (
  day         TEXT NOT NULL,
  hour        INTEGER NOT NULL,
  revision    INTEGER NOT NULL,
  final       INTEGER NOT NULL,
  fingerprint TEXT NOT NULL,
  PRIMARY KEY (day, hour)
);
-- How far the reporter has read: the last event id and the time of the last scan.
CREATE TABLE upstream_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    version: 4,
    name: 'report rollups (derived from the event log, rebuilt at will)',
    sql: `
-- What the reports read instead of scanning the event log: the ticket.* events folded per
-- local day × service × counter × user, and per local day × hour × service, with the exact
-- wait and service times kept as text lists (for exact percentiles). Derived data only:
-- server/reports/rollup.ts folds new events in before every report and can rebuild it all
-- (a change of time zone does). 0 stands for "none" in the key columns.
CREATE TABLE report_day (
  day         TEXT NOT NULL,
  service_id  INTEGER NOT NULL,
  counter_id  INTEGER NOT NULL,
  user_id     INTEGER NOT NULL,
  issued      INTEGER NOT NULL DEFAULT 0,
  called      INTEGER NOT NULL DEFAULT 0,
  served      INTEGER NOT NULL DEFAULT 0,
  no_show     INTEGER NOT NULL DEFAULT 0,
  cancelled   INTEGER NOT NULL DEFAULT 0,
  transferred INTEGER NOT NULL DEFAULT 0,
  wait_sum    REAL NOT NULL DEFAULT 0,
  wait_max    REAL,
  within      INTEGER NOT NULL DEFAULT 0,
  svc_sum     REAL NOT NULL DEFAULT 0,
  busy_ms     INTEGER NOT NULL DEFAULT 0,
  waits       TEXT NOT NULL DEFAULT '',
  svcs        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (day, service_id, counter_id, user_id)
) WITHOUT ROWID;
CREATE TABLE report_hour (
  day         TEXT NOT NULL,
  hour        INTEGER NOT NULL,
  service_id  INTEGER NOT NULL,
  issued      INTEGER NOT NULL DEFAULT 0,
  called      INTEGER NOT NULL DEFAULT 0,
  served      INTEGER NOT NULL DEFAULT 0,
  no_show     INTEGER NOT NULL DEFAULT 0,
  cancelled   INTEGER NOT NULL DEFAULT 0,
  transferred INTEGER NOT NULL DEFAULT 0,
  wait_sum    REAL NOT NULL DEFAULT 0,
  wait_max    REAL,
  within      INTEGER NOT NULL DEFAULT 0,
  svc_sum     REAL NOT NULL DEFAULT 0,
  busy_ms     INTEGER NOT NULL DEFAULT 0,
  waits       TEXT NOT NULL DEFAULT '',
  svcs        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (day, hour, service_id)
) WITHOUT ROWID;
-- the last event folded in and the time zone the hours were cut in
CREATE TABLE report_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
`,
  },
  {
    version: 5,
    name: 'report rollups count the tickets that left the line uncalled after their target wait (SLA misses)',
    // the rollups are derived: emptied here and folded again from the event log on the next report
    sql: `
ALTER TABLE report_day ADD COLUMN missed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE report_hour ADD COLUMN missed INTEGER NOT NULL DEFAULT 0;
DELETE FROM report_day;
DELETE FROM report_hour;
DELETE FROM report_state;
`,
  },
  {
    version: 6,
    name: "a counter's printer (walk-in tickets issued there print on it)",
    sql: `
-- A reference to one of the center's printers (a kiosk's or a stand-alone printer device), not
-- a printer config of its own: one physical printer keeps one connection, one health report
-- and one place to change its address. No row: walk-ins are shown on the clerk's screen.
CREATE TABLE counter_printers (
  counter_id INTEGER PRIMARY KEY REFERENCES counters(id) ON DELETE CASCADE,
  device_id  INTEGER NOT NULL REFERENCES devices(id)
);
`,
  },
  {
    version: 7,
    name: 'upstream dead letters (a batch the hub can never accept is parked, not retried)',
    sql: `
-- A batch the hub refused as malformed (400, 413) would block every later batch if retried:
-- it stays here, parked (nothing is deleted), and the reporter goes on with the next one.
ALTER TABLE upstream_outbox ADD COLUMN parked_at INTEGER;
`,
  },
  {
    version: 8,
    name: 'staffing: what a service does when no counter serves it; counters whose clerk is away',
    sql: `
-- not-offered: the kiosk does not sell it while no open or paused counter serves it;
-- offer-without-estimate: sold with "no counter is open now" and no estimate
ALTER TABLE services ADD COLUMN when_unstaffed TEXT NOT NULL DEFAULT 'not-offered'
  CHECK (when_unstaffed IN ('not-offered', 'offer-without-estimate'));
-- since when the counter's clerk has had no live console (null: present); an away counter
-- leaves staffing and the estimates until its clerk's console reconnects or a manager closes it
ALTER TABLE counters ADD COLUMN away_since INTEGER;
`,
  },
  {
    version: 9,
    name: 'pairing codes kept as keyed digests, never in clear',
    sql: `
-- a code is now stored as its HMAC (server/auth/pairing-codes.ts) in pairing_code_hash. Codes
-- stored in clear cannot be turned into digests here (the key is not in the database), so they
-- are dropped: issue a new code for a device still waiting to pair. The old column stays, always
-- NULL (SQLite cannot drop a UNIQUE column).
UPDATE devices SET pairing_code = NULL, pairing_expires_at = NULL WHERE pairing_code IS NOT NULL;
ALTER TABLE devices ADD COLUMN pairing_code_hash TEXT;
CREATE UNIQUE INDEX devices_pairing_code_hash ON devices(pairing_code_hash) WHERE pairing_code_hash IS NOT NULL;
`,
  },
  {
    version: 10,
    name: 'national service codes: the hub catalogue the center holds, and the national code of each service',
    sql: `
-- the hub's national catalogue as last received (the heartbeat answer); replaced as a whole
CREATE TABLE national_services (
  code     TEXT PRIMARY KEY,
  name_ar  TEXT NOT NULL,
  name_en  TEXT NOT NULL,
  group_ar TEXT NOT NULL DEFAULT '',
  group_en TEXT NOT NULL DEFAULT ''
);
-- null: unmapped (the hub shows it as this center's own service); locked: set by the hub's
-- configuration, which the center admin can see but not change
ALTER TABLE services ADD COLUMN national_code TEXT;
ALTER TABLE services ADD COLUMN national_code_locked INTEGER NOT NULL DEFAULT 0 CHECK (national_code_locked IN (0, 1));
`,
  },
  {
    version: 11,
    name: 'room for appointments, remote join, parking and feedback tablets: new ticket states and origins, a new device kind',
    sql: `
-- SQLite cannot widen a CHECK in place: both tables are rebuilt with the same columns (migrate.ts
-- runs this with foreign keys off and checks them before committing).
--   status  + remote: joined from a phone, holds a place, not callable until the citizen arrives
--           + parked: set aside by a clerk (waiting for a document), resumed ahead of the line
--           + abandoned: a parked or remote ticket that never came back in time (terminal)
--   origin: how the ticket was taken (walk_in at a kiosk or by staff, appointment at check-in, remote from a phone)
CREATE TABLE tickets_v11 (
  id                TEXT PRIMARY KEY,
  service_id        INTEGER NOT NULL REFERENCES services(id),
  issued_service_id INTEGER NOT NULL REFERENCES services(id),
  day               TEXT NOT NULL,
  number            INTEGER NOT NULL,
  label             TEXT NOT NULL,
  priority          TEXT NOT NULL DEFAULT 'none',
  phone             TEXT,
  lang              TEXT NOT NULL DEFAULT 'ar',
  status            TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'remote', 'parked', 'abandoned')),
  issued_at         INTEGER NOT NULL,
  queued_at         INTEGER NOT NULL,
  called_at         INTEGER,
  started_at        INTEGER,
  finished_at       INTEGER,
  counter_id        INTEGER REFERENCES counters(id),
  target_counter_id INTEGER REFERENCES counters(id),
  clerk_id          INTEGER REFERENCES users(id),
  recall_count      INTEGER NOT NULL DEFAULT 0,
  transfer_count    INTEGER NOT NULL DEFAULT 0,
  outcome           TEXT,
  issued_by_type    TEXT NOT NULL CHECK (issued_by_type IN ('user', 'device', 'system')),
  issued_by_id      INTEGER,
  idempotency_key   TEXT,
  origin            TEXT NOT NULL DEFAULT 'walk_in' CHECK (origin IN ('walk_in', 'appointment', 'remote')),
  UNIQUE (issued_service_id, day, number),
  UNIQUE (issued_by_type, issued_by_id, idempotency_key)
);
INSERT INTO tickets_v11 (id, service_id, issued_service_id, day, number, label, priority, phone, lang, status, issued_at,
  queued_at, called_at, started_at, finished_at, counter_id, target_counter_id, clerk_id, recall_count, transfer_count,
  outcome, issued_by_type, issued_by_id, idempotency_key)
SELECT id, service_id, issued_service_id, day, number, label, priority, phone, lang, status, issued_at,
  queued_at, called_at, started_at, finished_at, counter_id, target_counter_id, clerk_id, recall_count, transfer_count,
  outcome, issued_by_type, issued_by_id, idempotency_key FROM tickets;
DROP TABLE tickets;
ALTER TABLE tickets_v11 RENAME TO tickets;
CREATE INDEX tickets_waiting ON tickets(status, service_id, queued_at, number);
CREATE INDEX tickets_day ON tickets(day, service_id);
CREATE INDEX tickets_done ON tickets(service_id, finished_at) WHERE status = 'done';
CREATE UNIQUE INDEX tickets_one_active_per_counter ON tickets(counter_id) WHERE status IN ('called', 'serving');

-- + feedback: the small tablet at a counter that asks for a rating after each finish
CREATE TABLE devices_v11 (
  id                 INTEGER PRIMARY KEY,
  kind               TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'printer', 'board', 'keypad', 'feedback')),
  name               TEXT NOT NULL,
  zone               TEXT,
  config             TEXT NOT NULL DEFAULT '{}',
  pairing_code       TEXT UNIQUE,
  pairing_expires_at INTEGER,
  paired_at          INTEGER,
  last_seen_at       INTEGER,
  revoked_at         INTEGER,
  created_at         INTEGER NOT NULL,
  pairing_code_hash  TEXT
);
INSERT INTO devices_v11 (id, kind, name, zone, config, pairing_code, pairing_expires_at, paired_at, last_seen_at, revoked_at,
  created_at, pairing_code_hash)
SELECT id, kind, name, zone, config, pairing_code, pairing_expires_at, paired_at, last_seen_at, revoked_at,
  created_at, pairing_code_hash FROM devices;
DROP TABLE devices;
ALTER TABLE devices_v11 RENAME TO devices;
CREATE UNIQUE INDEX devices_pairing_code_hash ON devices(pairing_code_hash) WHERE pairing_code_hash IS NOT NULL;
`,
  },
  {
    version: 12,
    name: 'the kiosk menu and what to bring: service groups, icons, required documents',
    sql: `
-- the kiosk's two-level menu: groups, then services (issue 21); icon: a built-in SVG's name
CREATE TABLE service_groups (
  id         INTEGER PRIMARY KEY,
  name_ar    TEXT NOT NULL,
  name_en    TEXT NOT NULL,
  icon       TEXT,
  sort_order INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
-- documents: a JSON array of {ar, en} (what to bring); confirm_documents: the kiosk asks "I have them" first
ALTER TABLE services ADD COLUMN documents TEXT NOT NULL DEFAULT '[]';
ALTER TABLE services ADD COLUMN confirm_documents INTEGER NOT NULL DEFAULT 1 CHECK (confirm_documents IN (0, 1));
ALTER TABLE services ADD COLUMN group_id INTEGER REFERENCES service_groups(id);
ALTER TABLE services ADD COLUMN icon TEXT;
`,
  },
  {
    version: 13,
    name: 'webhooks for integrators: subscriptions, their deliveries (an outbox per subscription) and the scan position',
    sql: `
-- an admin's subscription of one URL to event types; the secret signs every delivery (shown once)
CREATE TABLE webhook_subscriptions (
  id                   INTEGER PRIMARY KEY,
  url                  TEXT NOT NULL,
  description          TEXT NOT NULL DEFAULT '',
  event_types          TEXT NOT NULL,
  secret               TEXT NOT NULL,
  -- only events after the subscription was made are delivered to it
  from_event_id        INTEGER NOT NULL,
  paused_at            INTEGER,
  paused_reason        TEXT CHECK (paused_reason IN ('manual', 'failing')),
  resumed_at           INTEGER,
  failing_since        INTEGER,
  consecutive_failures INTEGER NOT NULL DEFAULT 0,
  created_at           INTEGER NOT NULL,
  updated_at           INTEGER NOT NULL
);
-- one row per (subscription, event), written in the scan's transaction; sent in id order per subscription
CREATE TABLE webhook_deliveries (
  id               INTEGER PRIMARY KEY,
  subscription_id  INTEGER NOT NULL REFERENCES webhook_subscriptions(id) ON DELETE CASCADE,
  event_id         INTEGER NOT NULL,
  event_type       TEXT NOT NULL,
  delivery_id      TEXT NOT NULL UNIQUE,
  body             TEXT NOT NULL,
  status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts         INTEGER NOT NULL DEFAULT 0,
  next_attempt_at  INTEGER NOT NULL,
  last_attempt_at  INTEGER,
  last_status_code INTEGER,
  last_error_code  TEXT,
  last_error       TEXT,
  delivered_at     INTEGER,
  created_at       INTEGER NOT NULL
);
CREATE INDEX webhook_deliveries_queue ON webhook_deliveries(subscription_id, status, id);
CREATE TABLE webhook_state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`,
  },
  {
    version: 14,
    name: 'messages to citizens: the message outbox, its read position, parts and receipts, consent with the ticket, edited templates',
    sql: `
-- One row per message to a citizen (SMS or WhatsApp), made from the event log by server/notify/
-- message-scanner.ts in the same transaction as its read position. idempotency_key is unique:
-- a rescan, a restart or a retried event can never make a second message for the same cause.
-- phone is erased (NULL) when the number may no longer be kept (server/notify/number-retention.ts).
CREATE TABLE message_outbox (
  id                  INTEGER PRIMARY KEY AUTOINCREMENT,
  idempotency_key     TEXT NOT NULL UNIQUE,
  kind                TEXT NOT NULL,
  ticket_id           TEXT,
  event_id            INTEGER,
  phone               TEXT,
  lang                TEXT NOT NULL CHECK (lang IN ('ar', 'en')),
  body                TEXT NOT NULL,
  params              TEXT NOT NULL DEFAULT '{}',
  status              TEXT NOT NULL CHECK (status IN ('queued', 'accepted', 'delivered', 'failed', 'expired')),
  provider            TEXT,
  attempts            INTEGER NOT NULL DEFAULT 0,
  next_attempt_at     INTEGER NOT NULL,
  expires_at          INTEGER NOT NULL,
  last_error          TEXT,
  created_at          INTEGER NOT NULL,
  day                 TEXT NOT NULL,
  status_at           INTEGER NOT NULL
);
CREATE INDEX message_outbox_due ON message_outbox(status, next_attempt_at);
CREATE INDEX message_outbox_day ON message_outbox(day, status);
CREATE INDEX message_outbox_phone_day ON message_outbox(phone, day);

-- What the provider called each part of a message (a long SMS is several submit_sm), so that a
-- delivery receipt finds its message; a message is delivered when all its parts are.
CREATE TABLE message_parts (
  provider            TEXT NOT NULL,
  provider_message_id TEXT NOT NULL,
  message_id          INTEGER NOT NULL REFERENCES message_outbox(id) ON DELETE CASCADE,
  status              TEXT NOT NULL CHECK (status IN ('accepted', 'delivered', 'failed', 'expired')),
  PRIMARY KEY (provider, provider_message_id)
);
CREATE INDEX message_parts_message ON message_parts(message_id);

-- The scanner's read position in the event log (key lastEventId).
CREATE TABLE message_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- The citizen's explicit yes to messages about this ticket, written with the ticket.
CREATE TABLE message_consent (
  ticket_id TEXT PRIMARY KEY REFERENCES tickets(id) ON DELETE CASCADE,
  at        INTEGER NOT NULL
);

-- Templates an admin edited (the defaults live in protocol/messages/citizen.ts).
CREATE TABLE message_templates (
  kind       TEXT NOT NULL,
  lang       TEXT NOT NULL CHECK (lang IN ('ar', 'en')),
  text       TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (kind, lang)
);
`,
  },
  {
    version: 15,
    name: 'citizen feedback: one anonymous rating per served ticket (issue 21)',
    sql: `
-- Tied to the ticket, its service, counter, clerk and outcome as they were at the finish; never
-- to the phone. One row per ticket (the primary key refuses a second rating). No foreign key to
-- tickets: a rating outlives nothing it could block, and reports read it on its own.
CREATE TABLE ratings (
  ticket_id   TEXT PRIMARY KEY,
  service_id  INTEGER NOT NULL,
  counter_id  INTEGER,
  clerk_id    INTEGER,
  outcome     TEXT,
  score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
  reasons     TEXT NOT NULL DEFAULT '[]',
  source      TEXT NOT NULL CHECK (source IN ('tablet', 'keypad', 'status_page')),
  device_id   INTEGER,
  finished_at INTEGER NOT NULL,
  at          INTEGER NOT NULL,
  day         TEXT NOT NULL
);
CREATE INDEX ratings_day ON ratings(day);
CREATE INDEX ratings_counter_at ON ratings(counter_id, at);
CREATE INDEX ratings_at ON ratings(at);
`,
  },
  {
    version: 16,
    name: 'parked tickets: the reason and the stored deadline of each ticket a clerk set aside',
    sql: `
-- one row while a ticket is parked (deleted when it is resumed, cancelled or abandoned; the
-- events keep the history). The deadline is stored so the sweep that abandons overdue tickets
-- finds them again after a restart.
CREATE TABLE parked_tickets (
  ticket_id   TEXT PRIMARY KEY REFERENCES tickets(id),
  counter_id  INTEGER REFERENCES counters(id),
  clerk_id    INTEGER REFERENCES users(id),
  parked_at   INTEGER NOT NULL,
  deadline_at INTEGER NOT NULL,
  reason      TEXT NOT NULL,
  note        TEXT
);
CREATE INDEX parked_tickets_deadline ON parked_tickets(deadline_at);
`,
  },
  {
    version: 17,
    name: 'appointments: settings per service, day overrides, bookings, the booking-code key',
    sql: `
-- settings: the AppointmentSettings JSON (protocol/appointments.ts) over its defaults; no row = appointments off
CREATE TABLE appointment_settings (
  service_id INTEGER PRIMARY KEY REFERENCES services(id),
  settings   TEXT NOT NULL DEFAULT '{}'
);
-- a manager's change to one day of one service: blocked, or places added to every slot
CREATE TABLE appointment_days (
  service_id     INTEGER NOT NULL REFERENCES services(id),
  day            TEXT NOT NULL,
  blocked        INTEGER NOT NULL DEFAULT 0 CHECK (blocked IN (0, 1)),
  extra_per_slot INTEGER NOT NULL DEFAULT 0 CHECK (extra_per_slot >= 0),
  PRIMARY KEY (service_id, day)
);
-- the key that signs this center's booking codes (server/queue/booking-code.ts); made once, never leaves the database
CREATE TABLE booking_key (
  id     INTEGER PRIMARY KEY CHECK (id = 1),
  secret BLOB NOT NULL
);
INSERT INTO booking_key (id, secret) VALUES (1, randomblob(32));
CREATE TABLE bookings (
  id              INTEGER PRIMARY KEY,
  code            TEXT NOT NULL UNIQUE,
  service_id      INTEGER NOT NULL REFERENCES services(id),
  day             TEXT NOT NULL,
  slot_start      INTEGER NOT NULL,
  slot_end        INTEGER NOT NULL,
  name            TEXT NOT NULL,
  phone           TEXT NOT NULL,
  lang            TEXT NOT NULL DEFAULT 'ar',
  status          TEXT NOT NULL CHECK (status IN ('booked', 'checked_in', 'cancelled')),
  created_at      INTEGER NOT NULL,
  created_by_type TEXT NOT NULL CHECK (created_by_type IN ('public', 'user')),
  created_by_id   INTEGER,
  client_address  TEXT,
  ticket_id       TEXT REFERENCES tickets(id),
  checked_in_at   INTEGER,
  cancelled_at    INTEGER,
  moved_count     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX bookings_slot ON bookings(service_id, slot_start) WHERE status <> 'cancelled';
CREATE INDEX bookings_phone ON bookings(phone, day) WHERE status <> 'cancelled';
CREATE INDEX bookings_address ON bookings(client_address, created_at);
CREATE UNIQUE INDEX bookings_ticket ON bookings(ticket_id) WHERE ticket_id IS NOT NULL;
`,
  },
  {
    version: 18,
    name: 'remote joins: how each ticket taken from a phone waits for its citizen, and what the limits count',
    sql: `
-- one row per ticket joined from a phone (origin remote); the ticket keeps its phone in tickets.phone
--   mode: check-in (status remote until the citizen arrives) or call-ahead (waiting from the start)
--   arrive_minutes: the time to arrive the page promised, kept as it was at the join
--   address_hash: a hash of the client address, for the per-address limit (the address itself is not kept)
CREATE TABLE remote_joins (
  ticket_id      TEXT PRIMARY KEY REFERENCES tickets(id),
  service_id     INTEGER NOT NULL REFERENCES services(id),
  day            TEXT NOT NULL,
  mode           TEXT NOT NULL CHECK (mode IN ('check-in', 'call-ahead')),
  arrive_minutes INTEGER NOT NULL,
  address_hash   TEXT NOT NULL,
  joined_at      INTEGER NOT NULL,
  arrived_at     INTEGER
);
CREATE INDEX remote_joins_day ON remote_joins(day, service_id);
CREATE INDEX remote_joins_address ON remote_joins(address_hash, joined_at);
`,
  },
  {
    version: 19,
    name: 'visits with several steps: the route of steps of each service, and the step each ticket is at',
    sql: `
-- a service's route (issue 21): the steps after the first, in order (position 1, 2, …), each a
-- service; a ticket issued for service_id walks them (server/queue/visit-steps.ts). No row: one step.
CREATE TABLE service_steps (
  service_id      INTEGER NOT NULL REFERENCES services(id),
  position        INTEGER NOT NULL CHECK (position >= 1),
  step_service_id INTEGER NOT NULL REFERENCES services(id),
  PRIMARY KEY (service_id, position)
);
-- the step the ticket is at: 0 for the service it was issued for, n for the route's n-th step
ALTER TABLE tickets ADD COLUMN step INTEGER NOT NULL DEFAULT 0;
`,
  },
  {
    version: 20,
    name: "the hub's configuration bundles this center applied or refused",
    sql: `
-- one row per bundle version received (issue 23): applied ones keep their signed text (the
-- last good one is re-read at start: finish outcomes come from it), refused ones their code and reason
CREATE TABLE config_bundles (
  version     INTEGER PRIMARY KEY,
  outcome     TEXT NOT NULL CHECK (outcome IN ('applied', 'refused')),
  payload     TEXT,
  signature   TEXT,
  code        TEXT,
  reason      TEXT,
  received_at INTEGER NOT NULL
);
`,
  },
  {
    version: 21,
    name: 'one form for stored phone numbers (Egyptian mobiles as +201…); the resume time of a parked ticket',
    sql: `
-- protocol/phone-number.ts canonicalPhone, in SQL, for the numbers stored before it: 01x…, 201x…
-- and 00201x… (eleven digits after the 0) become +201x…, so the per-number limits count them once.
-- Numbers of other forms are left as they are (SQL cannot know another country's trunk prefix).
UPDATE tickets SET phone = '+20' || substr(phone, 2)
  WHERE phone GLOB '01[0125][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]';
UPDATE tickets SET phone = '+' || phone
  WHERE phone GLOB '201[0125][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]';
UPDATE tickets SET phone = '+' || substr(phone, 3)
  WHERE phone GLOB '00201[0125][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]';
UPDATE bookings SET phone = '+20' || substr(phone, 2)
  WHERE phone GLOB '01[0125][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]';
UPDATE bookings SET phone = '+' || phone
  WHERE phone GLOB '201[0125][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]';
UPDATE bookings SET phone = '+' || substr(phone, 3)
  WHERE phone GLOB '00201[0125][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]';

-- a parked ticket's resume (server/queue/ticket-parking.ts) no longer overwrites called_at, the
-- first call that ends the wait in the line; the return to the counter is kept here
ALTER TABLE tickets ADD COLUMN resumed_at INTEGER;
`,
  },
  {
    version: 22,
    name: 'an index for the reminder scan: live bookings by slot',
    sql: `
-- server/notify/message-scanner.ts looks for reminders due after every committed change: live
-- bookings whose slot is near, any service. bookings_slot leads with service_id, so that search
-- read the whole table, which only grows (a year of bookings is kept, their numbers erased)
CREATE INDEX bookings_booked_slot ON bookings(slot_start) WHERE status = 'booked';
`,
  },
  {
    version: 23,
    name: "an index for a counter's latest calls",
    sql: `
-- every call-next reads the origins of the counter's latest calls (the appointment streak,
-- bookings-repo RECENT_ORIGINS_SQL), inside the call's transaction, before the displays' push.
-- No index led with counter_id, so that read scanned and sorted every ticket ever kept, which
-- only grows; this one gives the newest calls in order (rowid is its last column)
CREATE INDEX tickets_counter_calls ON tickets(counter_id, called_at) WHERE called_at IS NOT NULL;
`,
  },
  {
    version: 24,
    name: "report rollups fold a parked ticket's stays again: the time parked is neither service nor busy time",
    // the rollups are derived: emptied here and folded again from the event log on the next report
    // (or the start-up fold). Days folded before the fix kept the time parked in busy time, and a
    // resumed ticket's service time lacked its stay before the park (server/reports/rollup.ts)
    sql: `
DELETE FROM report_day;
DELETE FROM report_hour;
DELETE FROM report_state;
`,
  },
  {
    version: 25,
    name: 'indexes for the zones of every push and the ten-minute number erasure',
    sql: `
-- every queue:updated and news push lists the zones displays listen to (queue-view.ts knownZones):
-- a DISTINCT over counters and display devices, with a temporary b-tree each time; these give the
-- zones in order from the index alone
CREATE INDEX counters_zone ON counters(zone);
CREATE INDEX devices_display_zone ON devices(zone) WHERE zone IS NOT NULL AND kind = 'display';
-- server/notify/number-retention.ts and booking-number-retention.ts erase the phone numbers whose
-- days are over every ten minutes, holding the write lock: without these each run read every
-- ticket and booking ever kept (tables that only grow); these hold only the rows that still have a number
CREATE INDEX tickets_phone_kept ON tickets(day) WHERE phone IS NOT NULL;
CREATE INDEX bookings_phone_kept ON bookings(day) WHERE phone <> '';
CREATE INDEX message_outbox_phone_kept ON message_outbox(kind) WHERE phone IS NOT NULL;
`,
  },
  {
    version: 26,
    name: 'pause reasons as codes',
    sql: `
-- a pause reason was stored as the clerk's own label («صلاة», "Prayer"), so the log mixed
-- languages; it is now a code (protocol/pause-reasons.ts) shown in the viewer's language.
-- The labels the console offered, in both languages, become their codes; other text stays.
-- The event log is append-only and keeps the words written then (nothing reads them back).
UPDATE counters SET pause_reason = CASE pause_reason
    WHEN 'استراحة' THEN 'break' WHEN 'Break' THEN 'break'
    WHEN 'صلاة' THEN 'prayer' WHEN 'Prayer' THEN 'prayer'
    WHEN 'عطل فني' THEN 'technical' WHEN 'Technical problem' THEN 'technical'
    WHEN 'سبب آخر' THEN 'other' WHEN 'Other' THEN 'other'
    ELSE pause_reason END
  WHERE pause_reason IS NOT NULL;
`,
  },
  {
    version: 27,
    name: 'when a paused counter paused',
    sql: `
-- the console's paused card says "Paused since 10:42 (12 min)" (walk 2026-12-05): a column, not a
-- read of the event log, because every counter the API or a snapshot shows would pay that read
-- (the log has no index by counter), and a pause that runs past the business day's start would
-- be missed by one by day. Counters paused now take from the log the time their pause began: the
-- first pause since the counter last opened, resumed, closed or changed hands (a new reason while
-- paused logs counter.paused again and does not start the pause over, as setPaused keeps it).
ALTER TABLE counters ADD COLUMN paused_at INTEGER;
UPDATE counters SET paused_at = (
    SELECT MIN(e.at) FROM events e
    WHERE e.type = 'counter.paused' AND e.counter_id = counters.id
      AND e.at > COALESCE((
        SELECT MAX(x.at) FROM events x
        WHERE x.counter_id = counters.id
          AND x.type IN ('counter.opened', 'counter.resumed', 'counter.closed', 'counter.taken_over')
      ), -1)
  )
  WHERE state = 'paused';
`,
  },
  {
    version: 28,
    name: 'report rollups count finished tickets per finish outcome',
    sql: `
-- "served" counts every finished ticket whatever its outcome (referred, incomplete papers…): the
-- reports break it down per outcome (server/reports/finish-outcomes.ts). Derived data like
-- report_day, folded by server/reports/rollup.ts under FOLD_VERSION 3, which folds the whole event
-- log again on the next report (or the start-up fold), so the history gets its outcomes too.
-- outcome: the code written in the event (ticket.finished or ticket.next_step), '' when none was.
CREATE TABLE report_outcome_day (
  day         TEXT NOT NULL,
  service_id  INTEGER NOT NULL,
  counter_id  INTEGER NOT NULL,
  user_id     INTEGER NOT NULL,
  outcome     TEXT NOT NULL,
  served      INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, service_id, counter_id, user_id, outcome)
) WITHOUT ROWID;
`,
  },
  {
    version: 29,
    name: 'finish outcomes a manager edits in the dashboard',
    sql: `
-- the outcomes a clerk finishes a ticket with, as a manager set them in the dashboard
-- (server/config/finish-outcome-commands.ts); once saved they win over the config file's
-- queue.finishOutcomes (a hub bundle still wins over both). No rows: the config file's list runs.
-- position: the order on the console, 0 the default; NULL for an outcome removed since: its row
-- stays so that its code is never given to a new outcome (reports count the old finishes by code).
CREATE TABLE finish_outcomes (
  code        TEXT PRIMARY KEY,
  name_ar     TEXT NOT NULL,
  name_en     TEXT NOT NULL,
  position    INTEGER UNIQUE,
  updated_at  INTEGER NOT NULL,
  updated_by  INTEGER
) WITHOUT ROWID;
`,
  },
  {
    version: 30,
    name: 'one calendar exception per dates and services',
    sql: `
-- The dashboard's "Add" made the same holiday twice (walk 2026-12-05); the calendar now refuses
-- two exceptions with the same dates for the same services (DUPLICATE_EXCEPTION,
-- protocol/calendar-validation.ts), and would refuse every later save of a calendar that holds
-- two. The calendar is one JSON value (center_settings 'calendar'), so no UNIQUE index can hold
-- the rule: the rule lives in the validation, and this merges the copies already stored. Of two
-- the later in the list decides the day (opening-hours.ts: on equal ranges the later wins), so
-- it is the one kept, where it stands: no day opens or closes differently. An .ics UID of a
-- dropped copy moves to the kept one when it has none, so the next import of that file still
-- replaces it instead of adding it again.
WITH exception AS (
  SELECT e.key AS k, e.value AS v, json_extract(e.value, '$.uid') AS uid,
    -- what makes two the same (exceptionKey): the dates and the services, in any order; none: '*'
    json_extract(e.value, '$.from') || '|' || json_extract(e.value, '$.to') || '|' ||
      CASE WHEN json_type(e.value, '$.serviceIds') IS NULL THEN '*'
        ELSE COALESCE((SELECT group_concat(s.value, ',' ORDER BY s.value) FROM json_each(e.value, '$.serviceIds') s), '') END AS same
  FROM center_settings c, json_each(c.value, '$.exceptions') e
  WHERE c.key = 'calendar' AND json_valid(c.value) AND json_type(c.value, '$.exceptions') = 'array'
), kept AS (
  SELECT x.k, x.v, (SELECT d.uid FROM exception d WHERE d.same = x.same AND d.k < x.k AND d.uid IS NOT NULL ORDER BY d.k DESC LIMIT 1) AS earlier_uid
  FROM exception x
  WHERE NOT EXISTS (SELECT 1 FROM exception l WHERE l.same = x.same AND l.k > x.k)
)
UPDATE center_settings SET value = json_set(value, '$.exceptions', (
    SELECT json_group_array(json(CASE WHEN json_extract(v, '$.uid') IS NULL AND earlier_uid IS NOT NULL
      THEN json_set(v, '$.uid', earlier_uid) ELSE v END) ORDER BY k) FROM kept))
  WHERE key = 'calendar' AND EXISTS (SELECT 1 FROM exception a JOIN exception b ON a.same = b.same AND a.k < b.k);
`,
  },
  {
    version: 31,
    name: 'report rollups count the cancellations of the closing apart',
    sql: `
-- "cancelled" counts every cancelled ticket; the reports tell the ones the center's closing
-- cancelled (reasons center_closed and day_closed, server/queue/closing-cancellation.ts) apart from
-- those of citizens and staff: a line left at closing is the center's capacity, not a citizen's
-- choice. Derived data, folded by server/reports/rollup.ts under FOLD_VERSION 4, which folds the
-- whole event log again on the next report, so the history is split too.
ALTER TABLE report_day ADD COLUMN cancelled_at_closing INTEGER NOT NULL DEFAULT 0;
ALTER TABLE report_hour ADD COLUMN cancelled_at_closing INTEGER NOT NULL DEFAULT 0;
`,
  },
  {
    version: 32,
    name: 'when a waiting ticket joined its present line',
    sql: `
-- A ticket's wait is one stretch in one line, from joining it to its first call (no-show-undo.ts):
-- its issue, or the latest transfer, reinstatement, next step of a visit or check-in arrival of a
-- place joined from a phone (server/queue/wait-facts.ts). queued_at is its place in the line, not
-- that: a transfer that keeps the issue time, a reinstatement and a check-in arrival all keep an
-- earlier place. The start was read from the event log by the call and by the SLA's live misses,
-- in two spellings that disagreed (the SQL one missed the check-in arrival: a citizen who joined
-- from home 40 minutes ago and arrived a minute ago counted as a miss that their call then made
-- a hit), while the live view and the console measured from queued_at. Now one column, written in
-- the same transaction as the event; NULL when the ticket never rejoined (its wait began at its
-- issue). Filled here from the events for the tickets stored before.
ALTER TABLE tickets ADD COLUMN rejoined_at INTEGER;
UPDATE tickets SET rejoined_at = r.at
  FROM (SELECT ticket_id, MAX(at) AS at FROM events
        WHERE type IN ('ticket.transferred', 'ticket.reinstated', 'ticket.next_step')
           OR (type = 'ticket.arrived' AND json_extract(data, '$.mode') = 'check-in')
        GROUP BY ticket_id) AS r
  WHERE r.ticket_id = tickets.id;
`,
  },
  {
    version: 33,
    name: 'people ahead when a texted visit joined its later step',
    sql: `
-- "Few ahead" (ticket_ahead) is sent once per line a consenting ticket waits in, and only when it
-- joined that line further back than messages.aheadAt. At its issue that start is the issue event's
-- position; a visit of several steps joins each later step's line at its own place, which the
-- message scanner writes here when it reads the ticket.next_step (server/notify/message-scanner.ts).
-- NULL: the ticket has not gone past its first step, or was not seen waiting in its later one.
ALTER TABLE message_consent ADD COLUMN step_joined_ahead INTEGER;
`,
  },
  {
    version: 34,
    name: "a printer's last ticket job",
    sql: `
-- The last ticket job of a device's printer (kiosk or stand-alone) as JSON: ticket, label, printed
-- or failed, when, and on a failure what stopped it (protocol/device-config.ts PrintJobReport).
-- The dashboard's device list says "last ticket printed at 15:05" from it, so a manager can tell a
-- printer that answers its status check but prints nothing, and a restart does not forget it.
-- Written once per job (server/devices/printing.ts); NULL: no job since the printer was configured.
ALTER TABLE devices ADD COLUMN last_print_job TEXT;
`,
  },
  {
    version: 35,
    name: "a display's last sound report",
    sql: `
-- What a display last said of its sound (protocol/device-config.ts DisplayStatusReport as JSON:
-- ok or blocked by the browser's autoplay policy, with the server's time of the report). Unlike
-- a printer or a serial line, which the server polls itself and knows again seconds after a
-- restart, only the display can say this, and it says it when it finds out: kept in memory
-- only, a restart made the device list and its alert say "OK" for a mute display (walk s48).
-- Written on every report (server/queue/device-status.ts); NULL: the display never reported.
ALTER TABLE devices ADD COLUMN sound_report TEXT;
`,
  },
  {
    version: 36,
    name: 'where a moved booking was, on its row',
    sql: `
-- A moved booking's page says where it was before ("moved from 10:00"): the public booking page,
-- polled by its holder, and every answer about a booking. That was a search of the event log for
-- the booking's last appointment.moved on every read; each move now keeps the slot start it leaves
-- here (bookings-repo move), and the bookings moved before get theirs from that same last event
-- (its data holds the booking's id and the slot it left). NULL: never moved.
ALTER TABLE bookings ADD COLUMN moved_from INTEGER;
UPDATE bookings SET moved_from = json_extract(e.data, '$.from')
  FROM (SELECT json_extract(data, '$.booking') AS booking, MAX(id) AS id FROM events
        WHERE type = 'appointment.moved' GROUP BY 1) AS last
  JOIN events e ON e.id = last.id
  WHERE bookings.id = last.booking AND bookings.moved_count > 0;
`,
  },
  {
    version: 37,
    name: "a counter's appointment streak, counted at each call",
    sql: `
-- How many appointments a counter called in a row (rule f of the call policy caps them while a
-- walk-in waits, protocol/appointment-blend.ts; staff's consoles play it forward). It was read back
-- from the tickets whose counter_id is the counter, newest called_at first, which was untrue twice:
-- a ticket that left the counter (transferred, parked, sent to its next step, reinstated after a
-- no-show) no longer has that counter_id, so its call dropped out of the streak; and two calls in
-- one millisecond were ordered by the tickets' issue order, not by the calls'. Counted at each call
-- now (server/queue/counter-actions.ts), like priority_streak; filled here from the log's calls,
-- in their order: the appointments called since the counter's last call of any other ticket.
ALTER TABLE counters ADD COLUMN appointment_streak INTEGER NOT NULL DEFAULT 0;
WITH calls AS MATERIALIZED (
  SELECT e.id, e.counter_id AS counter, t.origin FROM events e JOIN tickets t ON t.id = e.ticket_id
  WHERE e.type = 'ticket.called' AND e.counter_id IS NOT NULL
),
last_other AS (SELECT counter, MAX(id) AS id FROM calls WHERE origin <> 'appointment' GROUP BY counter)
UPDATE counters SET appointment_streak = s.n
  FROM (SELECT c.counter, count(*) AS n FROM calls c LEFT JOIN last_other l ON l.counter = c.counter
        WHERE c.id > COALESCE(l.id, 0) GROUP BY c.counter) AS s
  WHERE s.counter = counters.id;
`,
  },
  {
    version: 38,
    name: 'a finish that named no outcome records none on its ticket too',
    sql: `
-- A finish naming no outcome (a keypad's Finish key, an API call without one) wrote NULL in its
-- ticket.finished event but 'served' on the ticket's row: the citizen's page and the ticket tools'
-- badge (the row) said "Served" while the reports, the ticket's history and the ticket log's
-- per-outcome figures (the event) said "No outcome recorded". The row now holds what the event
-- holds (server/queue/counter-actions.ts); the tickets finished before get the same, from their
-- last ticket.finished event (a ticket without one, its log gone, keeps its row). A rating copied
-- its ticket's outcome at the finish (server/queue/feedback/ratings.ts): it follows its ticket.
UPDATE tickets SET outcome = NULL
  WHERE outcome = 'served'
    AND (SELECT COALESCE(json_type(e.data, '$.outcome'), 'null') FROM events e
         WHERE e.ticket_id = tickets.id AND e.type = 'ticket.finished' ORDER BY e.id DESC LIMIT 1) = 'null';
UPDATE ratings SET outcome = NULL
  WHERE outcome = 'served' AND ticket_id IN (SELECT id FROM tickets WHERE status = 'done' AND outcome IS NULL);
`,
  },
  {
    version: 39,
    name: "drop the index of a counter's latest calls: no query reads it since migration 37",
    sql: `
-- tickets_counter_calls (migration 23) served the read of a counter's latest calls, the appointment
-- streak; since migration 37 the streak is counted at each call and nothing reads tickets by counter
-- and call time (EXPLAIN QUERY PLAN of every statement that reads tickets with counter_id: none uses
-- it). Every ticket's call, transfer and finish still wrote it.
DROP INDEX IF EXISTS tickets_counter_calls;
`,
  },
  {
    version: 40,
    name: 'an index of the tickets each counter finished, for the ticket a tablet or keypad rates',
    sql: `
-- The ticket a counter's feedback tablet asks about, and the one a keypad's rating key rates, is the
-- last to leave that counter (ratings-repo.ts lastFinishedAt): without an index its read scanned
-- every ticket kept and sorted them (3.5 ms at 30,000 tickets, growing with the months kept; found
-- with migration 39). Only finished tickets are in it, so a ticket's issue and call do not write it.
CREATE INDEX tickets_counter_finished ON tickets(counter_id, finished_at) WHERE finished_at IS NOT NULL;
`,
  },
  {
    version: 41,
    name: "an index of each line's calls in the log, for the turn of a place held from a phone",
    sql: `
-- A place held from a phone sees its turn come when a ticket queued after it is called in its line
-- (server/db/repositories/remote-joins-repo.ts). It was read from the tickets' rows, whose service and
-- called_at are of the line a ticket is in now and of its latest call anywhere: a visit called in A and
-- moved into B by its next step counted as called in B (walk s54: B-001 lost its place though nobody
-- was called in B), and a ticket called in B then transferred away no longer counted there. It is read
-- from the log's ticket.called rows now (service_id is the line of the call; data.queuedAt its place
-- there, logged since this version), through this index: a line's calls since a time.
CREATE INDEX events_line_calls ON events(service_id, at) WHERE type = 'ticket.called';
`,
  },
]
