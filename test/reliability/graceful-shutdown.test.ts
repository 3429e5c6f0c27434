import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import type { ChildProcess } from 'node:child_process'
import { io, type Socket } from 'socket.io-client'
import { afterEach, describe, expect, it } from 'vitest'
import { ChildServer, CHILD_ADMIN_PASSWORD, killAllChildren, sleep } from '../helpers/child-server.ts'
import { createDevice, createService, loginAs, slowPost } from '../helpers/http.ts'

interface StreamResult {
  kind: 'fast' | 'slow'
  /** ms relative to the SIGTERM (negative: before it). */
  startedAt: number
  endedAt: number
  status: number | null
  error: string | null
  id?: string
  /** The connection's port (null: it never connected). */
  port: number | null
}

/**
 * The ports of the requests the center logged (it had read their headers) before it logged that
 * it was shutting down, read line by line from the child's output as it comes: what was the
 * server's before the close began, whatever the clocks of a loaded machine said about when it was
 * sent. Read at the end: a response may reach the test before its log line does.
 */
function heardBeforeClose(child: ChildProcess): Set<number> {
  const heard = new Set<number>()
  let closing = false
  let rest = ''
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n')
    rest = lines.pop()!
    for (const line of lines) {
      if (line.includes('shutting down')) closing = true
      const port = /"remotePort":(\d+)[,}]/.exec(line)
      if (!closing && port && line.includes('incoming request')) heard.add(Number(port[1]))
    }
  })
  return heard
}

