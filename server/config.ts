import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { Type, type Static } from '@sinclair/typebox'
import { isValidTimeZone } from '../protocol/center-clock.ts'
import { checkSettings, envList, envNumber, envYesNo, type Env } from '../protocol/config-load.ts'
import { findReorderingControl } from '../protocol/public-text.ts'
import { HubPublicKey } from '../protocol/config-bundle.ts'
import { DEFAULT_FINISH_OUTCOMES } from '../protocol/finish-outcomes.ts'
import { badAllowEntries } from './ops/scraper-access.ts'
import { fontFileProblem } from './ops/font-files.ts'

const Bilingual = Type.Object({ ar: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) })

// every object refuses unknown keys: a typo deep in the file must fail the start, not fall back to a default
const Strict = { additionalProperties: false } as const

const PriorityCategory = Type.Object(
  {
    code: Type.String({ pattern: '^[a-z][a-z0-9_]{0,31}$' }),
    nameAr: Type.String({ minLength: 1 }),
    nameEn: Type.String({ minLength: 1 }),
  },
  Strict,
)

/**
 * The one configuration schema. Every key has a default, so an empty file (or none) starts a
 * working center; `loadConfig` is the only place that reads process.env.
 */
export const ConfigSchema = Type.Object(
  {
    /** TCP port; env PORT. Default 8080. */
    port: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
    /** Listen address; env HOST. Default 0.0.0.0 (kiosks and TVs are other machines). */
    host: Type.String({ minLength: 1, default: '0.0.0.0' }),
    /** Where the SQLite file lives; env TABOUR_DATA_DIR. Default ./data. */
    dataDir: Type.String({ minLength: 1, default: './data' }),
    /** Password for the `admin` user created on first start; env TABOUR_ADMIN_PASSWORD. Random and printed once when absent. */
    adminPassword: Type.Optional(Type.String({ minLength: 8 })),
    /** Seed a demo center (services, counters, staff, devices and their codes) on an empty center only; env TABOUR_DEMO=1 (`quick-start`, what npm start sets: on unless a config file is named). Default false. */
    demo: Type.Boolean({ default: false }),
    /** pino level; env TABOUR_LOG_LEVEL. Default info. */
    logLevel: Type.Union(
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
      { default: 'info' },
    ),
    /** The center's IANA time zone: ticket numbers restart at its local midnight; env TABOUR_TIME_ZONE. Default Africa/Cairo. */
    timeZone: Type.String({ default: 'Africa/Cairo' }),
    /** The center's name on the kiosk, the ticket and the display. */
    centerName: Type.Object(
      { ar: Type.String({ minLength: 1 }), en: Type.String({ minLength: 1 }) },
      { ...Strict, default: { ar: 'المركز التكنولوجي لخدمة المواطنين', en: 'Citizen Service Technology Center' } },
    ),
    /** How the screens (kiosks, displays, consoles, the status page, printed tickets) write and start out; one setting for the whole center. */
    screens: Type.Object(
      {
        /** Digits in Arabic text on every screen and ticket: western (0-9) or arabic-indic (٠-٩); English text and ticket labels stay Western. Default western. */
        digits: Type.Union([Type.Literal('western'), Type.Literal('arabic-indic')], { default: 'western' }),
        /** The language a kiosk starts in and returns to when idle. Default ar. */
        language: Type.Union([Type.Literal('ar'), Type.Literal('en')], { default: 'ar' }),
      },
      { ...Strict, default: {} },
    ),
    auth: Type.Object(
      {
        /** How long a user's token lives. Default 12 h (one working day and some). */
        userTokenTtlSeconds: Type.Integer({ minimum: 60, default: 43_200 }),
        /** Login and pairing attempts allowed per client address and name per window. Default 10. */
        loginMaxAttempts: Type.Integer({ minimum: 1, default: 10 }),
        /** The throttling window. Default 60 s. */
        loginWindowSeconds: Type.Integer({ minimum: 1, default: 60 }),
      },
      { ...Strict, default: {} },
    ),
    /**
     * Per-device limits (token buckets): a copied kiosk or display token cannot flood the queue or
     * the center. Refusals are 429 TABOUR_ERR_RATE_LIMITED with Retry-After. The defaults sit far
     * above what a busy kiosk does (a citizen every few seconds at most) or a display needs (a
     * snapshot when it connects or misses an event).
     */
    deviceLimits: Type.Object(
      {
        /** Tickets one kiosk may issue per minute, sustained; env TABOUR_DEVICE_TICKETS_PER_MINUTE. Default 30 (one every 2 s). */
        ticketsPerMinute: Type.Number({ minimum: 1, default: 30 }),
        /** Tickets one kiosk may issue at once above that rate (a family taking several). Default 10. */
        ticketBurst: Type.Integer({ minimum: 1, default: 10 }),
        /** Snapshots one device may ask for per minute, sustained; env TABOUR_DEVICE_SNAPSHOTS_PER_MINUTE. Default 30. */
        snapshotsPerMinute: Type.Number({ minimum: 1, default: 30 }),
        /** Snapshots one device may ask for at once above that rate (reconnects after a network blip). Default 10. */
        snapshotBurst: Type.Integer({ minimum: 1, default: 10 }),
      },
      { ...Strict, default: {} },
    ),
    // ── logins, passwords, TLS and device paths (security hardening, issue 16 items 1, 2, 4, 5) ──
    /** Login limits that hold against floods and password spraying, and the ceiling on password hashing. */
    logins: Type.Object(
      {
        /** Login attempts allowed per client address per window, whatever usernames it tries. Default 30. */
        maxPerAddress: Type.Integer({ minimum: 1, default: 30 }),
        /** Failed logins allowed per username per window, from any address; then that username waits (even with the right password). Default 20. */
        maxFailuresPerUsername: Type.Integer({ minimum: 1, default: 20 }),
        /** The window of both limits above. Default 60 s. */
        windowSeconds: Type.Integer({ minimum: 1, maximum: 86_400, default: 60 }),
        /** Password hashes (scrypt) run at once; keep it below libuv's thread pool (UV_THREADPOOL_SIZE, 4) so static files are never starved. Default 2. */
        hashConcurrency: Type.Integer({ minimum: 1, maximum: 64, default: 2 }),
        /** Logins allowed to wait for a hashing slot; past it 429 TABOUR_ERR_RATE_LIMITED with Retry-After. Default 32. */
        hashQueue: Type.Integer({ minimum: 0, maximum: 10_000, default: 32 }),
      },
      { ...Strict, default: {} },
    ),
    /** What a staff password must be when it is set (dashboard, API, CLI); passwords already stored keep working. */
    passwords: Type.Object(
      {
        /** Fewest characters for a clerk's or a manager's password. Default 8. */
        minLength: Type.Integer({ minimum: 8, maximum: 200, default: 8 }),
        /** Fewest characters for an admin's password. Default 12. */
        adminMinLength: Type.Integer({ minimum: 8, maximum: 200, default: 12 }),
        /** Lowest strength estimate (zxcvbn 0–4: 0 common, 2 somewhat guessable, 3 safely unguessable) for a clerk or a manager. Default 2. */
        minScore: Type.Integer({ minimum: 0, maximum: 4, default: 2 }),
        /** Lowest strength estimate for an admin. Default 3. */
        adminMinScore: Type.Integer({ minimum: 0, maximum: 4, default: 3 }),
      },
      { ...Strict, default: {} },
    ),
    /** Where printers and serial lines may be: checked when an admin sets a kiosk's printer or a board's or keypad's path. */
    devicePaths: Type.Object(
      {
        /** Folders a printer device file or a serial path must be under (canonical, no `..`). Default ["/dev"]. */
        allowedRoots: Type.Array(Type.String({ pattern: '^/' }), { minItems: 1, default: ['/dev'] }),
        /** Let a tcp:// printer be on any address, not only private and loopback ones (or a host name other than localhost). Default false. */
        allowPublicPrinterHosts: Type.Boolean({ default: false }),
      },
      { ...Strict, default: {} },
    ),
    /** HTTPS for the center: on when certFile and keyFile are both set (see deploy/INSTALL.md, "TLS"). */
    tls: Type.Object(
      {
        /** PEM certificate (chain) file; env TABOUR_TLS_CERT. Re-read without downtime when it changes or on SIGHUP. Default: none (plain HTTP). */
        certFile: Type.Optional(Type.String({ minLength: 1 })),
        /** PEM private key file; env TABOUR_TLS_KEY. Default: none. */
        keyFile: Type.Optional(Type.String({ minLength: 1 })),
        /** With TLS on, also listen on this port over plain HTTP and redirect every request to HTTPS (e.g. 80). Default: none. */
        redirectHttpPort: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535 })),
        /** With TLS on, send Strict-Transport-Security (one year). Default true. */
        hsts: Type.Boolean({ default: true }),
        /** Let upstream.url be plain http:// on a host other than loopback (secrets and figures then cross the network in clear). Default false. */
        allowPlainHttpUpstream: Type.Boolean({ default: false }),
      },
      { ...Strict, default: {} },
    ),
    // ── end of issue 16 items 1, 2, 4, 5 ──
    queue: Type.Object(
      {
        /**
         * Call-next policy; env TABOUR_CALL_POLICY. Default priority: priority categories first, with the
         * anti-starvation cap and ageing below, because the kiosk promises it. `fifo` ignores categories.
         * See protocol/call-policy.ts.
         */
        policy: Type.Union([Type.Literal('fifo'), Type.Literal('priority'), Type.Literal('sla')], { default: 'priority' }),
        /** priority policy: ordinary ticket goes next after this many priority ones in a row. Default 3. */
        maxPriorityInARow: Type.Integer({ minimum: 1, default: 3 }),
        /** priority policy: an ordinary ticket waiting this long is promoted. Default 1800 s. */
        priorityAgingSeconds: Type.Integer({ minimum: 1, default: 1800 }),
        /** Appointments (issue 19): at most this many checked-in appointments in a row at one counter while a walk-in waits. Default 2. */
        maxAppointmentsInARow: Type.Integer({ minimum: 1, default: 2 }),
        /** A transferred ticket keeps its original issue time for ordering. Default true (it already waited once). */
        transferKeepsIssueTime: Type.Boolean({ default: true }),
        /**
         * Visits with several steps: where a ticket goes in its next step's line. `issue-time` (default):
         * by when it was first issued, so a citizen already in the building is not sent to the back;
         * `end-of-line`: behind everyone waiting at that moment.
         */
        stepPlacement: Type.Union([Type.Literal('issue-time'), Type.Literal('end-of-line')], { default: 'issue-time' }),
        /** A no-show can be undone (the ticket reinstated) for this long after it was marked. Default 30 min. */
        noShowGraceMinutes: Type.Integer({ minimum: 0, maximum: 1440, default: 30 }),
        /** A no-show cannot be marked sooner than this after the call, unless the clerk recalled since. Default 60 s. */
        minSecondsBeforeNoShow: Type.Integer({ minimum: 0, maximum: 3600, default: 60 }),
        /**
         * A counter whose clerk has had no live console (socket) for this long shows as away: it
         * leaves staffing and the estimates until the console reconnects, and a manager may close it.
         * Default 180 s (3 minutes).
         */
        awayAfterSeconds: Type.Number({ minimum: 0.1, maximum: 86_400, default: 180 }),
        /** Assumed service time when a service has no history yet. Default 300 s. */
        defaultServiceSeconds: Type.Integer({ minimum: 1, default: 300 }),
        /**
         * A waiting ticket's turn is "near" (the status page's "Your turn is near", the "few ahead" text
         * message) only while its estimate is at most this many minutes, besides few people being ahead:
         * at a slow service two ahead may be 40 minutes away (protocol/turn-near.ts). Default 15.
         */
        turnNearMinutes: Type.Integer({ minimum: 1, maximum: 240, default: 15 }),
        /** How many recent services the rolling mean uses. Default 20. */
        serviceTimeWindow: Type.Integer({ minimum: 1, maximum: 1000, default: 20 }),
        /** Priority categories a ticket may carry (code `none` is reserved for ordinary tickets). */
        priorityCategories: Type.Array(PriorityCategory, {
          default: [
            { code: 'elderly', nameAr: 'كبار السن', nameEn: 'Elderly' },
            { code: 'disabled', nameAr: 'ذوو الهمم', nameEn: 'People with disabilities' },
            { code: 'pregnant', nameAr: 'الحوامل', nameEn: 'Pregnant women' },
          ],
        }),
        /** The outcomes a clerk picks from when finishing a ticket (the console's list; the first is its default). */
        finishOutcomes: Type.Array(PriorityCategory, {
          minItems: 1,
          default: DEFAULT_FINISH_OUTCOMES.map((o) => ({ ...o })),
        }),
        /** A clerk may park a ticket (the citizen fetches a document) for at most this long; then it is abandoned. Default 30 min. */
        maxParkMinutes: Type.Integer({ minimum: 1, maximum: 240, default: 30 }),
        /** Why a clerk parks a ticket (the console's list; free text goes in the note). */
        parkReasons: Type.Array(PriorityCategory, {
          minItems: 1,
          maxItems: 20,
          default: [
            { code: 'missing_document', nameAr: 'إحضار مستند ناقص', nameEn: 'Fetching a missing document' },
            { code: 'photocopy', nameAr: 'عمل صورة ضوئية', nameEn: 'Making a photocopy' },
            { code: 'payment', nameAr: 'السداد', nameEn: 'Making a payment' },
            { code: 'other', nameAr: 'سبب آخر', nameEn: 'Other reason' },
          ],
        }),
      },
      { ...Strict, default: {} },
    ),
    /**
     * Bounds on slow or stalled HTTP clients, so a slowloris (headers a byte at a time) or an
     * upload that stops half-way cannot hold a connection and its memory forever: Node's own
     * defaults under Fastify are 60 s for headers and no limit at all for the body.
     */
    http: Type.Object(
      {
        /** The request line and headers must arrive within this, on a new or a kept-alive connection; then 408 and the connection closes. Default 10 s. */
        headersTimeoutSeconds: Type.Number({ minimum: 0.1, maximum: 3600, default: 10 }),
        /** The whole request, body included, must arrive within this (the answer is not limited: socket.io long-polling is unaffected). At least headersTimeoutSeconds. Default 30 s. */
        requestTimeoutSeconds: Type.Number({ minimum: 0.1, maximum: 3600, default: 30 }),
        /** An idle kept-alive connection is closed after this. Default 72 s (Fastify's). */
        keepAliveTimeoutSeconds: Type.Number({ minimum: 0.1, maximum: 3600, default: 72 }),
      },
      { ...Strict, default: {} },
    ),
    realtime: Type.Object(
      {
        /** How long a dropped socket may come back and receive what it missed; 0 turns recovery off. Default 120 s. */
        recoveryWindowSeconds: Type.Integer({ minimum: 0, default: 120 }),
        /** How often each socket's token is checked again, so a session that expires stops receiving pushes. Default 30 s. */
        tokenCheckSeconds: Type.Number({ minimum: 0.05, maximum: 3600, default: 30 }),
        /**
         * How often the server pings each socket. With `pingTimeoutSeconds` it bounds how long a screen
         * whose link died silently (a pulled cable, a Wi-Fi drop: no close ever arrives) keeps showing
         * its last call as current before it says it is reconnecting: at most their sum (socket.io's own
         * 25 + 20 s left a display showing a stale call for 45 s). Default 5 s.
         */
        pingIntervalSeconds: Type.Number({ minimum: 0.05, maximum: 60, default: 5 }),
        /** How long a ping may go unanswered before the socket counts as gone, on both ends. Default 10 s. */
        pingTimeoutSeconds: Type.Number({ minimum: 0.05, maximum: 60, default: 10 }),
        /**
         * How often the line is played again for the status pages watched now, so a page whose people
         * ahead changed with time alone (a counter's weights, a booked slot falling due, ageing: no event
         * moves them) is pushed its new place. Default 5 s.
         */
        orderCheckSeconds: Type.Number({ minimum: 0.05, maximum: 60, default: 5 }),
      },
      { ...Strict, default: {} },
    ),
    /** The address phones use to reach the center (for the QR on tickets), e.g. http://192.168.1.10:8080. Default: the address the kiosk used; env TABOUR_PUBLIC_URL. */
    publicUrl: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
    /** Where the built UIs are (vite build output). Default ./dist/ui. */
    uiDir: Type.String({ default: './dist/ui' }),
    /** Nightly online backups (server/ops/backup-scheduler.ts). Off unless `dir` is set. */
    backup: Type.Object(
      {
        /** Folder for the nightly backups; env TABOUR_BACKUP_DIR. Default: none (scheduled backups off). */
        dir: Type.Optional(Type.String({ minLength: 1 })),
        /** How many nightly backups to keep; older ones are deleted. Default 14. */
        keep: Type.Integer({ minimum: 1, maximum: 3650, default: 14 }),
        /** Local time (center time zone, 24 h HH:MM) of the nightly backup. Default 02:30. */
        atLocalTime: Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', default: '02:30' }),
      },
      { ...Strict, default: {} },
    ),
    /** GET /metrics (Prometheus). */
    metrics: Type.Object(
      {
        /** Bearer token a scraper shows to read /metrics; env TABOUR_METRICS_TOKEN. Default: none. With neither this nor `allow`, /metrics answers 403 to everyone. */
        token: Type.Optional(Type.String({ minLength: 16 })),
        /** Addresses or networks (`10.0.5.7`, `10.0.5.0/24`, `::1`) that may read /metrics without the token; env TABOUR_METRICS_ALLOW (comma-separated). Default: none. Loopback is not trusted by itself: behind a reverse proxy on the same machine every request comes from 127.0.0.1. */
        allow: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 100, default: [] }),
      },
      { ...Strict, default: {} },
    ),
    /** Hourly throughput to the national hub (server/upstream/): off unless url, centerId and secret are all set. */
    upstream: Type.Object(
      {
        /** The hub's base URL, e.g. https://hub.example.gov.eg; env TABOUR_UPSTREAM_URL. Default: none (reporting off). */
        url: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
        /** This center's id in the hub's registry; env TABOUR_UPSTREAM_CENTER_ID. */
        centerId: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$' })),
        /** The center's HMAC secret, from the hub's registry; env TABOUR_UPSTREAM_SECRET. */
        secret: Type.Optional(Type.String({ minLength: 16 })),
        /** The hub's public key (base64), given with the secret at registration and pinned here: configuration bundles signed with another key are refused; env TABOUR_UPSTREAM_HUB_PUBLIC_KEY. Default: none (bundles are refused). */
        hubPublicKey: Type.Optional(HubPublicKey),
        /** How often the event log is scanned into the outbox (the running hour is revised). Default 60 s. */
        scanSeconds: Type.Number({ minimum: 0.05, default: 60 }),
        /** How often the center's health is reported. Default 60 s. */
        heartbeatSeconds: Type.Number({ minimum: 0.05, default: 60 }),
        /** First retry delay while the hub is unreachable; doubles per failure, with jitter. Default 2 s. */
        retryMinSeconds: Type.Number({ minimum: 0.01, default: 2 }),
        /** Longest retry delay. Default 300 s. */
        retryMaxSeconds: Type.Number({ minimum: 0.01, default: 300 }),
        /** A request to the hub gives up after this long. Default 30 s. */
        timeoutSeconds: Type.Number({ minimum: 0.1, default: 30 }),
      },
      { ...Strict, default: {} },
    ),
    /** Webhooks for integrators (issue 20): signed deliveries of event-log events to subscribed URLs. */
    webhooks: Type.Object(
      {
        /** Host names a webhook URL may name: `portal.example.gov.eg`, or `*.example.gov.eg` for its subdomains; a host that resolves to a private or loopback address must be listed by its exact name; env TABOUR_WEBHOOK_ALLOWED_HOSTS (comma-separated). Default: none (no URL is accepted). */
        allowedHosts: Type.Array(Type.String({ minLength: 1, maxLength: 253 }), { default: [] }),
        /** Hosts that may be reached over plain http (a LAN integrator); every other URL must be https; env TABOUR_WEBHOOK_HTTP_HOSTS (comma-separated). Default: none. */
        httpHosts: Type.Array(Type.String({ minLength: 1, maxLength: 253 }), { default: [] }),
        /** A delivery attempt gives up after this long without an answer. Default 10 s. */
        timeoutSeconds: Type.Number({ minimum: 0.05, maximum: 120, default: 10 }),
        /** First retry delay of a failing delivery; doubles per failure, with jitter. Default 10 s. */
        retryMinSeconds: Type.Number({ minimum: 0.01, default: 10 }),
        /** Longest retry delay. Default 900 s (15 minutes). */
        retryMaxSeconds: Type.Number({ minimum: 0.01, default: 900 }),
        /** A delivery still not accepted this long after it was queued (or its subscription resumed) is given up and the next one goes. Default 72 h. */
        maxAgeHours: Type.Number({ minimum: 0.001, default: 72 }),
        /** A subscription whose deliveries have failed without a success for this long is paused (kept, with an alert) until an admin resumes it. Default 24 h. */
        pauseAfterHours: Type.Number({ minimum: 0.001, default: 24 }),
        /** How often due retries are looked for when nothing new happens. Default 5 s. */
        pollSeconds: Type.Number({ minimum: 0.01, default: 5 }),
      },
      { ...Strict, default: {} },
    ),
    /** Messages to citizens by SMS or WhatsApp (server/notify/): off unless `provider` is set. Credentials belong in the config file or the env, never in the database. */
    messages: Type.Object(
      {
        /** Who sends: smpp (an operator's SMSC), http (an aggregator's JSON API) or whatsapp (Cloud API); env TABOUR_MESSAGES_PROVIDER. Default none (nothing is sent, nothing is queued). */
        provider: Type.Union([Type.Literal('none'), Type.Literal('smpp'), Type.Literal('http'), Type.Literal('whatsapp')], {
          default: 'none',
        }),
        /** Country code given to local numbers (01x…). Default 20 (Egypt). */
        countryCode: Type.String({ pattern: '^[1-9][0-9]{0,2}$', default: '20' }),
        /** A turn is "near" with this many people or fewer ahead (and the estimate within queue.turnNearMinutes): the "N ahead" text, sent to a ticket that started further back, and the status page's "Your turn is near" alike; 0: no such text (the page then counts 3). Default 3. */
        aheadAt: Type.Integer({ minimum: 0, maximum: 100, default: 3 }),
        /** Quiet hours start (center-local HH:MM): nothing is sent from here to quietTo, it waits (or expires). Default none. */
        quietFrom: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })),
        /** Quiet hours end (center-local HH:MM). */
        quietTo: Type.Optional(Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' })),
        /** Most messages one number gets in a day; more are recorded as failed (TABOUR_ERR_MESSAGE_DAILY_CAP), never sent. Default 10. */
        dailyCapPerNumber: Type.Integer({ minimum: 1, maximum: 1000, default: 10 }),
        /** A ticket's message not sent within this many minutes (provider down, quiet hours) expires: a late "your turn" helps nobody. Default 30. */
        ticketExpiryMinutes: Type.Integer({ minimum: 1, maximum: 1440, default: 30 }),
        /** Days a walk-in ticket's number is kept after its day; 0: erased at the day's close. Default 0. */
        keepNumbersDays: Type.Integer({ minimum: 0, maximum: 365, default: 0 }),
        /** A booking's reminder goes this many hours before its slot (only to bookings made earlier than that); 0: no reminders. Default 24. */
        reminderHoursBefore: Type.Integer({ minimum: 0, maximum: 168, default: 24 }),
        /** How often the event log is scanned for new messages when nothing prompts it. Default 5 s. */
        scanSeconds: Type.Number({ minimum: 0.05, default: 5 }),
        /** First retry delay while the provider is down; doubles per failure, with jitter. Default 2 s. */
        retryMinSeconds: Type.Number({ minimum: 0.01, default: 2 }),
        /** Longest retry delay. Default 300 s. */
        retryMaxSeconds: Type.Number({ minimum: 0.01, default: 300 }),
        /** A request to an HTTP provider gives up after this long. Default 15 s. */
        timeoutSeconds: Type.Number({ minimum: 0.1, default: 15 }),
        /** SMPP 3.4 to an operator's SMSC (provider smpp). */
        smpp: Type.Object(
          {
            /** smpp://host:port (or ssmpp:// for TLS); env TABOUR_SMPP_URL. */
            url: Type.Optional(Type.String({ pattern: '^s?smpp://[^\\s]+$' })),
            /** The bind's system_id; env TABOUR_SMPP_SYSTEM_ID. */
            systemId: Type.Optional(Type.String({ minLength: 1, maxLength: 15 })),
            /** The bind's password (a secret); env TABOUR_SMPP_PASSWORD. */
            password: Type.Optional(Type.String({ maxLength: 8 })),
            /** system_type, if the operator asks for one. Default empty. */
            systemType: Type.String({ maxLength: 12, default: '' }),
            /** The sender id (alphanumeric, up to 11) or short code. Default Tabour. */
            sourceAddr: Type.String({ minLength: 1, maxLength: 20, default: 'Tabour' }),
            /** enquire_link keep-alive period. Default 30 s. */
            enquireLinkSeconds: Type.Number({ minimum: 0.05, default: 30 }),
            /** Most submit_sm awaiting their response at once (the operator's window). Default 10. */
            window: Type.Integer({ minimum: 1, maximum: 1000, default: 10 }),
            /** Most submit_sm per second (the operator's throughput). Default 20. */
            perSecond: Type.Number({ minimum: 0.1, maximum: 10_000, default: 20 }),
            /** First reconnect delay after the bind drops; doubles, with jitter. Default 1 s. */
            reconnectMinSeconds: Type.Number({ minimum: 0.01, default: 1 }),
            /** Longest reconnect delay. Default 60 s. */
            reconnectMaxSeconds: Type.Number({ minimum: 0.01, default: 60 }),
          },
          { ...Strict, default: {} },
        ),
        /** An aggregator's HTTP SMS API (provider http): a JSON POST whose fields are a template. */
        http: Type.Object(
          {
            /** Where to POST; env TABOUR_SMS_HTTP_URL. */
            url: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
            /** Bearer token (a secret); env TABOUR_SMS_HTTP_TOKEN. */
            token: Type.Optional(Type.String({ minLength: 1 })),
            /** Basic auth user, instead of a token. */
            username: Type.Optional(Type.String({ minLength: 1 })),
            /** Basic auth password (a secret); env TABOUR_SMS_HTTP_PASSWORD. */
            password: Type.Optional(Type.String({ minLength: 1 })),
            /** The JSON body: every string value's {to}, {text}, {key}, {lang}, {unicode} is filled in. Default {"to":"{to}","text":"{text}","reference":"{key}"}. */
            body: Type.Record(Type.String(), Type.Unknown(), { default: { to: '{to}', text: '{text}', reference: '{key}' } }),
            /** Where the answer holds the message id (dot path). Default id. */
            idField: Type.String({ minLength: 1, default: 'id' }),
          },
          { ...Strict, default: {} },
        ),
        /** WhatsApp Cloud API (provider whatsapp): approved template messages with parameters. */
        whatsapp: Type.Object(
          {
            /** The Graph API base. Default https://graph.facebook.com/v21.0. */
            baseUrl: Type.String({ pattern: '^https?://[^\\s]+$', default: 'https://graph.facebook.com/v21.0' }),
            /** The business phone number's id; env TABOUR_WHATSAPP_PHONE_NUMBER_ID. */
            phoneNumberId: Type.Optional(Type.String({ pattern: '^[0-9]{1,30}$' })),
            /** The access token (a secret); env TABOUR_WHATSAPP_TOKEN. */
            token: Type.Optional(Type.String({ minLength: 1 })),
            /** The approved template's name for each kind, and for ticket_taken_held (a held phone join's ticket taken, docs/messages.md); default tabour_<kind>. */
            templates: Type.Record(Type.String(), Type.String({ pattern: '^[a-z0-9_]{1,512}$' }), { default: {} }),
            /** The Meta app's secret (a secret): status webhooks must carry its X-Hub-Signature-256 HMAC; env TABOUR_WHATSAPP_APP_SECRET. Without it the status webhook is off. */
            appSecret: Type.Optional(Type.String({ minLength: 1 })),
            /** The token the webhook's subscription handshake (hub.verify_token) must match; env TABOUR_WHATSAPP_VERIFY_TOKEN. */
            verifyToken: Type.Optional(Type.String({ minLength: 1 })),
          },
          { ...Strict, default: {} },
        ),
      },
      { ...Strict, default: {} },
    ),
    /** Citizen feedback (issue 21): the rating window, the counter tablets and the manager's low-rating alert. */
    feedback: Type.Object(
      {
        /** A ticket can be rated this long after its finish (tablet, keypad, status page). Default 30 min. */
        windowMinutes: Type.Integer({ minimum: 1, maximum: 1440, default: 30 }),
        /** A counter tablet's ask nobody answers returns to idle after this (the thank-you stays 6 s); a reloaded tablet asks again only within it. Default 60 s. */
        tabletIdleSeconds: Type.Integer({ minimum: 3, maximum: 600, default: 60 }),
        /** The alert looks at each counter's ratings of this last stretch. Default 60 min. */
        alertWindowMinutes: Type.Integer({ minimum: 5, maximum: 1440, default: 60 }),
        /** A counter's alert is raised when the average of that stretch is below this. Default 3.0. */
        alertBelowAverage: Type.Number({ minimum: 1, maximum: 5, default: 3 }),
        /** …and only once it has at least this many ratings in the stretch (one bad day of one citizen is no trend). Default 5. */
        alertMinRatings: Type.Integer({ minimum: 1, maximum: 1000, default: 5 }),
      },
      { ...Strict, default: {} },
    ),
    /** Ticket printing: the fonts a ticket is drawn with (the printers themselves are devices, set on the dashboard). */
    printing: Type.Object(
      {
        fonts: Type.Object(
          {
            /** A font file (.ttf, .otf, .woff, .woff2) for the ticket's Arabic lines, instead of the bundled Noto Naskh Arabic; checked at start. Default: the bundled font. */
            arabic: Type.Optional(Type.String({ minLength: 1 })),
            /** A font file for the English lines, the digits and the big label, instead of the bundled Cairo; checked at start. Default: the bundled font. */
            latin: Type.Optional(Type.String({ minLength: 1 })),
          },
          { ...Strict, default: {} },
        ),
      },
      { ...Strict, default: {} },
    ),
    /** Logs: always JSON to stdout; also to a rotating file when `file` is set. */
    log: Type.Object(
      {
        /** Log file path; pino-roll writes `tabour.log` as `tabour.YYYY-MM-DD.N.log`, a new one daily or at maxSize; env TABOUR_LOG_FILE. Default: none (stdout only). */
        file: Type.Optional(Type.String({ minLength: 1 })),
        /** Start a new file every day or when the current one reaches this size (k, m, g). Default 20m. */
        maxSize: Type.String({ pattern: '^[1-9][0-9]*[kmg]$', default: '20m' }),
        /** How many old log files to keep. Default 14. */
        keep: Type.Integer({ minimum: 1, maximum: 1000, default: 14 }),
      },
      { ...Strict, default: {} },
    ),
    /** Joining a service's line from a phone (the virtual queue, server/queue/remote-join.ts). Off until `services` names one. */
    remoteJoin: Type.Object(
      {
        /** The services (by prefix) that take remote joins, each with its mode, its daily cap of remote joins and its minutes to arrive. Default: none. */
        services: Type.Array(
          Type.Object(
            {
              /** The service's ticket prefix, e.g. A. */
              prefix: Type.String({ minLength: 1, maxLength: 8 }),
              /** `check-in`: holds a place, never called until the citizen arrives; `call-ahead`: waits from the start and is called in turn. Default check-in. */
              mode: Type.Union([Type.Literal('check-in'), Type.Literal('call-ahead')], { default: 'check-in' }),
              /** Remote joins this service takes per day. Default 50. */
              dailyCap: Type.Integer({ minimum: 0, maximum: 100_000, default: 50 }),
              /** check-in: minutes after its turn came before an unarrived ticket is abandoned; call-ahead: minutes the page gives to reach the counter once called. Default 20. */
              arriveMinutes: Type.Integer({ minimum: 1, maximum: 240, default: 20 }),
            },
            Strict,
          ),
          { maxItems: 200, default: [] },
        ),
        /** Remote joins one mobile number may make per day, all services together. Default 2. */
        perPhonePerDay: Type.Integer({ minimum: 1, maximum: 100, default: 2 }),
        /** Remote joins one client address may make per hour (a whole office behind one address needs more). Default 10. */
        perAddressPerHour: Type.Integer({ minimum: 1, maximum: 10_000, default: 10 }),
        /** Addresses or networks of the center's own network (Wi-Fi): "I am here" is accepted only from them. Default: the private ranges (10/8, 172.16/12, 192.168/16, fc00::/7). Loopback is left out: a reverse proxy on the same machine makes every request come from it; behind a proxy on the network, list only the Wi-Fi's range, never the proxy's address. */
        centerNetworks: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), {
          maxItems: 100,
          default: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
        }),
        /** Seconds between the join page's reads of the services (a counter opening shows without a reload). Default 10; tests shorten it. */
        pageRefreshSeconds: Type.Integer({ minimum: 1, maximum: 300, default: 10 }),
      },
      { ...Strict, default: {} },
    ),
  },
  { additionalProperties: false },
)

