import { gunzipSync, gzipSync } from 'zlib'
import { cannotUnpack, gunzipped, GzipBodyError, isGzip } from '../../../src/catalogue/gzipBody'
import { CatalogueErrorCode } from '../../../src/catalogue/errors'
import { DEFAULT_POLICY, fetchText } from '../../../src/catalogue/http'
import { reply } from './httpFakes'

const xml = '<?xml version="1.0"?><tv><channel id="één"/></tv>'
const packed = new Uint8Array(gzipSync(Buffer.from(xml, 'utf8')))
const nodeInflate = async (bytes: Uint8Array) => new Uint8Array(gunzipSync(bytes))

describe('gunzipped', () => {
  it('recognises gzip by its magic number, not by a name', () => {
    expect(isGzip(packed)).toBe(true)
    expect(isGzip(new Uint8Array(Buffer.from(xml)))).toBe(false)
    expect(isGzip(new Uint8Array([0x1f, 0x8b]))).toBe(false)
  })

  it('unpacks a gzip body and leaves any other as it is', async () => {
    expect(Buffer.from(await gunzipped(packed, nodeInflate)).toString('utf8')).toBe(xml)
    const plain = new Uint8Array(Buffer.from(xml))
    expect(await gunzipped(plain, undefined)).toBe(plain)
  })

  it('tells the operator what to do on a box that cannot unpack it', async () => {
    const error = await gunzipped(packed, undefined).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(GzipBodyError)
    expect((error as Error).message).toBe(cannotUnpack().message)
    expect(cannotUnpack().message).toMatch(/serve it uncompressed, or with Content-Encoding: gzip/)
  })

  it('says a truncated file is damaged', async () => {
    const truncated = packed.slice(0, packed.length - 12)
    await expect(gunzipped(truncated, nodeInflate)).rejects.toThrow(/damaged gzip file/)
  })
})

describe('fetchText on an engine without TextDecoder', () => {
  it('refuses a gzip body read as text with the operator fix, without retrying', async () => {
    let calls = 0
    const fetchFn = (async () => {
      calls++
      return reply({
        text: '\u001f\ufffd\b\u0000garbage',
        headers: { 'Content-Type': 'application/gzip' },
      })
    }) as typeof fetch
    const error = await fetchText(fetchFn, 'https://epg.example/guide.xml.gz', {
      signal: new AbortController().signal,
      backend: 'xmltv',
      policy: { ...DEFAULT_POLICY, retries: 2 },
      accept: 'application/xml',
    }).catch((reason: { problem?: unknown }) => reason.problem)
    expect(error).toMatchObject({
      code: CatalogueErrorCode.NOT_XML,
      category: 'format',
      message:
        'https://epg.example/guide.xml.gz is gzip-compressed (a .gz file) and this box cannot unpack it: serve it uncompressed, or with Content-Encoding: gzip',
    })
    expect(calls).toBe(1)
  })
})
