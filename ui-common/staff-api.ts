/**
 * Signing in and out of a center, for the screens staff use (the console, the dashboard).
 * Each takes the server's base path; failures are ApiError (with the stable code) or NetworkError.
 */
import type { Role } from '../protocol/common.ts'
import type { User } from '../protocol/entities.ts'
import { requestJson } from './api-client.ts'
import { apiUrl } from './base-path.ts'

/** What POST /auth/login answers (protocol/requests.ts, LoginReply). */
export interface LoginReply {
  token: string
  expiresAt: string
  user: { id: number; username: string; role: Role }
}

/** POST /auth/login: a token for the user (it expires; the server says when). */
export function login(base: string, username: string, password: string): Promise<LoginReply> {
  return requestJson(apiUrl(base, '/auth/login'), { method: 'POST', body: { username, password } })
}

/** POST /auth/logout: the token stops working at once (its sockets are disconnected too). */
export function logout(base: string, token: string): Promise<unknown> {
  return requestJson(apiUrl(base, '/auth/logout'), { method: 'POST', token })
}

/** GET /auth/me: who the token belongs to (also the staff session's probe when the socket is refused). */
export function meUrl(base: string): string {
  return apiUrl(base, '/auth/me')
}

/** The user the token belongs to. */
export function fetchMe(base: string, token: string): Promise<User> {
  return requestJson(meUrl(base), { token })
}