export type Config = Static<typeof ConfigSchema>
export type BilingualName = Static<typeof Bilingual>

export class ConfigError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConfigError'
  }
}

/** The env variables we read and the config key each sets. */
function fromEnv(env: Env, configFile: string | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  const set = (key: string, value: unknown) => {
    if (value !== undefined && value !== '') out[key] = value
  }
  set('port', env.PORT === undefined ? undefined : envNumber(env.PORT))
  set('host', env.HOST)
  set('dataDir', env.TABOUR_DATA_DIR)
  set('adminPassword', env.TABOUR_ADMIN_PASSWORD)
  // npm start's quick start asks for the demo only while no config file is named: a configured center gets it only when its file or TABOUR_DEMO=1 says so
  const quickStart = env.TABOUR_DEMO === 'quick-start'
  set('demo', env.TABOUR_DEMO === undefined || (quickStart && configFile) ? undefined : quickStart ? true : envYesNo(env.TABOUR_DEMO))
  set('logLevel', env.TABOUR_LOG_LEVEL)
  set('timeZone', env.TABOUR_TIME_ZONE)
  set('uiDir', env.TABOUR_UI_DIR)
  set('publicUrl', env.TABOUR_PUBLIC_URL)
  if (env.TABOUR_CALL_POLICY) out.queue = { policy: env.TABOUR_CALL_POLICY }
  if (env.TABOUR_BACKUP_DIR) out.backup = { dir: env.TABOUR_BACKUP_DIR }
  const deviceLimits: Record<string, unknown> = {}
  if (env.TABOUR_DEVICE_TICKETS_PER_MINUTE) deviceLimits.ticketsPerMinute = envNumber(env.TABOUR_DEVICE_TICKETS_PER_MINUTE)
  if (env.TABOUR_DEVICE_SNAPSHOTS_PER_MINUTE) deviceLimits.snapshotsPerMinute = envNumber(env.TABOUR_DEVICE_SNAPSHOTS_PER_MINUTE)
  if (Object.keys(deviceLimits).length > 0) out.deviceLimits = deviceLimits
  const metrics: Record<string, unknown> = {}
  if (env.TABOUR_METRICS_TOKEN) metrics.token = env.TABOUR_METRICS_TOKEN
  if (env.TABOUR_METRICS_ALLOW) metrics.allow = envList(env.TABOUR_METRICS_ALLOW)
  if (Object.keys(metrics).length > 0) out.metrics = metrics
  if (env.TABOUR_LOG_FILE) out.log = { file: env.TABOUR_LOG_FILE }
  const tls: Record<string, string> = {}
  if (env.TABOUR_TLS_CERT) tls.certFile = env.TABOUR_TLS_CERT
  if (env.TABOUR_TLS_KEY) tls.keyFile = env.TABOUR_TLS_KEY
  if (Object.keys(tls).length > 0) out.tls = tls
  const upstream: Record<string, string> = {}
  if (env.TABOUR_UPSTREAM_URL) upstream.url = env.TABOUR_UPSTREAM_URL
  if (env.TABOUR_UPSTREAM_CENTER_ID) upstream.centerId = env.TABOUR_UPSTREAM_CENTER_ID
  if (env.TABOUR_UPSTREAM_SECRET) upstream.secret = env.TABOUR_UPSTREAM_SECRET
  if (env.TABOUR_UPSTREAM_HUB_PUBLIC_KEY) upstream.hubPublicKey = env.TABOUR_UPSTREAM_HUB_PUBLIC_KEY
  if (Object.keys(upstream).length > 0) out.upstream = upstream
  const webhooks: Record<string, string[]> = {}
  if (env.TABOUR_WEBHOOK_ALLOWED_HOSTS) webhooks.allowedHosts = envList(env.TABOUR_WEBHOOK_ALLOWED_HOSTS)
  if (env.TABOUR_WEBHOOK_HTTP_HOSTS) webhooks.httpHosts = envList(env.TABOUR_WEBHOOK_HTTP_HOSTS)
  if (Object.keys(webhooks).length > 0) out.webhooks = webhooks
  const messages: Record<string, unknown> = {}
  if (env.TABOUR_MESSAGES_PROVIDER) messages.provider = env.TABOUR_MESSAGES_PROVIDER
  const smpp: Record<string, string> = {}
  if (env.TABOUR_SMPP_URL) smpp.url = env.TABOUR_SMPP_URL
  if (env.TABOUR_SMPP_SYSTEM_ID) smpp.systemId = env.TABOUR_SMPP_SYSTEM_ID
  if (env.TABOUR_SMPP_PASSWORD) smpp.password = env.TABOUR_SMPP_PASSWORD
  if (Object.keys(smpp).length > 0) messages.smpp = smpp
  const smsHttp: Record<string, string> = {}
  if (env.TABOUR_SMS_HTTP_URL) smsHttp.url = env.TABOUR_SMS_HTTP_URL
  if (env.TABOUR_SMS_HTTP_TOKEN) smsHttp.token = env.TABOUR_SMS_HTTP_TOKEN
  if (env.TABOUR_SMS_HTTP_PASSWORD) smsHttp.password = env.TABOUR_SMS_HTTP_PASSWORD
  if (Object.keys(smsHttp).length > 0) messages.http = smsHttp
  const whatsapp: Record<string, string> = {}
  if (env.TABOUR_WHATSAPP_PHONE_NUMBER_ID) whatsapp.phoneNumberId = env.TABOUR_WHATSAPP_PHONE_NUMBER_ID
  if (env.TABOUR_WHATSAPP_TOKEN) whatsapp.token = env.TABOUR_WHATSAPP_TOKEN
  if (env.TABOUR_WHATSAPP_APP_SECRET) whatsapp.appSecret = env.TABOUR_WHATSAPP_APP_SECRET
  if (env.TABOUR_WHATSAPP_VERIFY_TOKEN) whatsapp.verifyToken = env.TABOUR_WHATSAPP_VERIFY_TOKEN
  if (Object.keys(whatsapp).length > 0) messages.whatsapp = whatsapp
  if (Object.keys(messages).length > 0) out.messages = messages
  return out
}

