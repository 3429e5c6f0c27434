/**
 * What the Center section and the hours tab say of the hub's configuration bundles (issue 23): the
 * hint under a setting a bundle manages, the note of a bundle this center refused, and whether the
 * running bundle sets the weekly hours. After bundle 2 was
 * refused the section still read "Managed by … bundle 1: the next bundle replaces a change made
 * here" while the manager's local news line stayed, and nothing said bundle 2 existed (walk s52).
 */
import type { CenterBundleState } from '../../protocol/config-bundle.ts'
import { ErrorCodes } from '../../protocol/error-codes.ts'
import { ApiError } from '../../ui-common/api-client.ts'
import { configText } from '../../protocol/messages/config-forms.ts'
import { bundleRefusalText } from '../../protocol/messages/hub-bundles.ts'
import type { DigitStyle } from '../../ui-common/digits.ts'
import type { Lang } from '../../ui-common/i18n.ts'
import { momentInWords } from '../format.ts'

/** The hint under a setting the running bundle manages: what a change made here lasts, refused bundle or not. */
export function hubManagedHint(bundle: CenterBundleState, lang: Lang, digits: DigitStyle): string {
  const version = bundle.running?.version ?? 0
  const refused = bundle.lastRefusal
  return refused
    ? configText('config.hubManaged.refused', lang, { version, refused: refused.version }, digits)
    : configText('config.hubManaged', lang, { version }, digits)
}

/** The refused bundle in words (which, when, why by its stable code, what runs instead), and the center's own reason; null when none was refused. */
export function bundleRefusalNote(
  bundle: CenterBundleState | null,
  timeZone: string,
  lang: Lang,
  digits: DigitStyle,
): { text: string; reason: string } | null {
  const refused = bundle?.lastRefusal
  if (!refused) return null
  const values = {
    version: refused.version,
    when: momentInWords(refused.at, timeZone, lang, digits),
    why: bundleRefusalText(refused.code, lang),
    running: bundle.running?.version ?? 0,
  }
  const key = bundle.running ? 'config.bundleRefused' : 'config.bundleRefused.noneRunning'
  return { text: configText(key, lang, values, digits), reason: refused.reason }
}

/**
 * An older center has no bundle route (404): no hub note, the form still works. Any other failure (the
 * network, a 500, a refusal) is real and is raised, so the form says it failed instead of hiding the hub's note.
 */
export function noBundleRoute(err: unknown): null {
  if (err instanceof ApiError && err.code === ErrorCodes.ROUTE_NOT_FOUND) return null
  throw err
}

/** The running bundle's version when it sets the weekly hours (the server refuses a change of them then), else null. */
export function weeklyHoursBundle(bundle: CenterBundleState | null): number | null {
  const running = bundle?.running
  return running?.managed.includes('weeklyHours') ? running.version : null
}

/**
 * The hint above a citizen message text the running bundle sets (`kind` in `lang`), the Center section's
 * own words (hubManagedHint: a change made here lasts until the next bundle); null when the bundle sets
 * none of it, or no bundle runs.
 */
export function messageTextHint(
  bundle: CenterBundleState | null,
  kind: string,
  lang: string,
  screen: Lang,
  digits: DigitStyle,
): string | null {
  const sets = bundle?.running?.messageTexts?.some((m) => m.kind === kind && m.lang === lang)
  return sets ? hubManagedHint(bundle!, screen, digits) : null
}
