import { unprefixMpd } from '../../../src/player/mpdPrefix'

const PREFIXED = `<?xml version="1.0" encoding="UTF-8"?>
<mpd:MPD xmlns:mpd="urn:mpeg:dash:schema:mpd:2011" xmlns:cenc="urn:mpeg:cenc:2013" type="static">
  <mpd:Period>
    <mpd:AdaptationSet mimeType="video/mp4">
      <mpd:ContentProtection schemeIdUri="urn:mpeg:dash:mp4protection:2011"><cenc:pssh>AAAA</cenc:pssh></mpd:ContentProtection>
      <mpd:Representation id="v0" bandwidth="500000"/>
    </mpd:AdaptationSet>
  </mpd:Period>
</mpd:MPD>`

describe('unprefixMpd', () => {
  test('the MPD namespace prefix is written out of every element; others stay', () => {
    const result = unprefixMpd(PREFIXED)!
    const doc = new DOMParser().parseFromString(result, 'application/xml')
    expect(doc.documentElement.tagName).toBe('MPD')
    expect(doc.documentElement.namespaceURI).toBe('urn:mpeg:dash:schema:mpd:2011')
    expect(doc.getElementsByTagName('Representation')[0]!.getAttribute('id')).toBe('v0')
    expect(result).toContain('<cenc:pssh>AAAA</cenc:pssh>')
    expect(result).not.toMatch(/<\/?mpd:|xmlns:mpd/)
  })

  test('an MPD in the default namespace, or a prefix bound elsewhere, is left alone', () => {
    expect(unprefixMpd('<MPD xmlns="urn:mpeg:dash:schema:mpd:2011"><Period/></MPD>')).toBeNull()
    expect(unprefixMpd('<x:MPD xmlns:x="urn:example:other"><x:Period/></x:MPD>')).toBeNull()
  })

  test('a document that also declares a default namespace keeps it', () => {
    const result = unprefixMpd(
      `<m:MPD xmlns="urn:mpeg:dash:schema:mpd:2011" xmlns:m='urn:mpeg:dash:schema:mpd:2011'><m:Period/></m:MPD>`,
    )!
    expect(result).toBe('<MPD xmlns="urn:mpeg:dash:schema:mpd:2011"><Period/></MPD>')
  })
})
