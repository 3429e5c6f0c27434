import { createRequire } from 'node:module'
import type { ZxcvbnFactory } from '@zxcvbn-ts/core'
import type { Role } from '../../protocol/common.ts'
import { type DomainError, ErrorCodes, fieldError } from '../errors.ts'

/** What config `passwords` says a new password must be. */
export interface PasswordPolicy {
  minLength: number
  adminMinLength: number
  minScore: number
  adminMinScore: number
}

// built on first use: loading the common-password dictionaries costs ~0.3 s and ~16 MB, which a
// start-up (and a day without a password change) should not pay; required synchronously so the
// policy stays a plain function (the production build leaves @zxcvbn-ts to node_modules for this)
let estimator: ZxcvbnFactory | undefined
function newEstimator(): ZxcvbnFactory {
  const require = createRequire(import.meta.url)
  const core = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core')
  const common = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common')
  return new core.ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs })
}

/** zxcvbn's score 0–4 (0: in the common-password lists or a trivial pattern such as `aaaaaaaa`); `userInputs` count as known words. */
export function passwordScore(password: string, userInputs: string[]): number {
  estimator ??= newEstimator()
  return estimator.check(password, userInputs).score
}

/**
 * Why a new password for `username` in `role` is refused, or null when it may be set: shorter
 * than the role's minimum (PASSWORD_TOO_SHORT, the message names the minimum), containing the
 * username (PASSWORD_HAS_USERNAME), or common or easy to guess (PASSWORD_TOO_WEAK). Admins get
 * the stricter minimums. The codes have sentences in both languages in protocol/messages/dashboard.ts.
 */
export function passwordRefusal(password: string, username: string, role: Role, policy: PasswordPolicy): DomainError | null {
  const admin = role === 'admin'
  const minLength = admin ? policy.adminMinLength : policy.minLength
  if ([...password].length < minLength)
    return fieldError(
      ErrorCodes.PASSWORD_TOO_SHORT,
      { field: 'password', reason: 'too-short', limit: minLength },
      `the password needs at least ${minLength} characters for this role`,
    )
  const name = username.toLowerCase()
  if (name.length >= 2 && password.toLowerCase().includes(name))
    return fieldError(
      ErrorCodes.PASSWORD_HAS_USERNAME,
      { field: 'password', reason: 'has-username' },
      'the password must not contain the username',
    )
  if (passwordScore(password, [username]) < (admin ? policy.adminMinScore : policy.minScore))
    return fieldError(
      ErrorCodes.PASSWORD_TOO_WEAK,
      { field: 'password', reason: 'too-weak' },
      'the password is too common or too easy to guess; use a few unrelated words',
    )
  return null
}

/** Throws passwordRefusal's error, if any. */
export function assertPasswordAllowed(password: string, username: string, role: Role, policy: PasswordPolicy): void {
  const refusal = passwordRefusal(password, username, role, policy)
  if (refusal) throw refusal
}
