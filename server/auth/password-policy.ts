import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'
import type { Role } from '../../protocol/common.ts'
import { type DomainError, ErrorCodes, fieldError } from '../errors.ts'

/** What config `passwords` says a new password must be. */
export interface PasswordPolicy {
  minLength: number
  adminMinLength: number
  minScore: number
  adminMinScore: number
}

// built on first use: loading the common-password dictionaries takes a fraction of a second
let estimator: ZxcvbnFactory | undefined

/** zxcvbn's score 0–4 (0: in the common-password lists or a trivial pattern such as `aaaaaaaa`); `userInputs` count as known words. */
export function passwordScore(password: string, userInputs: string[]): number {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs })
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
