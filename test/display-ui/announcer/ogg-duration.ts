/**
 * The playing time of a committed clip, read from its Ogg Vorbis headers (no decoder needed):
 * the sample rate from the Vorbis identification header, the sample count from the granule
 * position of the last Ogg page. The schedule tests feed these real durations to a fake clock.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Where the display's clips are committed. */
export const SOUNDS_DIR = join(import.meta.dirname, '..', '..', '..', 'display-ui', 'public', 'sounds')

/** Seconds of audio in an Ogg Vorbis file's bytes. */
export function oggVorbisSeconds(bytes: Buffer): number {
  const id = bytes.indexOf('\x01vorbis', 0, 'latin1')
  if (id < 0) throw new Error('not an Ogg Vorbis stream')
  const sampleRate = bytes.readUInt32LE(id + 12)
  const last = bytes.lastIndexOf('OggS', bytes.length, 'latin1')
  const granule = Number(bytes.readBigInt64LE(last + 6))
  return granule / sampleRate
}

const cache = new Map<string, number>()

/** Seconds of the committed clip `name` (e.g. 'ar/15'). */
export function clipSeconds(name: string): number {
  let seconds = cache.get(name)
  if (seconds === undefined) {
    seconds = oggVorbisSeconds(readFileSync(join(SOUNDS_DIR, `${name}.ogg`)))
    cache.set(name, seconds)
  }
  return seconds
}

/** Seconds of a whole announcement: its clips back to back, as the Web Audio player joins them. */
export const clipsSeconds = (clips: readonly string[]): number => clips.reduce((sum, name) => sum + clipSeconds(name), 0)
