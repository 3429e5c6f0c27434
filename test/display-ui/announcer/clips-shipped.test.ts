import { describe, expect, it } from 'vitest'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { allClipNames, composeCall, labelClips, numberClips } from '../../../display-ui/announcer/compose.ts'
import { clipTexts } from '../../../display-ui/sounds/clip-texts.ts'

/** The committed clip folder (vite's publicDir), what a fresh clone ships. */
const SOUNDS = fileURLToPath(new URL('../../../display-ui/public/sounds/', import.meta.url))
const file = (name: string) => join(SOUNDS, `${name}.ogg`)

describe('the committed clip set', () => {
  it('has a file for every clip any call A-0…A-999 at counters 1…999 can ask for, in Arabic and English', () => {
    const needed = new Set<string>()
    for (const lang of ['ar', 'en'] as const) {
      for (let n = 0; n <= 999; n++) for (const clip of labelClips(`A-${n}`, lang)) needed.add(clip)
      for (let n = 1; n <= 999; n++) for (const clip of numberClips(n, lang)) needed.add(clip)
    }
    for (const clip of composeCall({ label: 'A-1', counterNumber: 1, recall: false }, { languages: ['ar', 'en'], chime: true }))
      needed.add(clip)
    const missing = [...needed].filter((name) => !existsSync(file(name)))
    expect(missing).toEqual([])
  })

  it('has every clip the composer knows (letters A–Z, thousands), each a real Ogg file', () => {
    const bad = allClipNames().filter(
      (name) => !existsSync(file(name)) || readFileSync(file(name)).subarray(0, 4).toString('latin1') !== 'OggS',
    )
    expect(bad).toEqual([])
  })

  it('has a text for every spoken clip, so the generator can rebuild them all', () => {
    const texts = clipTexts()
    const spoken = allClipNames().filter((name) => name.includes('/'))
    expect(spoken.filter((name) => !texts.has(name))).toEqual([])
    expect([...texts.keys()].filter((name) => !spoken.includes(name))).toEqual([])
  })

  it('stays small (a display downloads all of it on start)', () => {
    const total = allClipNames().reduce((sum, name) => sum + statSync(file(name)).size, 0)
    expect(total).toBeLessThan(2 * 1024 * 1024)
  })
})
