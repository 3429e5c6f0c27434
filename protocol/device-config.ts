import { Type, type Static } from '@sinclair/typebox'
import { literalUnion, Nullable } from './common.ts'
import { PRINTER_PROBLEMS, type PrinterFlags, type PrinterProblem } from './printer-problem.ts'
import { PAPER_WIDTHS_MM, PRINTER_TYPES } from './printer-settings.ts'
import { MAX_LISTED_CALLS } from './listed-calls.ts'

/**
 * Where a ticket printer is: `tcp://host:9100` (network), a device file such as `/dev/usb/lp0`,
 * or `serial:/dev/ttyUSB0?baudRate=19200`. A path is any absolute one here: which folders it may
 * be in is the center's `devicePaths.allowedRoots` (/dev by default), as for boards and keypads;
 * the schema's own `/dev/` refused a printer on a pty link a center had allowed (walk s46).
 */
export const PrinterInterface = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^(tcp://[A-Za-z0-9.\\-\\[\\]:]+:[0-9]{1,5}|/[A-Za-z0-9._/\\-]+|serial:/[A-Za-z0-9._/\\-]+(\\?baudRate=[0-9]{3,7})?)$',
  description: 'tcp://host:9100, /dev/usb/lp0 or serial:/dev/ttyUSB0?baudRate=19200',
})

export const PrinterConfig = Type.Object(
  {
    type: literalUnion(PRINTER_TYPES),
    interface: PrinterInterface,
    widthMm: Type.Union(PAPER_WIDTHS_MM.map((mm) => Type.Literal(mm))),
  },
  { additionalProperties: false },
)
export type PrinterConfig = Static<typeof PrinterConfig>

/** A kiosk's settings, in its device `config`. Every key is optional; the defaults are the kiosk's. */
export const KioskConfig = Type.Object(
  {
    /** The ticket printer beside this kiosk; none = tickets shown on screen only. */
    printer: Type.Optional(PrinterConfig),
    /** Ask for a priority category before issuing. Default false. */
    askPriority: Type.Optional(Type.Boolean()),
    /** Offer an optional phone number on a keypad. Default false. */
    askPhone: Type.Optional(Type.Boolean()),
    /** What a valid phone number looks like. Default Egyptian mobile ^01[0125][0-9]{8}$. */
    phonePattern: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    /** Deprecated and ignored: the center's one setting (screens.digits / the admin's) applies; still accepted so stored configs load. */
    digits: Type.Optional(literalUnion(['western', 'arabic-indic'])),
    /** Seconds without a touch before the kiosk returns home. Default 30. */
    idleSeconds: Type.Optional(Type.Integer({ minimum: 5, maximum: 600 })),
    /** The services this kiosk offers (a kiosk on the first floor: that floor's); absent: all. Others are refused with TABOUR_ERR_SERVICE_NOT_OFFERED_HERE. */
    serviceIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, uniqueItems: true })),
  },
  { additionalProperties: false },
)
export type KioskConfig = Static<typeof KioskConfig>

/**
 * How printing a just-issued ticket stands when the issue answer leaves: 'queued' means the job
 * was sent to the printer and its outcome is still unknown (the kiosk says "printing…" until the
 * `device:status` push whose `lastJob` names the ticket), 'none' no printer, 'fault' a printer
 * known to be faulty (nothing was queued: the ticket is on screen only).
 */
export const PrintingState = literalUnion(['queued', 'none', 'fault'])
export type PrintingState = Static<typeof PrintingState>

