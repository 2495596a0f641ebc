import { TextDecoder as NodeTextDecoder } from 'node:util'
import {
  charsetOf,
  decodeText,
  xmlDeclaredEncoding,
  type DecoderFactory,
} from '../../../src/catalogue/textDecoding'

// jsdom has no TextDecoder: Node's, as the engine's would be.
const decoder: DecoderFactory = (label, options) =>
  new NodeTextDecoder(label, options) as unknown as TextDecoder

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0))
const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'))

const TITLE = 'Été à Liège, Noël'
const LATIN1_FEED = `<?xml version="1.0" encoding="ISO-8859-1"?>\n<rss><channel><title>${TITLE}</title></channel></rss>`

describe('decodeText: a feed read in the encoding it is written in', () => {
  test("an XML prolog's ISO-8859-1, with or without the same charset in Content-Type", () => {
    expect(decodeText(latin1(LATIN1_FEED), 'application/rss+xml', decoder)).toContain(TITLE)
    expect(decodeText(latin1(LATIN1_FEED), 'text/xml; charset=ISO-8859-1', decoder)).toContain(
      TITLE,
    )
  })

  test('UTF-8 by default, with or without a byte order mark', () => {
    const json = `{"providerName":"${TITLE}"}`
    expect(decodeText(utf8(json), 'application/json', decoder)).toBe(json)
    expect(decodeText(utf8(`\uFEFF${json}`), null, decoder)).toBe(json)
  })

  test('a header saying UTF-8 over Latin-1 bytes gives way to the prolog', () => {
    expect(decodeText(latin1(LATIN1_FEED), 'text/xml; charset=utf-8', decoder)).toContain(TITLE)
  })

  test('bytes that are no valid UTF-8 and declare nothing are read as Windows-1252', () => {
    expect(decodeText(latin1(`{"title":"${TITLE}"}`), 'application/json', decoder)).toBe(
      `{"title":"${TITLE}"}`,
    )
  })

  test('UTF-8 bytes under a Latin label (a server labelling every file ISO-8859-1) are UTF-8', () => {
    const feed = `<?xml version="1.0" encoding="UTF-8"?>\n<rss><channel><title>${TITLE} – « café »</title></channel></rss>`
    expect(decodeText(utf8(feed), 'text/xml; charset=ISO-8859-1', decoder)).toBe(feed)
    expect(
      decodeText(utf8(`{"t":"${TITLE}"}`), 'application/json; charset=windows-1252', decoder),
    ).toBe(`{"t":"${TITLE}"}`)
    // A prolog left saying Latin-1 on a file re-encoded to UTF-8.
    const relabelled = LATIN1_FEED
    expect(decodeText(utf8(relabelled), 'application/rss+xml', decoder)).toContain(TITLE)
    // Plain ASCII under a Latin label is the same text either way.
    expect(decodeText(utf8('<rss/>'), 'text/xml; charset=ISO-8859-1', decoder)).toBe('<rss/>')
  })

  test('UTF-16 without its byte order mark, either byte order, whatever the labels say', () => {
    const xml = `<?xml version="1.0" encoding="UTF-16"?>\n<rss><title>${TITLE}</title></rss>`
    const little = new Uint8Array(Buffer.from(xml, 'utf16le'))
    const big = new Uint8Array(Buffer.from(xml, 'utf16le')).map((_, i, all) => all[i ^ 1]!)
    expect(decodeText(little, 'application/rss+xml', decoder)).toBe(xml)
    expect(decodeText(big, 'text/xml; charset=utf-16', decoder)).toBe(xml)
    const json = '{"title":"Été"}'
    expect(decodeText(new Uint8Array(Buffer.from(json, 'utf16le')), null, decoder)).toBe(json)
  })

  test('an unknown charset label is passed over', () => {
    expect(decodeText(utf8(TITLE), 'text/plain; charset=x-made-up', decoder)).toBe(TITLE)
  })

  test('the declarations are read as exports write them', () => {
    expect(charsetOf('text/xml;charset="Windows-1252"')).toBe('windows-1252')
    expect(charsetOf('application/json')).toBeUndefined()
    expect(
      xmlDeclaredEncoding(latin1("  <?xml version='1.0' encoding='iso-8859-15' ?><rss/>")),
    ).toBe('iso-8859-15')
    expect(xmlDeclaredEncoding(latin1('<?xml version="1.0"?><rss/>'))).toBeUndefined()
    expect(xmlDeclaredEncoding(latin1('{"a":1}'))).toBeUndefined()
  })
})
