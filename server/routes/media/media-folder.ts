import { createReadStream, type ReadStream } from 'node:fs'
import { lstat, readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { MediaItem } from '../../../protocol/center.ts'

/**
 * The displays' media: the images and videos an IT person copies into `<dataDir>/media/`.
 * Only plain files directly in that folder, with a known extension and a plain name, are ever
 * listed or served: no sub-folders, no symlinks, no dot-files, no `/` or `\` in a name, so a
 * request can never reach outside the folder.
 */
const TYPES: Record<string, { kind: MediaItem['kind']; mime: string }> = {
  jpg: { kind: 'image', mime: 'image/jpeg' },
  jpeg: { kind: 'image', mime: 'image/jpeg' },
  png: { kind: 'image', mime: 'image/png' },
  webp: { kind: 'image', mime: 'image/webp' },
  gif: { kind: 'image', mime: 'image/gif' },
  avif: { kind: 'image', mime: 'image/avif' },
  mp4: { kind: 'video', mime: 'video/mp4' },
  webm: { kind: 'video', mime: 'video/webm' },
}

/** A name we serve: letters, digits, space, `.`, `_`, `-`; starting with a letter or digit; a known extension. */
const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,150}\.([A-Za-z0-9]{2,5})$/u

/** The media folder of a data dir. */
export const mediaDir = (dataDir: string) => join(resolve(dataDir), 'media')

function typeOf(name: string): (typeof TYPES)[string] | null {
  const m = SAFE_NAME.exec(name)
  return m ? (TYPES[m[1].toLowerCase()] ?? null) : null
}

/** The file behind `name` when it may be served, else null. */
async function fileOf(dir: string, name: string): Promise<{ path: string; size: number; mime: string; kind: MediaItem['kind'] } | null> {
  const type = typeOf(name)
  if (!type) return null
  const path = join(dir, name)
  try {
    // lstat: a symlink is not a file here, so a link to /etc/passwd is never followed
    const stat = await lstat(path)
    return stat.isFile() ? { path, size: stat.size, ...type } : null
  } catch {
    return null
  }
}

/** The servable files, sorted by name (an IT person orders a slideshow with 01-, 02- …); [] without a folder. */
export async function listMedia(dir: string, urlOf: (name: string) => string): Promise<MediaItem[]> {
  let names: string[]
  try {
    names = await readdir(dir)
  } catch {
    return []
  }
  const items: MediaItem[] = []
  for (const name of names.sort((a, b) => a.localeCompare(b, 'en'))) {
    const file = await fileOf(dir, name)
    if (file) items.push({ name, kind: file.kind, url: urlOf(name), size: file.size })
  }
  return items
}

/** Opens a servable file, or null (unknown, unsafe name, not a plain file). */
export async function openMedia(dir: string, name: string): Promise<{ stream: ReadStream; size: number; mime: string } | null> {
  const file = await fileOf(dir, name)
  return file && { stream: createReadStream(file.path), size: file.size, mime: file.mime }
}
