/**
 * An MPD whose elements carry a namespace prefix (`<mpd:MPD xmlns:mpd="urn:mpeg:dash:schema:mpd:2011">`)
 * is the same document as one using the default namespace, and some packagers write it that
 * way; Shaka compares element names literally and refuses it as not an MPD (4001). This writes
 * the MPD namespace's prefix out of the element names, leaving every other namespace (cenc,
 * xlink, scte35) as it was. Returns null when there is nothing to change.
 */
const MPD_NAMESPACE = 'urn:mpeg:dash:schema:mpd:2011'

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function unprefixMpd(xml: string): string | null {
  const root = /<([A-Za-z_][\w.-]*):MPD[\s>/]/.exec(xml)
  if (!root) return null
  const prefix = root[1]!
  const binding = new RegExp(`\\sxmlns:${escapeRegExp(prefix)}\\s*=\\s*(["'])([^"']*)\\1`)
  const bound = binding.exec(xml)
  if (!bound || bound[2] !== MPD_NAMESPACE) return null
  const tags = new RegExp(`<(/?)${escapeRegExp(prefix)}:`, 'g')
  let result = xml.replace(tags, '<$1')
  // The binding becomes the default namespace, unless the document already declares one.
  result = /\sxmlns\s*=/.test(result)
    ? result.replace(binding, '')
    : result.replace(binding, ` xmlns="${MPD_NAMESPACE}"`)
  return result
}
