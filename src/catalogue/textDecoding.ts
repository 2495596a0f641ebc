/**
 * A feed's bytes as text in the encoding it is written in. `Response.text()` always reads UTF-8,
 * but exports still come in ISO-8859-1 or Windows-1252 (an XML prolog saying
 * `encoding="ISO-8859-1"`, or a charset in Content-Type), and every accented letter of a French or
 * Dutch title then shows as "�". Tried in order: a byte order mark, the Content-Type charset, the
 * XML prolog's encoding, UTF-8; a declaration that cannot be right (it says UTF-8 but the bytes
 * are not) gives way to the next, and bytes that are no valid UTF-8 at all are read as
 * Windows-1252, what such files almost always are.
 */

export type DecoderFactory = (label: string, options: { fatal: boolean }) => TextDecoder

const BOMS: [number[], string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
]

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

export function decodeText(
  bytes: Uint8Array,
  contentType: string | null | undefined,
  decoder: DecoderFactory,
): string {
  const bom = BOMS.find(([mark]) => mark.every((byte, i) => bytes[i] === byte))
  const candidates = [bom?.[1], charsetOf(contentType), xmlDeclaredEncoding(bytes), 'utf-8'].filter(
    (label): label is string => Boolean(label),
  )
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