/** A printer's last known status (its flags: printer-problem.ts), pushed as `device:status` and listed for the dashboard. */
export interface PrinterStatusReport extends PrinterFlags {
  paperNearEnd: boolean
  /** What is wrong, as a stable code (absent: nothing). */
  problem?: PrinterProblem
  /** The driver's own words on a link problem (refused, no reply, the bad byte). */
  detail?: string
  /** The name of the kiosk the printer belongs to (or of the stand-alone printer), for staff alerts. */
  kioskName?: string
  /**
   * Whose printer it is: a kiosk's own, or a stand-alone `printer` device (at reception, bound to
   * counters). The alerts name it so ("Kiosk “Entrance”" / "Printer “Reception”") and say what its
   * stop means: a kiosk shows its tickets on screen; a stand-alone printer's tickets are not printed.
   * Absent in an older server's report: a kiosk's.
   */
  deviceKind?: 'kiosk' | 'printer'
  /**
   * The last ticket job's outcome, when there was one (kept across restarts). 'printed' means every
   * byte was accepted and, when the printer answers DLE EOT, the status read right after the job
   * was clean.
   */
  lastJob?: PrintJobReport
  /**
   * When the printer last answered (a status poll or a printed job), on the server's clock;
   * absent: not since the server began watching it (`watchedSince`). The server keeps it fresh on every poll in what it
   * answers (GET /stats/devices, a snapshot) without pushing: a push goes out only when something
   * else in the report changes.
   */
  heardAt?: string
  /**
   * Since when the server has watched this printer: when it started, or when the printer was added or its address
   * changed after that. "No answer since the server started" was untrue of a printer added an hour after the start
   * (walk s52). Absent in an older server's report.
   */
  watchedSince?: string
  /** When the server made this report. */
  at: string
}

/** A printer's last ticket job: which ticket, how it ended and when, and on a failure what stopped it. */
export interface PrintJobReport {
  ticketId: string
  /** The ticket's label, for staff. */
  label?: string
  outcome: 'printed' | 'failed'
  /** The driver's own words on a failure. */
  reason?: string
  /** On a failure, the printer problem the job met (`not-answering`: it could not be reached); absent: the job itself failed. */
  problem?: PrinterProblem
  /** When the outcome was known, on the server's clock. */
  at?: string
}

/**
 * A waiting-room display's settings, in its device `config`. Every key is optional; the
 * defaults are the display's (display-ui/display-settings.ts applies them).
 */
export const DisplayConfig = Type.Object(
  {
    /** Deprecated and ignored: the center's one setting (screens.digits / the admin's) applies; still accepted so stored configs load. */
    digits: Type.Optional(literalUnion(['western', 'arabic-indic'])),
    /** How many earlier calls are listed under the newest one. Default 6. */
    recentCalls: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_LISTED_CALLS })),
    /** Show how many wait for each service. Default true. */
    showWaiting: Type.Optional(Type.Boolean()),
    /**
     * Languages a call is announced in, in order; [] only chimes. Default ['ar']. When calls queue
     * up the display says them in Arabic only, whatever this says.
     */
    announceLanguages: Type.Optional(Type.Array(literalUnion(['ar', 'en']), { maxItems: 2, uniqueItems: true })),
    /** A chime (2.1 s) before each announcement, except when calls queue up. Default false. */
    chime: Type.Optional(Type.Boolean()),
    /**
     * How a call is worded: 'short' «A خمسة عشر، شباك ثلاثة» (about 3.5 s) or 'long' «العميل رقم
     * A خمسة عشر، الشباك رقم ثلاثة» (about 5.2 s). Default 'short'; always short when calls queue up.
     */
    announcement: Type.Optional(literalUnion(['short', 'long'])),
    /** Show the Hijri (Umm al-Qura) date under the Gregorian one. Default true. */
    hijriDate: Type.Optional(Type.Boolean()),
    /** Show the images and videos of `<dataDir>/media/` beside the calls. Default false. */
    media: Type.Optional(Type.Boolean()),
    /** Seconds each image stays on screen (a video plays to its end). Default 10. */
    mediaSeconds: Type.Optional(Type.Integer({ minimum: 3, maximum: 600 })),
    /** Seconds a new call flashes. Default 6. */
    flashSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 60 })),
  },
  { additionalProperties: false },
)
export type DisplayConfig = Static<typeof DisplayConfig>

/**
 * A serial port path: a device such as /dev/ttyUSB0 or /dev/serial/by-id/…, or a pty link
 * (socat) such as /tmp/tabour-A. Absolute, plain characters, no `..`.
 */
