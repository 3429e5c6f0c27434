import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'

/** Two linked pseudo-terminals made by socat: bytes written to one end are read at the other, through the OS tty layer. */
export interface PtyPair {
  a: string
  b: string
  close(): Promise<void>
}

/** Starts `socat pty,raw,echo=0,link=/tmp/ttyA-<random> pty,raw,echo=0,link=/tmp/ttyB-<random>`; resolves once it is relaying. */
export async function openPtyPair(): Promise<PtyPair> {
  const id = randomBytes(4).toString('hex')
  const a = `/tmp/ttyA-${id}`
  const b = `/tmp/ttyB-${id}`
  const socat: ChildProcess = spawn('/usr/bin/socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  const exited = new Promise<void>((resolve) => socat.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    let log = ''
    socat.stderr!.on('data', (chunk: Buffer) => {
      log += chunk.toString()
      // socat -d -d logs this once both ptys exist and it relays between them
      if (log.includes('starting data transfer loop')) resolve()
    })
    socat.once('error', reject)
    socat.once('exit', (code) => reject(new Error(`socat exited (${code}) before relaying: ${log}`)))
  })
  return {
    a,
    b,
    async close() {
      if (socat.exitCode === null && socat.signalCode === null) socat.kill('SIGTERM')
      await exited
    },
  }
}
