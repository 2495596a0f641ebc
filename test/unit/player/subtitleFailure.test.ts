import { SubtitleRequests } from '../../../src/player/subtitleFailure'

const notFound = (uri: string) => ({ category: 1, data: [uri, 404] })

describe('SubtitleRequests', () => {
  test("only subtitle segment requests count; a manifest or a video segment's failure is the film's", () => {
    const requests = new SubtitleRequests()
    requests.note(1, { contentType: 'text', uris: ['https://cdn/s/fr.vtt'] })
    requests.note(1, { contentType: 'video', uris: ['https://cdn/v/1.m4s'] })
    requests.note(0, { contentType: 'text', uris: ['https://cdn/manifest.mpd'] })
    expect(requests.failed(notFound('https://cdn/s/fr.vtt'))).toBe(true)
    expect(requests.failed(notFound('https://cdn/v/1.m4s'))).toBe(false)
    expect(requests.failed(notFound('https://cdn/manifest.mpd'))).toBe(false)
    // A parse failure is always the subtitles'; a media one never.
    expect(requests.failed({ category: 2 })).toBe(true)
    expect(requests.failed({ category: 3, data: ['https://cdn/s/fr.vtt'] })).toBe(false)
  })

  test('remembers the latest 64 subtitle URIs, and none after clear', () => {
    const requests = new SubtitleRequests()
    for (let i = 0; i < 70; i++) requests.note(1, { contentType: 'text', uris: [`s/${i}.vtt`] })
    expect(requests.failed(notFound('s/5.vtt'))).toBe(false)
    expect(requests.failed(notFound('s/69.vtt'))).toBe(true)
    requests.clear()
    expect(requests.failed(notFound('s/69.vtt'))).toBe(false)
  })
})