export const SerialPath = Type.String({
  minLength: 2,
  maxLength: 200,
  pattern: '^(?!.*/\\.\\.(/|$))/[A-Za-z0-9._/:+\\-]+$',
  description: '/dev/ttyUSB0, /dev/serial/by-id/usb-…, or a pty link such as /tmp/tabour-A',
})

/** Speeds LED boards and keypads use; every device on one port path must share one. */
export const SerialBaudRate = Type.Integer({ minimum: 1200, maximum: 115200, description: 'default 9600' })

/** A board or keypad's address on its line (2 hex digits in each frame); 0 and 255 are reserved. */
export const SerialAddress = Type.Integer({ minimum: 1, maximum: 254 })

/** Board protocols the server speaks; `tabour-ascii` is documented in drivers/serial/README.md. */
export const BoardProtocolId = literalUnion(['tabour-ascii'])

/**
 * An LED counter board's settings, in its device `config`: it shows the label at `counterId`.
 * An empty config registers a board that is not wired to a serial line (yet).
 */
export const BoardConfig = Type.Object(
  {
    path: SerialPath,
    /** Default 9600. */
    baudRate: Type.Optional(SerialBaudRate),
    address: SerialAddress,
    counterId: Type.Integer({ minimum: 1 }),
    /** Default tabour-ascii. */
    protocol: Type.Optional(BoardProtocolId),
  },
  { additionalProperties: false },
)
export type BoardConfig = Static<typeof BoardConfig>

/** A call keypad's settings: it acts at `counterId`, for the clerk who holds that counter open. */
export const KeypadConfig = Type.Object(
  {
    path: SerialPath,
    /** Default 9600. */
    baudRate: Type.Optional(SerialBaudRate),
    address: SerialAddress,
    counterId: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
)
export type KeypadConfig = Static<typeof KeypadConfig>

/**
 * A counter feedback tablet's settings (issue 21): it asks for a rating after each finish at
 * `counterId`, and returns to idle after `idleSeconds` (default: the center's feedback.tabletIdleSeconds).
 */
export const FeedbackConfig = Type.Object(
  {
    counterId: Type.Integer({ minimum: 1 }),
    idleSeconds: Type.Optional(Type.Integer({ minimum: 3, maximum: 600 })),
  },
  { additionalProperties: false },
)
export type FeedbackConfig = Static<typeof FeedbackConfig>

/** What a display reports about itself (POST /devices/me/status). */
export const DisplaySoundReport = Type.Object(
  {
    /** 'ok': calls are heard; 'blocked': the browser holds the sound back until someone touches the screen (autoplay policy). */
    sound: literalUnion(['ok', 'blocked']),
    /** Why the sound is down, for a technician, like a serial line's `lastError`. */
    lastError: Type.Optional(Type.String({ maxLength: 300 })),
  },
  { additionalProperties: false },
)
export type DisplaySoundReport = Static<typeof DisplaySoundReport>

/** A display's own report as pushed in `device:status` (`{display: …}`), stamped by the server. */
export type DisplayStatusReport = DisplaySoundReport & { at: string }

/** A serial board or keypad's line as pushed in `device:status` (`{serial: …}`). */
export interface SerialStatusReport {
  port: string
  open: boolean
  /** Why the port is down, or the last refusal (a baud rate conflict). */
  lastError?: string
  lastFrameAt?: string
  badFrames: number
  lastBadFrame?: { kind: string; at: string }
  /** Keypads: the last press and how it was answered. */
  lastKey?: { key: string; ok: boolean; reason?: string; at: string }
  at: string
}

/**
 * What a test print (POST /devices/:id/test-print) found: whether the sample ticket printed, and
 * the printer's problem then (protocol/printer-problem.ts; null: nothing wrong). A printer that
 * cannot be reached is an answer here (`not-answering`), not an error: the form words it next to
 * the printer's address.
 */
export const TestPrintReply = Type.Object({
  printed: Type.Boolean(),
  problem: Nullable(literalUnion(PRINTER_PROBLEMS)),
  /** The driver's own words when the job failed (for a technician). */
  detail: Type.Optional(Type.String()),
})
export type TestPrintReply = Static<typeof TestPrintReply>
