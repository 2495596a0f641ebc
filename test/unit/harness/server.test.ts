/**
 * @jest-environment node
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { startServerProcess, type ServerProcess } from '../../harness/serverProcess'

describe('scripts/lib/server.mjs', () => {
  let dir: string
  let server: ServerProcess

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'belgica-server-'))
    await mkdir(path.join(dir, 'build/lib'), { recursive: true })
    await mkdir(path.join(dir, 'media/film'), { recursive: true })
    await writeFile(path.join(dir, 'build/index.html'), '<title>x</title>')
    await writeFile(path.join(dir, 'build/lib/app.js'), 'console.log(1);\n'.repeat(200))
    await writeFile(path.join(dir, 'build/app.0123abcd.js'), 'hashed')
    await writeFile(path.join(dir, 'media/film/manifest.mpd'), '<MPD/>')
    await writeFile(path.join(dir, 'media/film/seg.m4s'), 'abcdefghij')
    await writeFile(path.join(dir, 'secret.txt'), 'outside the roots')
    server = await startServerProcess({
      buildDir: path.join(dir, 'build'),
      mediaDir: path.join(dir, 'media'),
    })
  })

  afterAll(async () => {
    await server.stop()
    await rm(dir, { recursive: true, force: true })
  })

  const get = (urlPath: string, headers: Record<string, string> = {}, method = 'GET') =>
    fetch(new URL(urlPath, server.url), { headers, method })

  it('listens on 127.0.0.1 on a port of its own', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
    expect(server.port).toBeGreaterThan(0)
  })

  it('serves index.html at / and media with their MIME types and cache policy', async () => {
    const index = await get('/')
    expect(index.status).toBe(200)
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(index.headers.get('cache-control')).toBe('no-cache')

    const mpd = await get('/media/film/manifest.mpd')
    expect(mpd.headers.get('content-type')).toBe('application/dash+xml')
    expect(await mpd.text()).toBe('<MPD/>')

    const hashed = await get('/app.0123abcd.js')
    expect(hashed.headers.get('cache-control')).toContain('immutable')
  })

  it('answers byte ranges with 206 and impossible ones with 416', async () => {
    const part = await get('/media/film/seg.m4s', { Range: 'bytes=2-4' })
    expect(part.status).toBe(206)
    expect(part.headers.get('content-range')).toBe('bytes 2-4/10')
    expect(await part.text()).toBe('cde')

    const suffix = await get('/media/film/seg.m4s', { Range: 'bytes=-3' })
    expect(await suffix.text()).toBe('hij')

    const beyond = await get('/media/film/seg.m4s', { Range: 'bytes=20-' })
    expect(beyond.status).toBe(416)
    expect(beyond.headers.get('content-range')).toBe('bytes */10')
  })

  it('gzips text for clients that accept it, and answers HEAD without a body', async () => {
    const response = await fetch(new URL('/lib/app.js', server.url), {
      headers: { 'Accept-Encoding': 'gzip' },
    })
    expect(response.headers.get('content-encoding')).toBe('gzip')
    // fetch decodes the body itself; check the size on the wire is the compressed one
    expect(Number(response.headers.get('content-length'))).toBeLessThan(3200)
    expect(await response.text()).toBe('console.log(1);\n'.repeat(200))

    const head = await get('/lib/app.js', { 'Accept-Encoding': 'identity' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String(16 * 200))
    expect(await head.text()).toBe('')
  })

  it('revalidates with the ETag', async () => {
    const first = await get('/lib/app.js')
    const etag = first.headers.get('etag')!
    const second = await get('/lib/app.js', { 'If-None-Match': etag })
    expect(second.status).toBe(304)
  })

  it('never serves a file outside its roots', async () => {
    for (const attempt of [
      '/../secret.txt',
      '/media/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/media/..%2f..%2fsecret.txt',
    ]) {
      const response = await get(attempt)
      expect(response.status).toBeGreaterThanOrEqual(400)
      expect(await response.text()).not.toContain('outside the roots')
    }
  })

  it('says 404 in plain text and refuses other methods', async () => {
    const missing = await get('/nope.js')
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).toContain('text/plain')
    expect(await missing.text()).toBe('Not found: /nope.js\n')

    expect((await get('/', {}, 'POST')).status).toBe(405)
  })
})
