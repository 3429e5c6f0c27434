import { Agent } from 'node:http'
import { requestJson, type JsonAnswer } from '../../test/helpers/keep-alive-http.ts'
import { MAX_IN_FLIGHT } from './day-model.ts'

/** The day's own keep-alive connections: as many as requests may be in flight, and a few more. */
const agent = new Agent({ keepAlive: true, maxSockets: MAX_IN_FLIGHT + 4 })

/** Closes the keep-alive connections (once the day is over). */
export function closeConnections(): void {
  agent.destroy()
}

export type Answer = JsonAnswer

/** One JSON request over the day's keep-alive connections. */
export const call = (
  base: string,
  method: string,
  path: string,
  token: string | null,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> => requestJson(agent, base, method, path, token, body, headers)

/** The body of `answer`; throws unless its status is `status`. */
export async function expectStatus(status: number, answer: Promise<Answer>, what: string): Promise<any> {
  const res = await answer
  if (res.status !== status) throw new Error(`${what}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}
