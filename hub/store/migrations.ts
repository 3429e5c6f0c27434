/**
 * The hub's schema, one entry per migration, applied in order by Kysely's Migrator (migrate.ts).
 * `statements` are SQL common to SQLite and PostgreSQL (TEXT, INTEGER, BIGINT and `ON CONFLICT`
 * upserts only); what differs between the two goes in `up`.
 * Never edit a shipped migration: append one to `hubMigrations` — that entry is all it takes.
 * Times are epoch ms (BIGINT); `day` is the center's local date YYYY-MM-DD, `hour` 0–23.
 */
import type { Kysely } from 'kysely'
import type { Dialect } from './database.ts'
import { migration13 } from './migration-13-national.ts'
import { migration11 } from './migration-11-scale.ts'
import { migration15 } from './migration-15-governorates.ts'
import { migration18 } from './migration-18-rollup-marks.ts'
import { migration19 } from './migration-19-service-hour.ts'
import { migration20 } from './migration-20-waiting-past-target.ts'
import { migration24 } from './migration-24-stale-rows.ts'

export interface HubMigration {
  /** 1, 2, 3, …: its place in the order (Kysely's migration table names it `0001`, `0002`, …). */
  version: number
  name: string
  /** Portable SQL, run first, in order. */
  statements: string[]
  /** Work the statements cannot say in SQL common to both stores, on the migration's transaction (Kysely's query builder, schema builder or `sql`). */
  // biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was then, not today's HubDatabase
  up?: (db: Kysely<any>, dialect: Dialect) => Promise<void>
}

