/**
 * Generates the default announcement clips with Debian's espeak-ng and sox, so the display
 * speaks without internet, an OS voice or a recording studio:
 *
 *   npx tsx display-ui/sounds/generate-clips.ts [--out DIR] [--only NAME,NAME…]
 *
 * Writes `<out>/<name>.ogg` (default out: display-ui/public/sounds, which vite copies to the
 * build as <base>/sounds/) for every clip `allClipNames()` lists: the spoken ones from
 * clip-texts.ts, the chime and two silences. The output is committed, so a fresh clone has
 * sound without espeak-ng; run this again only when a text, the voice or the encoding changes.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { allClipNames, CHIME, PAUSE, PAUSE_SHORT } from '../announcer/compose.ts'
import { clipTexts } from './clip-texts.ts'

const HERE = dirname(fileURLToPath(import.meta.url))
/** 16 kHz mono Ogg Vorbis at the lowest quality that still sounds clean for speech: ~7 KB a word. */
const ENCODE = ['-r', '16000', '-c', '1', '-C', '0']
/** espeak-ng voice and speed (words per minute; 175 is its default, a bit fast for a hall). */
const VOICES = { ar: 'ar', en: 'en' } as const
const SPEED = '150'
/**
 * Trim espeak's leading and trailing silence (so clips join without holes), keep a breath of
 * 20 ms before and 70 ms after each word (so they do not run into each other), and bring every
 * clip to the same loudness.
 */
const TRIM = [
  'silence',
  '1',
  '0.01',
  '0.3%',
  'reverse',
  'silence',
  '1',
  '0.01',
  '0.3%',
  'reverse',
  'pad',
  '0.02',
  '0.07',
  'gain',
  '-n',
  '-1',
]

function args(): { out: string; only: Set<string> | null } {
  const argv = process.argv.slice(2)
  const value = (flag: string) => {
    const i = argv.indexOf(flag)
    return i >= 0 ? argv[i + 1] : undefined
  }
  const only = value('--only')
  return { out: value('--out') ?? join(HERE, '..', 'public', 'sounds'), only: only ? new Set(only.split(',')) : null }
}

function need(program: string): void {
  try {
    execFileSync(program, ['--version'], { stdio: 'ignore' })
  } catch {
    console.error(`${program} is missing: apt-get install -y --no-install-recommends espeak-ng sox libsox-fmt-all`)
    process.exit(1)
  }
}

const sox = (...argv: string[]) => execFileSync('sox', argv, { stdio: ['ignore', 'ignore', 'inherit'] })

/** A soft two-tone "ding-dong" (E5 then C5), each tone a sine with a long fade, then a short rest. */
function makeChime(file: string, tmp: string): void {
  const ding = join(tmp, 'ding.wav')
  const dong = join(tmp, 'dong.wav')
  sox('-n', '-r', '16000', '-c', '1', ding, 'synth', '1.0', 'sine', '659.25', 'fade', 'h', '0.01', '1.0', '0.95')
  sox('-n', '-r', '16000', '-c', '1', dong, 'synth', '1.3', 'sine', '523.25', 'fade', 'h', '0.01', '1.3', '1.25', 'pad', '0.5', '0')
  sox('-m', ding, dong, ...ENCODE, file, 'gain', '-n', '-6', 'pad', '0', '0.3')
}

function makeSilence(file: string, seconds: number): void {
  sox('-n', ...ENCODE, file, 'trim', '0', String(seconds))
}

function main(): void {
  need('espeak-ng')
  need('sox')
  const { out, only } = args()
  const texts = clipTexts()
  const names = allClipNames()
  // every name the composer can ask for needs a text, and every text a name
  const silent = [CHIME, PAUSE, PAUSE_SHORT]
  const missing = names.filter((n) => !silent.includes(n) && !texts.has(n))
  const orphans = [...texts.keys()].filter((n) => !names.includes(n))
  if (missing.length || orphans.length) {
    console.error(`clip-texts.ts is out of step with compose.ts: no text for [${missing}], no use for [${orphans}]`)
    process.exit(1)
  }

  const tmp = mkdtempSync(join(tmpdir(), 'tabour-clips-'))
  try {
    for (const name of names) {
      if (only && !only.has(name)) continue
      const file = join(out, `${name}.ogg`)
      mkdirSync(dirname(file), { recursive: true })
      if (name === CHIME) makeChime(file, tmp)
      else if (name === PAUSE) makeSilence(file, 0.5)
      else if (name === PAUSE_SHORT) makeSilence(file, 0.15)
      else {
        const { lang, text } = texts.get(name)!
        const wav = join(tmp, 'speech.wav')
        execFileSync('espeak-ng', ['-v', VOICES[lang], '-s', SPEED, '-w', wav, text])
        sox(wav, ...ENCODE, file, ...TRIM)
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }

  let bytes = 0
  let count = 0
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry)
      if (statSync(path).isDirectory()) walk(path)
      else if (entry.endsWith('.ogg')) {
        bytes += statSync(path).size
        count++
      }
    }
  }
  walk(out)
  console.log(`${count} clips in ${out}, ${(bytes / 1024).toFixed(0)} KB`)
}

main()
