/**
 * Screens a page does not draw first, loaded when they are needed instead of with the page
 * (issue 22): on a weak kiosk every kilobyte of script in the first chunk is parsed and run
 * before the first screen shows. A lazy element may be rendered before its module has arrived:
 * lit keeps the properties set on it, and it draws itself once the module defines it.
 */

/**
 * `importer` run once, on the first call; a failed import (the center unreachable at that
 * moment) is tried again at the next call. Resolves true once the module is loaded, false when
 * this attempt failed.
 */
export function lazyModule(importer: () => Promise<unknown>): () => Promise<boolean> {
  let loading: Promise<boolean> | null = null
  return () => {
    loading ??= importer().then(
      () => true,
      () => {
        loading = null
        return false
      },
    )
    return loading
  }
}

/** Runs `task` after the next frame has been drawn, so that what it costs never delays that frame. */
export function afterNextPaint(task: () => void): void {
  requestAnimationFrame(() => setTimeout(task))
}