describe('graceful shutdown (SIGTERM)', () => {
  let dataDir: string | undefined
  let socket: Socket | undefined
  afterEach(async () => {
    socket?.close()
    socket = undefined
    await killAllChildren()
    if (dataDir) rmSync(dataDir, { recursive: true, force: true })
    dataDir = undefined
  })

  it('exits 0 within seconds, answers in-flight requests, drops sockets, leaves a clean database', { timeout: 30_000 }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-term-'))
    // at info the center logs each request as it reads its headers (slowPost's heardBy)
    const server = await ChildServer.start({ dataDir, env: { TABOUR_LOG_LEVEL: 'info' } })
    const heard = heardBeforeClose(server.process)
    const base = server.baseUrl
    const admin = await loginAs(base, 'admin', CHILD_ADMIN_PASSWORD)
    const service = await createService(base, admin, 'A')
    const kiosk = await createDevice(base, admin, 'kiosk', 'kiosk 1')
    const display = await createDevice(base, admin, 'display', 'hall display')

    socket = io(base, { auth: { token: display.token }, transports: ['websocket'], reconnection: false })
    await new Promise<void>((resolve, reject) => {
      socket!.once('connect', () => resolve())
      socket!.once('connect_error', reject)
    })
    const disconnected = new Promise<string>((resolve) => socket!.once('disconnect', (reason) => resolve(reason)))

    // a slow-ish stream: a kiosk press every 15 ms, and every 45 ms an upload whose body takes 300 ms
    let sigtermAt = Number.POSITIVE_INFINITY
    const rel = () => Date.now() - sigtermAt
    const stream: Promise<StreamResult>[] = []
    // each request on a connection of its own, whose port the center's request log names
    const settle = (kind: StreamResult['kind'], startedAt: number, post: ReturnType<typeof slowPost>) =>
      stream.push(
        post.response
          .then(
            (res) => ({ kind, startedAt: startedAt - sigtermAt, endedAt: rel(), status: res.status, error: null, id: res.body?.id }),
            (err: Error & { code?: string; cause?: { code?: string } }) => ({
              kind,
              startedAt: startedAt - sigtermAt,
              endedAt: rel(),
              status: null,
              error: err.cause?.code ?? err.code ?? err.message,
            }),
          )
          .then(async (r) => ({ ...r, port: await post.port.catch(() => null) })),
      )
    let streaming = true
    const pump = (async () => {
      for (let i = 0; streaming; i++) {
        const press = slowPost(base, '/api/v1/tickets', kiosk.token, { serviceId: service.id })
        press.finish()
        settle('fast', Date.now(), press)
        if (i % 3 === 0) {
          const upload = slowPost(base, '/api/v1/tickets', kiosk.token, { serviceId: service.id })
          settle('slow', Date.now(), upload)
          setTimeout(upload.finish, 300)
        }
        await sleep(15)
      }
    })()

    await sleep(300)
    const slow = slowPost(base, '/api/v1/tickets', kiosk.token, { serviceId: service.id })
    await slow.heardBy(() => server.output) // the server has the headers and waits for the body

    sigtermAt = Date.now()
    server.process.kill('SIGTERM')
    await sleep(400) // shutting down, but this request was accepted before: it must still be answered
    slow.finish()

    const exit = await server.waitExit(5_000)
    const exitedAfter = rel()
    streaming = false
    await pump
    const results = await Promise.all(stream)
    const slowAnswer = await slow.response
    expect(exit, `did not exit within 5 s:\n${server.output}`).toEqual({ code: 0, signal: null })
    expect(exitedAfter).toBeLessThan(5_000)

    // the request in flight at SIGTERM got its ticket
    expect(slowAnswer.status, JSON.stringify(slowAnswer.body)).toBe(201)
    expect(slowAnswer.body.label).toMatch(/^A-\d{3}$/)

    // the stream: everything the server had before the close began (its request log says so) was
    // answered normally, including uploads still sending their body when it came; the rest, an
    // answer (201, or 503 while closing) or a refused/closed connection for what it had not taken yet
    const before = results.filter((r) => r.port !== null && heard.has(r.port))
    expect(before.length, 'the stream ran before the signal').toBeGreaterThanOrEqual(5)
    for (const r of before) expect(r, JSON.stringify(r)).toMatchObject({ status: 201, error: null })
    // (an upload in flight at the signal is `slow`, above: on a loaded box the server may not have
    // read the stream's own uploads by then, and resets them unanswered, as it may)
    for (const r of results.filter((r) => !before.includes(r))) {
      if (r.status !== null) expect([201, 503], JSON.stringify(r)).toContain(r.status)
      else expect(['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'], JSON.stringify(r)).toContain(r.error)
    }

    // the socket.io client was told to go, by the server
    expect(await disconnected).toBe('io server disconnect')

    // the database was closed cleanly: WAL checkpointed away, the file intact, every 201 in it
    const file = join(dataDir, 'tabour.sqlite')
    const wal = `${file}-wal`
    expect(!existsSync(wal) || statSync(wal).size === 0, 'the WAL was left with content: the database was not closed').toBe(true)
    const db = new Database(file, { fileMustExist: true })
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
      const ids = new Set((db.prepare('SELECT id FROM tickets').all() as { id: string }[]).map((r) => r.id))
      const acked = [...results.filter((r) => r.status === 201).map((r) => r.id!), slowAnswer.body.id]
      for (const id of acked) expect(ids.has(id), `ticket ${id} answered 201 but is not in the database`).toBe(true)
    } finally {
      db.close()
    }
  })

  it('a second SIGTERM while a request holds the shutdown open exits 1 at once', { timeout: 30_000 }, async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tabour-term2-'))
    // at info the center logs each request as it reads its headers (slowPost's heardBy)
    const server = await ChildServer.start({ dataDir, env: { TABOUR_LOG_LEVEL: 'info' } })
    const admin = await loginAs(server.baseUrl, 'admin', CHILD_ADMIN_PASSWORD)
    const service = await createService(server.baseUrl, admin, 'A')
    const kiosk = await createDevice(server.baseUrl, admin, 'kiosk', 'kiosk 1')
    // an upload that never finishes: the graceful close waits for it
    await slowPost(server.baseUrl, '/api/v1/tickets', kiosk.token, { serviceId: service.id }).heardBy(() => server.output)
    server.process.kill('SIGTERM')
    expect(await server.waitExit(1_000), 'the first SIGTERM should wait for the request in flight').toBeNull()
    const secondAt = Date.now()
    server.process.kill('SIGTERM')
    expect(await server.waitExit(5_000), server.output).toEqual({ code: 1, signal: null })
    expect(Date.now() - secondAt).toBeLessThan(5_000)
  })

  describe('a bad config stops the start with exit code 2 and names the field', () => {
    it('PORT=notaport', { timeout: 30_000 }, async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'tabour-badcfg-'))
      const server = await ChildServer.spawn({ dataDir, env: { PORT: 'notaport' } })
      const exit = await server.waitExit(20_000)
      expect(exit, server.output).toEqual({ code: 2, signal: null })
      expect(server.output).toMatch(/\/port\b/)
      expect(server.output).toContain('notaport')
      expect(existsSync(join(dataDir, 'tabour.sqlite')), 'nothing should be created before the config is valid').toBe(false)
    })

    it('TABOUR_CONFIG with {"queue": {"policy": "lottery"}}', { timeout: 30_000 }, async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'tabour-badcfg-'))
      const configFile = join(dataDir, 'tabour.json')
      writeFileSync(configFile, JSON.stringify({ queue: { policy: 'lottery' } }))
      const server = await ChildServer.spawn({ dataDir, env: { TABOUR_CONFIG: configFile } })
      const exit = await server.waitExit(20_000)
      expect(exit, server.output).toEqual({ code: 2, signal: null })
      expect(server.output).toContain('/queue/policy')
      expect(server.output).toContain('lottery')
    })
  })
})