export const hubMigrations: HubMigration[] = [
  {
    version: 1,
    name: 'centers, hourly figures, status, nonces, rejections',
    statements: [
      `CREATE TABLE hub_centers (
        id          TEXT PRIMARY KEY,
        name_ar     TEXT NOT NULL,
        name_en     TEXT NOT NULL,
        governorate TEXT NOT NULL,
        city        TEXT NOT NULL DEFAULT '',
        kind        TEXT NOT NULL CHECK (kind IN ('fixed', 'mobile', 'new_city')),
        -- the HMAC key the center signs with (the hub must hold it to check signatures)
        secret      TEXT NOT NULL,
        active      INTEGER NOT NULL DEFAULT 1,
        created_at  BIGINT NOT NULL
      )`,
      `CREATE INDEX hub_centers_governorate ON hub_centers (governorate)`,
      // one row per center, hour and service: the latest revision only, so a resend never double-counts
      `CREATE TABLE hub_figures (
        center_id            TEXT NOT NULL REFERENCES hub_centers (id),
        day                  TEXT NOT NULL,
        hour                 INTEGER NOT NULL,
        service_code         TEXT NOT NULL,
        service_name_ar      TEXT NOT NULL,
        service_name_en      TEXT NOT NULL,
        revision             INTEGER NOT NULL,
        issued               INTEGER NOT NULL,
        called               INTEGER NOT NULL,
        served               INTEGER NOT NULL,
        no_show              INTEGER NOT NULL,
        cancelled            INTEGER NOT NULL,
        transferred_in       INTEGER NOT NULL,
        transferred_out      INTEGER NOT NULL,
        wait_sum             BIGINT NOT NULL,
        wait_count           INTEGER NOT NULL,
        wait_max             INTEGER NOT NULL,
        wait_within_target   INTEGER NOT NULL,
        service_sum          BIGINT NOT NULL,
        service_count        INTEGER NOT NULL,
        counter_open_minutes INTEGER NOT NULL,
        received_at          BIGINT NOT NULL,
        PRIMARY KEY (center_id, day, hour, service_code)
      )`,
      `CREATE INDEX hub_figures_day ON hub_figures (day, center_id)`,
      // the latest revision of each center hour (also for hours whose rows are all zero)
      `CREATE TABLE hub_hours (
        center_id   TEXT NOT NULL REFERENCES hub_centers (id),
        day         TEXT NOT NULL,
        hour        INTEGER NOT NULL,
        revision    INTEGER NOT NULL,
        final       INTEGER NOT NULL,
        seq         BIGINT NOT NULL,
        received_at BIGINT NOT NULL,
        PRIMARY KEY (center_id, day, hour)
      )`,
      `CREATE TABLE hub_center_status (
        center_id         TEXT PRIMARY KEY REFERENCES hub_centers (id),
        last_report_at    BIGINT,
        last_seq          BIGINT NOT NULL DEFAULT 0,
        last_heartbeat_at BIGINT,
        counters_open     INTEGER,
        devices_faulty    INTEGER,
        outbox_pending    INTEGER,
        version           TEXT,
        time_zone         TEXT,
        batches_received  BIGINT NOT NULL DEFAULT 0,
        batches_duplicate BIGINT NOT NULL DEFAULT 0
      )`,
      // nonces seen inside the timestamp window: the same signed request twice is a replay
      `CREATE TABLE hub_nonces (
        center_id TEXT NOT NULL,
        nonce     TEXT NOT NULL,
        seen_at   BIGINT NOT NULL,
        PRIMARY KEY (center_id, nonce)
      )`,
      `CREATE INDEX hub_nonces_seen ON hub_nonces (seen_at)`,
      // refused requests by code and claimed center ('' when none was named)
      `CREATE TABLE hub_rejections (
        code      TEXT NOT NULL,
        center_id TEXT NOT NULL,
        hits      BIGINT NOT NULL,
        last_at   BIGINT NOT NULL,
        PRIMARY KEY (code, center_id)
      )`,
    ],
  },
  {
    version: 2,
    name: 'tickets that left the line uncalled after their target wait (within-target misses)',
    // older centers do not send it: 0, and their within-target % stays calls-only as before
    statements: ['ALTER TABLE hub_figures ADD COLUMN wait_missed_uncalled INTEGER NOT NULL DEFAULT 0'],
  },
  {
    version: 3,
    name: 'the national service catalogue; hourly rows carry the national code the center maps the service to',
    // Rows stored before keep their meaning: they were a center's own prefix (A at one center is not
    // A at another), so their national_code is NULL and they show as that center's unmapped service,
    // never merged across centers. A code the catalogue does not hold (yet) is kept as sent: its rows
    // are unmapped until the code is added, then counted under it.
    statements: [
      `CREATE TABLE hub_national_services (
        code       TEXT PRIMARY KEY,
        name_ar    TEXT NOT NULL,
        name_en    TEXT NOT NULL,
        group_ar   TEXT NOT NULL DEFAULT '',
        group_en   TEXT NOT NULL DEFAULT '',
        created_at BIGINT NOT NULL,
        updated_at BIGINT NOT NULL
      )`,
      'ALTER TABLE hub_figures ADD COLUMN national_code TEXT',
      'ALTER TABLE hub_figures ADD COLUMN service_id INTEGER',
      'CREATE INDEX hub_figures_national ON hub_figures (national_code, day)',
      // how often the center says it sends a heartbeat: "offline" is a number of them missed
      'ALTER TABLE hub_center_status ADD COLUMN heartbeat_seconds REAL',
      // the fleet: configuration version and last backup, as the center reports them
      'ALTER TABLE hub_center_status ADD COLUMN config_version TEXT',
      'ALTER TABLE hub_center_status ADD COLUMN last_backup_at BIGINT',
      'ALTER TABLE hub_center_status ADD COLUMN last_backup_ok INTEGER',
    ],
  },
  {
    version: 4,
    name: "analysts' accounts (national or governorate-scoped), their sessions, and the audit of their reads",
    statements: [
      `CREATE TABLE hub_analysts (
        username      TEXT PRIMARY KEY,
        display_name  TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('national', 'governorate')),
        -- the one governorate a governorate-scoped analyst may read ('' for national)
        governorate   TEXT NOT NULL DEFAULT '',
        password_hash TEXT NOT NULL,
        active        INTEGER NOT NULL DEFAULT 1,
        created_at    BIGINT NOT NULL
      )`,
      // only a hash of each session token is kept
      `CREATE TABLE hub_analyst_sessions (
        token_hash TEXT PRIMARY KEY,
        username   TEXT NOT NULL REFERENCES hub_analysts (username),
        expires_at BIGINT NOT NULL
      )`,
      // every read by an analyst, and every sign-in (refused ones too)
      `CREATE TABLE hub_access_log (
        at       BIGINT NOT NULL,
        username TEXT NOT NULL,
        action   TEXT NOT NULL,
        status   INTEGER NOT NULL
      )`,
      'CREATE INDEX hub_access_log_at ON hub_access_log (at)',
    ],
  },
  {
    version: 5,
    name: 'minutes each service was inside its opening hours, per center and hour (to compare centers fairly)',
    statements: ['ALTER TABLE hub_figures ADD COLUMN open_minutes INTEGER NOT NULL DEFAULT 0'],
  },
  {
    version: 6,
    name: "citizens' ratings per center, service and hour (issue 21): count, score sum, low ones",
    statements: [
      'ALTER TABLE hub_figures ADD COLUMN rating_count INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN rating_score_sum INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN rating_low INTEGER NOT NULL DEFAULT 0',
    ],
  },
  {
    version: 7,
    name: 'appointments and places taken from a phone per center, service and hour (issue 19): bookings, check-ins, no-shows, first calls and their waits',
    statements: [
      'ALTER TABLE hub_figures ADD COLUMN appointments_booked INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN appointments_cancelled INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN appointments_checked_in INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN appointment_no_shows INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN appointment_calls INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN appointment_wait_sum BIGINT NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN remote_joins INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN remote_calls INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN remote_wait_sum BIGINT NOT NULL DEFAULT 0',
    ],
  },
  {
    version: 8,
    name: 'visits with several steps per center, service and hour (issue 21): calls as a later step and their waits summed',
    statements: [
      'ALTER TABLE hub_figures ADD COLUMN step_calls INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN step_wait_sum BIGINT NOT NULL DEFAULT 0',
    ],
  },
  {
    version: 9,
    name: 'parked tickets per center, service and hour (issue 21): parks, resumes, abandoned',
    statements: [
      'ALTER TABLE hub_figures ADD COLUMN parked INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN park_resumed INTEGER NOT NULL DEFAULT 0',
      'ALTER TABLE hub_figures ADD COLUMN park_abandoned INTEGER NOT NULL DEFAULT 0',
    ],
  },
  {
    version: 10,
    name: 'central configuration (issue 23): signed configuration bundles, their targets, and what each center runs or refused',
    statements: [
      // payload: the exact signed JSON text; target_value: a governorate, or a JSON array of center ids, or '' for all
      `CREATE TABLE hub_config_bundles (
        version      INTEGER PRIMARY KEY,
        target_kind  TEXT NOT NULL CHECK (target_kind IN ('all', 'governorate', 'centers')),
        target_value TEXT NOT NULL,
        note         TEXT NOT NULL,
        payload      TEXT NOT NULL,
        signature    TEXT NOT NULL,
        created_by   TEXT NOT NULL,
        created_at   BIGINT NOT NULL,
        published_at BIGINT
      )`,
      // as each center's heartbeat last said: the version it runs, and the last it refused with its code and reason
      `CREATE TABLE hub_center_bundles (
        center_id       TEXT PRIMARY KEY,
        running_version INTEGER,
        refused_version INTEGER,
        refused_code    TEXT,
        refused_reason  TEXT,
        reported_at     BIGINT NOT NULL
      )`,
    ],
  },
  migration11,
  {
    version: 12,
    name: "open data (issue 23): each center's lines now per national service, from its latest heartbeat (counts only)",
    // Only the latest heartbeat's figures are kept, replaced whole by the next one. Whether they are
    // still live is decided on read from `reported_at` and the center's heartbeat interval
    // (hub/offline-rule.ts): an offline center's figures are never shown as live.
    statements: [
      `CREATE TABLE hub_live_reports (
        center_id   TEXT PRIMARY KEY REFERENCES hub_centers (id),
        reported_at BIGINT NOT NULL
      )`,
      `CREATE TABLE hub_live_queues (
        center_id     TEXT NOT NULL REFERENCES hub_centers (id),
        national_code TEXT NOT NULL,
        waiting       INTEGER NOT NULL,
        wait_seconds  INTEGER,
        open          INTEGER NOT NULL,
        PRIMARY KEY (center_id, national_code)
      )`,
      'CREATE INDEX hub_live_queues_code ON hub_live_queues (national_code)',
    ],
  },
  migration13,
  // no 14: it was kept free for ingest work that needed none (hub/store/ingest-function-pg.ts makes its function on first use); new migrations go after the last
  migration15,
  {
    version: 16,
    name: "the national catalogue's revision, bumped with each change: heartbeats answer from a cached catalogue while it holds",
    // one row, so every hub process on the database sees the same number (a per-process counter would not)
    statements: [
      'CREATE TABLE hub_catalogue_revision (id INTEGER PRIMARY KEY CHECK (id = 1), revision BIGINT NOT NULL)',
      'INSERT INTO hub_catalogue_revision (id, revision) VALUES (1, 1)',
    ],
  },
  {
    version: 17,
    name: "a center's city in Arabic and in English: the one city string becomes the English one, the Arabic one starts empty",
    // the single `city` was typed in Latin letters (the README's example, "Nasr City"), and the Arabic pages showed it as it was;
    // an empty city_ar is filled by `center` PATCH or the CLI, and until then the pages say the English one is English (hub/ui/city-text.ts)
    statements: [
      'ALTER TABLE hub_centers RENAME COLUMN city TO city_en',
      "ALTER TABLE hub_centers ADD COLUMN city_ar TEXT NOT NULL DEFAULT ''",
    ],
  },
  migration18,
  migration19,
  migration20,
  {
    version: 21,
    name: "open data: each center's own services (no national code) and their lines now, from its latest heartbeat",
    // as hub_live_queues (migration 12): replaced by each heartbeat, live only while the heartbeats keep coming;
    // the center's names for the service, since the public cannot know it by the catalogue's
    statements: [
      `CREATE TABLE hub_live_local_queues (
        center_id    TEXT NOT NULL REFERENCES hub_centers (id),
        service_code TEXT NOT NULL,
        name_ar      TEXT NOT NULL,
        name_en      TEXT NOT NULL,
        waiting      INTEGER NOT NULL,
        wait_seconds INTEGER,
        open         INTEGER NOT NULL,
        PRIMARY KEY (center_id, service_code)
      )`,
    ],
  },
  {
    version: 22,
    name: "the name a center calls itself (its settings' centerName), from its latest heartbeat",
    // beside the registered name (hub_centers), which every hub page keeps showing: the fleet says
    // this one too when they differ, since a center renamed locally is never renamed at the hub
    statements: ['ALTER TABLE hub_center_status ADD COLUMN own_name_ar TEXT', 'ALTER TABLE hub_center_status ADD COLUMN own_name_en TEXT'],
  },
  {
    version: 23,
    name: "whether a center's scheduled backups are off, from its latest heartbeat",
    // the fleet said "—" for the last backup of a center whose own screens say "Nightly backups are off"; null: not said (an older center)
    statements: ['ALTER TABLE hub_center_status ADD COLUMN backups_off INTEGER'],
  },
  migration24,
]
