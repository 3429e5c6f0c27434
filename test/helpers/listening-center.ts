import { TestCenter, type TestCenterOptions } from './test-center.ts'

/** A center, the base URL it listens on (http://127.0.0.1:PORT) and that port. */
export interface ListeningCenter {
  center: TestCenter
  url: string
  port: number
}

/**
 * A center on a fresh SQLite file (TestCenter, or the `dataDir` of its config), ready and
 * listening on loopback: on `port` (a restart test reuses the one it had), default a random one.
 * Its close goes into `cleanups` (a browser suite's, or the test's own list) before it starts,
 * so a test that fails while setting up still closes it.
 */
export async function listeningCenter(
  options: TestCenterOptions & { port?: number } = {},
  cleanups?: (() => unknown)[],
): Promise<ListeningCenter> {
  const { port = 0, ...rest } = options
  const center = new TestCenter(rest)
  cleanups?.push(() => center.close())
  await center.app.ready()
  const url = await center.listen(port)
  return { center, url, port: Number(new URL(url).port) }
}
