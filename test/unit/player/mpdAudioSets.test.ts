import {
  labelUnnamedAudio,
  labelUnnamedAudioSets,
  mayHaveUnnamedAudio,
  unnamedAudioLabel,
  unnamedAudioNumber,
} from '../../../src/player/mpdAudioSets'

const parse = (xml: string): Document => new DOMParser().parseFromString(xml, 'application/xml')
const serialize = (doc: Document): string => new XMLSerializer().serializeToString(doc)

const VIDEO = `<AdaptationSet contentType="video" mimeType="video/mp4">
    <Representation id="v" codecs="avc1.4d401f" bandwidth="900000"/></AdaptationSet>`
const audio = (attributes: string, inside = '') =>
  `<AdaptationSet ${attributes}>${inside}<Representation id="a" bandwidth="96000"/></AdaptationSet>`

const mpd = (...periods: string[][]): string =>
  `<?xml version="1.0"?><MPD xmlns="urn:mpeg:dash:schema:mpd:2011" type="static">${periods
    .map((sets) => `<Period>${sets.join('')}</Period>`)
    .join('')}</MPD>`

const labels = (xml: string): (string | null)[] =>
  Array.from(parse(xml).getElementsByTagName('AdaptationSet')).map(
    (set) => set.getElementsByTagName('Label')[0]?.textContent ?? null,
  )

describe('labelUnnamedAudio', () => {
  it('labels each audio set of a Period that has neither lang nor Label by its place', () => {
    const xml = mpd([
      VIDEO,
      audio('contentType="audio" mimeType="audio/mp4" codecs="mp4a.40.2"'),
      // No contentType: audio by the Representation's MIME type, as many packagers write it.
      `<AdaptationSet><Representation id="b" mimeType="audio/mp4" codecs="ec-3"/></AdaptationSet>`,
    ])
    const labelled = labelUnnamedAudio(xml, parse, serialize)
    expect(labelled).not.toBeNull()
    expect(labels(labelled!)).toEqual([null, unnamedAudioLabel(1), unnamedAudioLabel(2)])
  })

  it('leaves sets alone that a language or a name already tells apart, and a lone unnamed one', () => {
    const named = mpd([
      VIDEO,
      audio('contentType="audio" lang="fr"'),
      audio('contentType="audio"', '<Label>Commentaire</Label>'),
      audio('contentType="audio" label="Director"'),
    ])
    expect(labelUnnamedAudio(named, parse, serialize)).toBeNull()
    const lone = mpd([VIDEO, audio('contentType="audio"')])
    expect(labelUnnamedAudio(lone, parse, serialize)).toBeNull()
  })

  it('counts each Period on its own, and keeps a namespace prefix', () => {
    const doc = parse(
      `<mpd:MPD xmlns:mpd="urn:mpeg:dash:schema:mpd:2011"><mpd:Period>` +
        `<mpd:AdaptationSet contentType="audio"/><mpd:AdaptationSet contentType="audio"/>` +
        `</mpd:Period><mpd:Period><mpd:AdaptationSet contentType="audio"/></mpd:Period></mpd:MPD>`,
    )
    expect(labelUnnamedAudioSets(doc)).toBe(2)
    const added = Array.from(doc.getElementsByTagNameNS('urn:mpeg:dash:schema:mpd:2011', 'Label'))
    expect(added.map((label) => [label.prefix, label.textContent])).toEqual([
      ['mpd', unnamedAudioLabel(1)],
      ['mpd', unnamedAudioLabel(2)],
    ])
  })

  it('does not parse a manifest whose sets but one name their language', () => {
    expect(mayHaveUnnamedAudio(mpd([VIDEO, audio('lang="fr"'), audio('lang="nl"')]))).toBe(false)
    expect(mayHaveUnnamedAudio(mpd([VIDEO, audio('lang="fr"'), audio('')]))).toBe(true)
  })
})

describe('unnamedAudioNumber', () => {
  it('reads back the place the app wrote, and nothing from an author’s own label', () => {
    expect(unnamedAudioNumber(unnamedAudioLabel(2))).toBe(2)
    expect(unnamedAudioNumber('Audio 2')).toBeUndefined()
    expect(unnamedAudioNumber(null)).toBeUndefined()
  })
})
