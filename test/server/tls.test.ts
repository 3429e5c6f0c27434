import { afterEach, describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:tls'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { X509Certificate } from 'node:crypto'
import { buildApp } from '../../server/app.ts'
import { ConfigError, validateConfig } from '../../server/config.ts'
import { startHttpRedirect } from '../../server/ops/tls.ts'
import type { FastifyInstance } from 'fastify'

/** A self-signed certificate for 127.0.0.1 made by openssl in `dir`, as `<name>.crt` / `<name>.key`. */
function selfSigned(dir: string, name: string, cn: string): { cert: string; key: string } {
  const cert = join(dir, `${name}.crt`)
  const key = join(dir, `${name}.key`)
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      `/CN=${cn}`,
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  )
  return { cert, key }
}

/** The subject CN of the certificate a new TLS connection to `port` is shown. */
function servedCn(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ port, host: '127.0.0.1', rejectUnauthorized: false }, () => {
      const cn = new X509Certificate(socket.getPeerX509Certificate()!.raw).subject
      socket.end()
      resolve(cn)
    })
    socket.once('error', reject)
  })
}

describe('TLS (issue 16 item 5)', () => {
  let dir = ''
  let app: FastifyInstance | undefined
  afterEach(async () => {
    await app?.close()
    app = undefined
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('serves HTTPS with HSTS, and takes a renewed certificate without a restart (file change and reloadTls)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tabour-tls-'))
    const first = selfSigned(dir, 'first', 'tabour-first')
    const second = selfSigned(dir, 'second', 'tabour-second')
    const certFile = join(dir, 'center.crt')
    const keyFile = join(dir, 'center.key')
    writeFileSync(certFile, readFileSync(first.cert))
    writeFileSync(keyFile, readFileSync(first.key))
    const config = validateConfig({
      dataDir: dir,
      adminPassword: 'river-Lantern-91-kite',
      logLevel: 'silent',
      uiDir: join(dir, 'ui'),
      tls: { certFile, keyFile },
    })
    app = buildApp(config)
    await app.listen({ port: 0, host: '127.0.0.1' })
    const port = (app.server.address() as { port: number }).port

    const res = await app.inject({ method: 'GET', url: '/healthz' })
    expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d+/)
    expect(await servedCn(port)).toContain('tabour-first')
    // the real HTTPS answer, trusting the first certificate as a kiosk would trust the center's CA
    const body = await new Promise<string>((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1', ca: readFileSync(first.cert), servername: 'localhost' }, () => {
        socket.write('GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n')
      })
      let text = ''
      socket.on('data', (d) => (text += d))
      socket.on('end', () => resolve(text))
      socket.once('error', reject)
    })
    expect(body).toMatch(/^HTTP\/1\.1 200/)

    // a renewal replaces both files (as certbot does, by rename): new connections get the new one
    renameSync(second.key, keyFile)
    renameSync(second.cert, certFile)
    const started = Date.now()
    while (!(await servedCn(port)).includes('tabour-second')) {
      if (Date.now() - started > 20_000) throw new Error('the renewed certificate was not picked up within 20 s')
      await new Promise((r) => setTimeout(r, 200))
    }
    // and reloadTls (SIGHUP) re-reads on demand
    writeFileSync(certFile, readFileSync(first.cert))
    writeFileSync(keyFile, readFileSync(first.key))
    expect(app.reloadTls?.()).toBe(true)
    expect(await servedCn(port)).toContain('tabour-first')
    // a broken file is refused and the working certificate stays
    writeFileSync(certFile, 'not a certificate')
    expect(app.reloadTls?.()).toBe(false)
    expect(await servedCn(port)).toContain('tabour-first')
  }, 60_000)

  it('the HTTP listener redirects to HTTPS, keeping the path', async () => {
    const redirect = await startHttpRedirect(0, '127.0.0.1', 8443)
    try {
      const port = (redirect.address() as { port: number }).port
      const answer = await new Promise<{ status: number; location: string }>((resolve, reject) => {
        httpRequest({ port, host: '127.0.0.1', path: '/kiosk/?x=1', headers: { host: 'center.local:8080' } }, (res) => {
          res.resume()
          resolve({ status: res.statusCode!, location: String(res.headers.location) })
        })
          .once('error', reject)
          .end()
      })
      expect(answer).toEqual({ status: 301, location: 'https://center.local:8443/kiosk/?x=1' })
    } finally {
      redirect.close()
    }
  })

  it('config: cert and key together; a plain-HTTP hub URL off loopback is refused unless allowed', () => {
    expect(() => validateConfig({ tls: { certFile: '/x.crt' } })).toThrow(ConfigError)
    const upstream = { url: 'http://hub.example.gov.eg', centerId: 'c1', secret: 'a-secret-of-16-chars' }
    expect(() => validateConfig({ upstream })).toThrow(/upstream\/url is plain http/)
    expect(validateConfig({ upstream, tls: { allowPlainHttpUpstream: true } }).upstream.url).toBe(upstream.url)
    expect(validateConfig({ upstream: { ...upstream, url: 'https://hub.example.gov.eg' } }).upstream.url).toContain('https')
    expect(validateConfig({ upstream: { ...upstream, url: 'http://127.0.0.1:9000' } }).upstream.url).toContain('127.0.0.1')
  })
})
