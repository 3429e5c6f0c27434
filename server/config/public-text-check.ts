import { findReorderingControl } from '../../protocol/public-text.ts'
import { ErrorCodes, fieldError } from '../errors.ts'

/** Fields never shown anywhere, so never looked at. */
const NOT_SHOWN = new Set(['password'])

/**
 * Refuses a configuration change holding a direction-reordering control character
 * (protocol/public-text.ts) in any of its texts: names of services, counters, devices and staff,
 * the news line, the center's names and priority categories. One check for every configuration
 * command, run before anything is written: 422 TABOUR_ERR_REORDERING_CONTROL naming the field.
 */
export function assertNoReorderingControls(body: unknown): void {
  const found = findReorderingControl(body, NOT_SHOWN)
  if (found)
    throw fieldError(
      ErrorCodes.REORDERING_CONTROL,
      { field: found.path, reason: 'reordering-control' },
      `body/${found.path} holds the invisible direction control ${found.codePoint}, which can reorder text on public screens; remove it`,
    )
}
