/**
 * A feed's bytes as text in the encoding it is written in. `Response.text()` always reads UTF-8,
 * but exports still come in ISO-8859-1 or Windows-1252 (an XML prolog saying
 * `encoding="ISO-8859-1"`, or a charset in Content-Type), and every accented letter of a French or
 * Dutch title then shows as "�". Tried in order: a byte order mark (or UTF-16's zero bytes
 * without one), the Content-Type charset, the XML prolog's encoding, UTF-8; a declaration that cannot be right (it says UTF-8 but the bytes
 * are not) gives way to the next, and bytes that are no valid UTF-8 at all are read as
 * Windows-1252, what such files almost always are. The reverse mistake is as common: a server
 * that labels every file ISO-8859-1 (Apache's AddDefaultCharset) in front of a UTF-8 export. Bytes
 * that are valid UTF-8 and not plain ASCII are UTF-8 whatever a Latin label says: accented
 * letters in a real Latin-1 text almost never form valid UTF-8 sequences.
 */

export type DecoderFactory = (label: string, options: { fatal: boolean }) => TextDecoder

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
]

/**
 * UTF-16 written without its byte order mark, told by where the zero bytes fall in the first two
 * characters: both an XML declaration and JSON start with ASCII, which UTF-16 writes as a zero
 * byte and the character (XML 1.0 Appendix F, RFC 4627 section 3). Such a file read as UTF-8 has a
 * zero byte after every letter, and no parser reads it; an ASCII-compatible text has none there.
 */
export function bomlessUtf16(bytes: Uint8Array): string | undefined {
  if (bytes.length < 4) return undefined
  const [a, b, c, d] = [bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!]
  if (a === 0 && c === 0 && b !== 0 && d !== 0) return 'utf-16be'
  if (b === 0 && d === 0 && a !== 0 && c !== 0) return 'utf-16le'
  return undefined
}

export function charsetOf(contentType: string | null | undefined): string | undefined {
  return /charset\s*=\s*"?([^";\s]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase()
}

/** The `encoding` of an XML declaration at the start of the bytes (ASCII-compatible encodings). */
export function xmlDeclaredEncoding(bytes: Uint8Array): string | undefined {
  let head = ''
  for (let i = 0; i < Math.min(bytes.length, 256); i++) head += String.fromCharCode(bytes[i]!)
  return /^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/
    .exec(head)?.[1]
    ?.toLowerCase()
}

/** Labels of the single-byte Western encodings (WHATWG names and aliases). */
const LATIN_LABELS = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'latin1',
  'l1',
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'iso-8859-15',
  'iso8859-15',
  'latin-9',
  'us-ascii',
  'ascii',
])

const isLatin = (label: string | undefined): boolean =>
  label !== undefined && LATIN_LABELS.has(label)

/** Whether the bytes have any outside ASCII and read as UTF-8 without a fault. */
function utf8BeyondAscii(bytes: Uint8Array, decoder: DecoderFactory): boolean {
  if (!bytes.some((byte) => byte >= 0x80)) return false
  try {
    decoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

export function decodeText(
  bytes: Uint8Array,
  contentType: string | null | undefined,
  decoder: DecoderFactory,
): string {
  const bom = BOMS.find(([mark]) => mark.every((byte, i) => bytes[i] === byte))
  // Before any label: "UTF-16" in a declaration or a charset does not say which byte order.
  const utf16 = bom ? undefined : bomlessUtf16(bytes)
  const declared = [charsetOf(contentType), xmlDeclaredEncoding(bytes)]
  const latinLabelOnUtf8 = !bom && declared.some(isLatin) && utf8BeyondAscii(bytes, decoder)
  const candidates = [
    bom?.[1],
    utf16,
    ...(latinLabelOnUtf8 ? ['utf-8'] : []),
    ...declared,
    'utf-8',
  ].filter((label): label is string => Boolean(label))
  for (const label of candidates) {
    try {
      // A BOM is dropped by the decoder itself; any other misfit throws and the next is tried.
      return decoder(label, { fatal: true }).decode(bytes)
    } catch {
      // An unknown label (RangeError) or bytes that are not in it (TypeError).
    }
  }
  return decoder('windows-1252', { fatal: false }).decode(bytes)
}
