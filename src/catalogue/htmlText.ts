/**
 * HTML as feeds carry it in titles and descriptions ("Tom &amp; Jerry", "<p>Un pont&nbsp;...</p>"),
 * as plain text for the screen; and the HTML entities an XML parser refuses ("caf&eacute;"), as the
 * numeric references it reads. Pure: no DOM, so the JSON feeds' mapping and node tests use it too.
 */

/** ISO-8859-1's named characters, U+00A0 to U+00FF in order (HTML 4's Latin-1 entity set). */
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn ' +
  'sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave ' +
  'Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ' +
  'ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN ' +
  'szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave ' +
  'iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc ' +
  'uuml yacute thorn yuml'

/** XML's own five, and the typographic ones exports use most. */
const OTHER_ENTITIES: Record<string, number> = {
  amp: 38,
  lt: 60,
  gt: 62,
  quot: 34,
  apos: 39,
  OElig: 338,
  oelig: 339,
  Scaron: 352,
  scaron: 353,
  Yuml: 376,
  circ: 710,
  tilde: 732,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  bull: 8226,
  hellip: 8230,
  lsaquo: 8249,
  rsaquo: 8250,
  euro: 8364,
  trade: 8482,
}

const ENTITIES: Record<string, number> = {
  ...Object.fromEntries(LATIN1_NAMES.split(' ').map((name, i) => [name, 0xa0 + i])),
  ...OTHER_ENTITIES,
}

const XML_PREDEFINED = new Set(['amp', 'lt', 'gt', 'quot', 'apos'])

/** String.fromCodePoint, which the engines of older boxes lack. */
function fromCodePoint(code: number): string | undefined {
  if (!(code > 0 && code <= 0x10ffff)) return undefined
  if (code <= 0xffff) return String.fromCharCode(code)
  const offset = code - 0x10000
  return String.fromCharCode(0xd800 + (offset >> 10), 0xdc00 + (offset & 0x3ff))
}

/** Numeric references and the named entities above as characters; any other `&` stays as written. */
export function decodeEntities(value: string): string {
  return value.replace(
    /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([A-Za-z][A-Za-z0-9]{1,7}));/gi,
    (whole: string, dec?: string, hex?: string, name?: string) => {
      const code = dec ? Number(dec) : hex ? parseInt(hex, 16) : ENTITIES[name ?? '']
      return (code !== undefined && fromCodePoint(code)) || whole
    },
  )
}

/** Tags that end a line or a block: a space in one line of text, so "meer.<br>Tweede" keeps apart. */
const BREAKING = /<\/?(?:br|p|div|li|ul|ol|h[1-6]|tr|td|blockquote)\b[^>]*>/gi

/** Plain text of a value that may be HTML: scripts, styles, comments and tags out, entities in. */
export function htmlToText(value: string): string {
  if (!/[<&]/.test(value)) return value.replace(/\s+/g, ' ').trim()
  return decodeEntities(withoutTags(value)).replace(/\s+/g, ' ').trim()
}

/**
 * The text without its HTML markup (scripts, styles, comments, tags), its entities left as they
 * are: for a text whose entities were read already, so "&amp;lt;" is not read twice.
 */
export function withoutTags(value: string): string {
  return (
    value
      // CDATA markers leaked from an XML-templated export into a JSON text: its content is the text.
      .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
      .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/<!--[\s\S]*?-->/g, '')
      .replace(BREAKING, ' ')
      .replace(/<\/?[A-Za-z][^<>]*>/g, '')
  )
}

/**
 * An XML document with the HTML entities it uses but does not declare written as numeric
 * references, which every XML parser reads; `replaced` names them for the log. A document with a
 * DOCTYPE may declare its own, so it is left as it is.
 */
export function xmlWithNumericEntities(source: string): { source: string; replaced: string[] } {
  if (/<!DOCTYPE[^>]*\[/i.test(source)) return { source, replaced: [] }
  const replaced = new Set<string>()
  const result = source.replace(/&([A-Za-z][A-Za-z0-9]{1,7});/g, (whole, name: string) => {
    const code = ENTITIES[name]
    if (XML_PREDEFINED.has(name) || code === undefined) return whole
    replaced.add(name)
    return `&#${code};`
  })
  return { source: result, replaced: [...replaced] }
}

const XML_REFERENCE = /^(?:#\d+|#x[0-9a-f]+|amp|lt|gt|quot|apos);/i
const NAMED_REFERENCE = /^[A-Za-z_][\w.-]*;/

/**
 * An XML document with each `&` that starts no reference written `&amp;`, as templated exports
 * leave it in titles ("Rock & Roll") and query strings (`?a=1&b=2`), which XML refuses: the
 * whole feed or guide was unreadable for one character. Run after xmlWithNumericEntities, so
 * HTML's named entities are references by then; any other name is text ("&bogus;"), unless a
 * DOCTYPE's internal subset may declare it. CDATA sections and comments, where `&` is literal,
 * stay as they are. `count`: how many were escaped, for the log.
 */
export function xmlWithBareAmpersands(source: string): { source: string; count: number } {
  const declares = /<!DOCTYPE[^>]*\[/i.test(source)
  let count = 0
  const escaped = source
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->)/)
    .map((part, index) =>
      index % 2
        ? part
        : part.replace(/&/g, (amp: string, at: number) => {
            const rest = part.slice(at + 1, at + 40)
            if (XML_REFERENCE.test(rest) || (declares && NAMED_REFERENCE.test(rest))) return amp
            count++
            return '&amp;'
          }),
    )
    .join('')
  return { source: escaped, count }
}