/**
 * Builds the config from defaults ← JSON file (TABOUR_CONFIG or `file`) ← environment, and
 * validates it. Throws ConfigError naming the bad field, e.g. `config: /port must be ≤ 65535`.
 */
export function loadConfig(options: { env?: Env; file?: string; overrides?: Record<string, unknown> } = {}): Config {
  const env = options.env ?? process.env
  const file = options.file ?? env.TABOUR_CONFIG
  let fromFile: Record<string, unknown> = {}
  if (file) {
    let text: string
    try {
      text = readFileSync(resolve(file), 'utf8')
    } catch (err) {
      throw new ConfigError(`config file ${file} cannot be read: ${(err as Error).message}`)
    }
    try {
      fromFile = JSON.parse(text)
    } catch (err) {
      throw new ConfigError(`config file ${file} is not valid JSON: ${(err as Error).message}`)
    }
    if (typeof fromFile !== 'object' || fromFile === null || Array.isArray(fromFile)) {
      throw new ConfigError(`config file ${file} must hold a JSON object`)
    }
  }
  const envPart = fromEnv(env, file)
  const merged = deepMerge(deepMerge(fromFile, envPart), options.overrides ?? {})
  return validateConfig(merged)
}

/** Validates a raw object (applying defaults) into a Config; throws ConfigError naming the field. */
export function validateConfig(raw: unknown): Config {
  const { value: config, problems } = checkSettings(ConfigSchema, raw)
  if (problems.length > 0) throw new ConfigError(`invalid config: ${problems.join('; ')}`)
  if (!isValidTimeZone(config.timeZone)) {
    throw new ConfigError(`invalid config: /timeZone "${config.timeZone}" is not an IANA time zone (e.g. Africa/Cairo)`)
  }
  const codes = config.queue.priorityCategories.map((c) => c.code)
  if (codes.includes('none') || new Set(codes).size !== codes.length) {
    throw new ConfigError('invalid config: /queue/priorityCategories codes must be unique and not "none"')
  }
  // names the public sees (kiosk, ticket, display) must read as typed: see protocol/public-text.ts
  const shown = {
    centerName: config.centerName,
    queue: { priorityCategories: config.queue.priorityCategories, finishOutcomes: config.queue.finishOutcomes },
  }
  const control = findReorderingControl(shown)
  if (control)
    throw new ConfigError(`invalid config: /${control.path} holds the invisible direction control ${control.codePoint}; remove it`)
  const badScrapers = badAllowEntries(config.metrics.allow)
  if (badScrapers.length > 0)
    throw new ConfigError(
      `invalid config: /metrics/allow ${JSON.stringify(badScrapers[0])} is neither an IP address nor a network (10.0.5.0/24)`,
    )
  const badNetworks = badAllowEntries(config.remoteJoin.centerNetworks)
  if (badNetworks.length > 0)
    throw new ConfigError(
      `invalid config: /remoteJoin/centerNetworks ${JSON.stringify(badNetworks[0])} is neither an IP address nor a network (10.0.5.0/24)`,
    )
  const outcomes = config.queue.finishOutcomes.map((o) => o.code)
  if (new Set(outcomes).size !== outcomes.length) throw new ConfigError('invalid config: /queue/finishOutcomes codes must be unique')
  if (config.http.headersTimeoutSeconds > config.http.requestTimeoutSeconds) {
    throw new ConfigError(
      'invalid config: /http/headersTimeoutSeconds must not exceed /http/requestTimeoutSeconds (the headers are part of the request)',
    )
  }
  for (const [key, path] of Object.entries(config.printing.fonts)) {
    const problem = path === undefined ? null : fontFileProblem(resolve(path))
    if (problem) throw new ConfigError(`invalid config: /printing/fonts/${key} ${JSON.stringify(path)} ${problem}`)
  }
  const up = config.upstream
  const upSet = [up.url, up.centerId, up.secret].filter((v) => v !== undefined).length
  if (upSet !== 0 && upSet !== 3)
    throw new ConfigError('invalid config: /upstream needs url, centerId and secret together (or none: reporting off)')
  if ((config.tls.certFile === undefined) !== (config.tls.keyFile === undefined))
    throw new ConfigError('invalid config: /tls needs certFile and keyFile together (or neither: plain HTTP)')
  if (up.url && !config.tls.allowPlainHttpUpstream && isPlainHttpOffLoopback(up.url))
    throw new ConfigError(
      'invalid config: /upstream/url is plain http:// to another machine: use https:// (or set /tls/allowPlainHttpUpstream, secrets then cross the network in clear)',
    )
  return config
}

/** http:// to a host other than loopback (a local tunnel or proxy on the same box is fine). */
function isPlainHttpOffLoopback(url: string): boolean {
  const parsed = URL.canParse(url) ? new URL(url) : null
  if (parsed?.protocol !== 'http:') return false
  return !['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname) && !parsed.hostname.startsWith('127.')
}

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a }
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key]
    out[key] = isPlainObject(prev) && isPlainObject(value) ? deepMerge(prev, value) : value
  }
  return out
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
