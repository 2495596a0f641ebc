import { cacheBuster, fillMacros } from '../../../src/ads/macros'
import { resolveAdTag, resolveVmap, type ResolveDeps } from '../../../src/ads/resolve'
import { parseOffset, readVast, readVmap, type VastAd } from '../../../src/ads/vast'

const xml = (text: string): Document => new DOMParser().parseFromString(text, 'application/xml')

const inline = (id: string, opts: { skip?: string; seq?: number; media?: string } = {}) => `
  <Ad id="${id}"${opts.seq ? ` sequence="${opts.seq}"` : ''}><InLine>
    <AdSystem>test</AdSystem><AdTitle>${id}</AdTitle>
    <Impression><![CDATA[http://b/imp?ad=${id}&cb=[CACHEBUSTING]]]></Impression>
    <Error><![CDATA[http://b/err?ad=${id}&code=[ERRORCODE]]]></Error>
    <Creatives><Creative><Linear${opts.skip ? ` skipoffset="${opts.skip}"` : ''}>
      <Duration>00:00:12.000</Duration>
      <TrackingEvents>
        <Tracking event="start">http://b/start?ad=${id}</Tracking>
        <Tracking event="firstQuartile">http://b/q1?ad=${id}</Tracking>
        <Tracking event="creativeView">http://b/view</Tracking>
      </TrackingEvents>
      <VideoClicks><ClickThrough>http://adv</ClickThrough></VideoClicks>
      <MediaFiles>
        <MediaFile delivery="progressive" type="application/javascript" apiFramework="VPAID" width="640" height="360">http://b/vpaid.js</MediaFile>
        ${
          opts.media ??
          `<MediaFile delivery="progressive" type="video/mp4" width="640" height="360">http://b/${id}-360.mp4</MediaFile>
        <MediaFile delivery="progressive" type="video/mp4" width="3840" height="2160">http://b/${id}-2160.mp4</MediaFile>
        <MediaFile delivery="progressive" type="video/mp4" width="1280" height="720">http://b/${id}-720.mp4</MediaFile>`
        }
      </MediaFiles>
    </Linear></Creative></Creatives>
  </InLine></Ad>`
const vast = (...ads: string[]) => `<?xml version="1.0"?><VAST version="4.0">${ads.join('')}</VAST>`
const wrapper = (id: string, next: string) => `<VAST version="4.0"><Ad id="${id}"><Wrapper>
  <AdSystem>w</AdSystem><VASTAdTagURI><![CDATA[${next}]]></VASTAdTagURI>
  <Impression>http://b/imp?w=${id}</Impression><Error>http://b/err?w=${id}&amp;code=[ERRORCODE]</Error>
  <Creatives><Creative><Linear><TrackingEvents>
    <Tracking event="complete">http://b/complete?w=${id}</Tracking>
  </TrackingEvents></Linear></Creative></Creatives>
</Wrapper></Ad></VAST>`

describe('readVast', () => {
  test('an inline linear ad: the tallest playable MP4 up to 1080 lines, tracking, skip offset', () => {
    const doc = readVast(xml(vast(inline('a', { skip: '00:00:05' }))))
    if (!doc.ok) throw new Error(doc.reason)
    expect(doc.ads).toHaveLength(1)
    const ad = doc.ads[0]
    if (ad?.kind !== 'inline') throw new Error('expected inline')
    expect(ad.ad).toMatchObject({
      id: 'a',
      mediaUrl: 'http://b/a-720.mp4',
      mimeType: 'video/mp4',
      duration: 12,
      skipOffset: 5,
      clickThrough: 'http://adv',
    })
    expect(ad.ad.tracking.impression).toEqual(['http://b/imp?ad=a&cb=[CACHEBUSTING]'])
    expect(ad.ad.tracking.start).toEqual(['http://b/start?ad=a'])
    expect(ad.ad.tracking.firstQuartile).toEqual(['http://b/q1?ad=a'])
  })

  test("a linear ad's closeLinear, and a VAST 2 linear ad's close as its closeLinear (a URL under both names once)", () => {
    const closing = (version: string, events: string) =>
      readVast(
        xml(
          vast(inline('a'))
            .replace('version="4.0"', `version="${version}"`)
            .replace('<Tracking event="start">', `${events}<Tracking event="start">`),
        ),
      )
    const urls = (doc: ReturnType<typeof readVast>) => {
      const ad = doc.ok ? doc.ads[0] : undefined
      if (ad?.kind !== 'inline') throw new Error('expected inline')
      return ad.ad.tracking.closeLinear
    }
    expect(urls(closing('4.0', '<Tracking event="closeLinear">http://b/cl</Tracking>'))).toEqual([
      'http://b/cl',
    ])
    expect(urls(closing('2.0', '<Tracking event="close">http://b/close</Tracking>'))).toEqual([
      'http://b/close',
    ])
    expect(
      urls(
        closing(
          '3.0',
          '<Tracking event="close">http://b/c</Tracking><Tracking event="closeLinear">http://b/c</Tracking><Tracking event="closeLinear">http://b/other</Tracking>',
        ),
      ),
    ).toEqual(['http://b/c', 'http://b/other'])
  })

  test('a pod plays in sequence order; ads without sequence are a buffet (first only)', () => {
    const pod = readVast(xml(vast(inline('b', { seq: 2 }), inline('a', { seq: 1 }))))
    expect(pod.ok && pod.ads.map((a) => a.kind === 'inline' && a.ad.id)).toEqual(['a', 'b'])
    const buffet = readVast(xml(vast(inline('x'), inline('y'))))
    expect(buffet.ok && buffet.ads).toHaveLength(1)
    // The rest of the buffet stands by, in document order; beside a pod, all of it.
    const idOf = (a: VastAd) => a.kind === 'inline' && a.ad.id
    expect(buffet.ok && buffet.backups.map(idOf)).toEqual(['y'])
    const both = readVast(xml(vast(inline('x'), inline('b', { seq: 2 }), inline('a', { seq: 1 }))))
    expect(both.ok && [both.ads.map(idOf), both.backups.map(idOf)]).toEqual([['a', 'b'], ['x']])
  })

  test('a type with codecs or none at all (read from the file name); of one height, the lightest', () => {
    const doc = readVast(
      xml(
        vast(
          inline('a', {
            media: `<MediaFile delivery="progressive" type='video/mp4; codecs="avc1.64001f"' height="1080" bitrate="8000">http://b/heavy.mp4</MediaFile>
              <MediaFile delivery="progressive" height="1080" bitrate="2500">http://b/light.mp4?v=1</MediaFile>
              <MediaFile delivery="progressive" type="video/mp4" height="720">http://b/small.mp4</MediaFile>`,
          }),
        ),
      ),
    )
    expect(doc.ok && doc.ads[0]?.kind === 'inline' && doc.ads[0].ad).toMatchObject({
      mediaUrl: 'http://b/light.mp4?v=1',
      mimeType: 'video/mp4',
    })
  })

  test('an ad whose only files are taller than 1080 lines plays the shortest of them, not none', () => {
    const doc = readVast(
      xml(
        vast(
          inline('uhd', {
            media: `<MediaFile delivery="progressive" type="video/mp4" height="4320">http://b/8k.mp4</MediaFile>
              <MediaFile delivery="progressive" type="video/mp4" height="2160">http://b/4k.mp4</MediaFile>`,
          }),
        ),
      ),
    )
    expect(doc.ok && doc.ads[0]?.kind === 'inline' && doc.ads[0].ad.mediaUrl).toBe(
      'http://b/4k.mp4',
    )
  })

  test('VPAID only, or no playable type: left out and said why', () => {
    const doc = readVast(
      xml(
        vast(
          inline('v', {
            media:
              '<MediaFile type="application/javascript" apiFramework="VPAID">http://x</MediaFile>',
          }),
        ),
      ),
    )
    expect(doc.ok && doc.ads).toEqual([])
    // Said once, not also as "no linear creative".
    expect(doc.ok && doc.skipped).toEqual(['ad v: no media file the box can play'])
    expect(doc.ok && doc.refused).toEqual([
      { errors: ['http://b/err?ad=v&code=[ERRORCODE]'], code: 403 },
    ])
  })

  test('a file in a codec the box does not decode is passed over for one it does; VAST 2\'s "H.264" is not a codec string', () => {
    const media = `
      <MediaFile delivery="progressive" type="video/mp4" width="1920" height="1080" codec="hvc1.1.6.L93.90">http://b/hevc.mp4</MediaFile>
      <MediaFile delivery="progressive" type="video/mp4" width="640" height="360" codec="avc1.42E01E">http://b/avc.mp4</MediaFile>
      <MediaFile delivery="progressive" type="video/mp4" width="854" height="480" codec="H.264">http://b/named.mp4</MediaFile>`
    const noHevc = (_type: string, codec: string) => !codec.startsWith('hvc1')
    const pick = (supports?: (type: string, codec: string) => boolean) => {
      const doc = readVast(xml(vast(inline('c', { media }))), supports)
      const ad = doc.ok ? doc.ads[0] : undefined
      return ad?.kind === 'inline' ? ad.ad.mediaUrl : undefined
    }
    expect(pick(noHevc)).toBe('http://b/named.mp4')
    // A codec list (RFC 6381): each of its codecs must play.
    const listed = media.replace('codec="hvc1.1.6.L93.90"', 'codec="hvc1.1.6.L93.90, mp4a.40.2"')
    const fromList = readVast(xml(vast(inline('l', { media: listed }))), noHevc)
    expect(fromList.ok && fromList.ads[0]?.kind === 'inline' && fromList.ads[0].ad.mediaUrl).toBe(
      'http://b/named.mp4',
    )
    expect(pick()).toBe('http://b/hevc.mp4')
    // Only HEVC: tried all the same (an engine may answer "" for a codec it plays); it reports
    // 405 if it then fails.
    const only = readVast(
      xml(vast(inline('h', { media: media.split('\n').slice(0, 2).join('\n') }))),
      noHevc,
    )
    expect(only.ok && only.ads[0]?.kind === 'inline' && only.ads[0].ad.mediaUrl).toBe(
      'http://b/hevc.mp4',
    )
    // "H264" names no sample entry: taken without asking.
    const asked: string[] = []
    const h264 = readVast(
      xml(vast(inline('n', { media: media.replace('"H.264"', '"H264"') }))),
      (_type, codec) => {
        asked.push(codec)
        return !codec.startsWith('hvc1')
      },
    )
    expect(asked).toEqual(['hvc1.1.6.L93.90'])
    expect(h264.ok && h264.ads[0]?.kind === 'inline' && h264.ads[0].ad.mediaUrl).toBe(
      'http://b/named.mp4',
    )
  })

  test('an ad with only non-linear creatives is left out, and its Error URLs hear 201', () => {
    const doc = readVast(
      xml(
        vast(`<Ad id="n"><InLine><AdSystem>t</AdSystem><AdTitle>n</AdTitle>
          <Error>http://b/err?ad=n&amp;code=[ERRORCODE]</Error>
          <Creatives><Creative><NonLinearAds><NonLinear width="300" height="50">
            <StaticResource creativeType="image/png">http://b/banner.png</StaticResource>
          </NonLinear></NonLinearAds></Creative></Creatives></InLine></Ad>`),
      ),
    )
    expect(doc.ok && doc.ads).toEqual([])
    expect(doc.ok && doc.skipped).toEqual(['ad n: no linear creative'])
    expect(doc.ok && doc.refused).toEqual([
      { errors: ['http://b/err?ad=n&code=[ERRORCODE]'], code: 201 },
    ])
    // Companions alone are not a non-linear ad: skipped, nothing reported.
    const companions = readVast(
      xml(
        vast(`<Ad id="c"><InLine><AdSystem>t</AdSystem><AdTitle>c</AdTitle>
          <Error>http://b/err?ad=c</Error><Creatives><Creative><CompanionAds><Companion width="300"
          height="250"><StaticResource creativeType="image/png">http://b/c.png</StaticResource>
          </Companion></CompanionAds></Creative></Creatives></InLine></Ad>`),
      ),
    )
    expect(companions.ok && companions.refused).toEqual([])
  })

  test('empty VAST keeps its <Error> URLs; broken XML or another root is not VAST', () => {
    const empty = readVast(
      xml('<VAST version="4.0"><Error>http://b/noad?c=[ERRORCODE]</Error></VAST>'),
    )
    expect(empty).toMatchObject({ ok: true, ads: [], errors: ['http://b/noad?c=[ERRORCODE]'] })
    expect(readVast(xml('<VAST><Ad>')).ok).toBe(false)
    expect(readVast(xml('<html/>')).ok).toBe(false)
  })

  test('offsets: clock, milliseconds, percent of the duration; unreadable is null', () => {
    expect(parseOffset('00:01:02.500', 0)).toBe(62.5)
    expect(parseOffset('25%', 20)).toBe(5)
    expect(parseOffset('25%', 0)).toBeNull()
    expect(parseOffset('soon', 10)).toBeNull()
    expect(parseOffset(null, 10)).toBeNull()
  })
})

describe('readVmap', () => {
  test('start, clock, percent and end breaks with their AdTagURI; broken ones skipped', () => {
    const doc = xml(`<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
      <vmap:AdBreak timeOffset="start" breakType="linear" breakId="pre"><vmap:AdSource><vmap:AdTagURI templateType="vast4"><![CDATA[http://a/pre]]></vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
      <vmap:AdBreak timeOffset="00:00:30.000" breakType="linear" breakId="mid"><vmap:AdSource><vmap:AdTagURI>http://a/mid</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
      <vmap:AdBreak timeOffset="50%" breakType="linear"><vmap:AdSource><vmap:AdTagURI>http://a/half</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
      <vmap:AdBreak timeOffset="end" breakType="linear"><vmap:AdSource><vmap:AdTagURI>http://a/post</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
      <vmap:AdBreak timeOffset="later" breakType="linear"><vmap:AdSource><vmap:AdTagURI>http://a/x</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
      <vmap:AdBreak timeOffset="00:00:10" breakType="linear"><vmap:AdSource></vmap:AdSource></vmap:AdBreak>
    </vmap:VMAP>`)
    const read = readVmap(doc, 120)
    if (!read.ok) throw new Error(read.reason)
    expect(read.breaks.map((b) => [b.offset, b.tagUrl])).toEqual([
      ['start', 'http://a/pre'],
      [30, 'http://a/mid'],
      [60, 'http://a/half'],
      ['end', 'http://a/post'],
    ])
    expect(read.skipped).toHaveLength(2)
  })

  test('read before the content loads, "n%" breaks wait for its duration; 0 % and 100 % do not', () => {
    const at = (offset: string, uri: string) =>
      `<vmap:AdBreak timeOffset="${offset}" breakType="linear" breakId="${uri}"><vmap:AdSource><vmap:AdTagURI>http://a/${uri}</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>`
    const doc = xml(`<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
      ${at('0%', 'pre')}${at('33.5%', 'third')}${at('100%', 'post')}${at('150%', 'beyond')}
    </vmap:VMAP>`)
    const read = readVmap(doc, 0)
    if (!read.ok) throw new Error(read.reason)
    expect(read.breaks.map((b) => [b.offset, b.tagUrl])).toEqual([
      ['start', 'http://a/pre'],
      ['end', 'http://a/post'],
    ])
    expect(read.deferred).toEqual([{ percent: 33.5, tagUrl: 'http://a/third', breakId: 'third' }])
    expect(read.skipped).toEqual(['break beyond: unreadable timeOffset "150%"'])
  })

  test('"#m" is the m-th break opportunity the title gives (its ads.breaks); one it lacks is skipped', () => {
    const at = (offset: string, id: string) =>
      `<vmap:AdBreak timeOffset="${offset}" breakType="linear" breakId="${id}"><vmap:AdSource><vmap:AdTagURI>http://a/${id}</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>`
    const doc = xml(`<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
      ${at('#1', 'first')}${at('#3', 'third')}${at('#4', 'fourth')}${at('#0', 'zero')}
    </vmap:VMAP>`)
    const read = readVmap(doc, 0, [0, 300, 900])
    if (!read.ok) throw new Error(read.reason)
    expect(read.breaks.map((b) => [b.offset, b.tagUrl])).toEqual([
      ['start', 'http://a/first'],
      [900, 'http://a/third'],
    ])
    expect(read.skipped).toEqual([
      'break fourth: timeOffset #4 names break opportunity 4, and the title gives 3 (its ads.breaks)',
      'break zero: unreadable timeOffset "#0"',
    ])
    // A title without opportunities: every "#m" break is skipped, and said why.
    const none = readVmap(doc, 0)
    if (!none.ok) throw new Error(none.reason)
    expect(none.breaks).toEqual([])
    expect(none.skipped[0]).toMatch(/names break opportunity 1, and the title gives 0/)
  })

  test('a repeatAfter break is placed once and its repeats wait for the duration; not at the end', () => {
    const at = (offset: string, id: string, repeat: string) =>
      `<vmap:AdBreak timeOffset="${offset}" breakType="linear" breakId="${id}" repeatAfter="${repeat}"><vmap:AdSource><vmap:AdTagURI>http://a/${id}</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>`
    const doc = xml(`<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
      ${at('start', 'pre', '00:10:00')}${at('00:05:00', 'mid', '00:20:00.500')}${at('25%', 'share', '00:15:00')}
      ${at('end', 'post', '00:10:00')}${at('00:01:00', 'odd', 'ten minutes')}
    </vmap:VMAP>`)
    const read = readVmap(doc, 0)
    if (!read.ok) throw new Error(read.reason)
    expect(read.breaks.map((b) => [b.breakId, b.offset])).toEqual([
      ['pre', 'start'],
      ['mid', 300],
      ['post', 'end'],
      ['odd', 60],
    ])
    expect(read.deferred).toEqual([
      { from: 0, repeatAfter: 600, tagUrl: 'http://a/pre', breakId: 'pre' },
      { from: 300, repeatAfter: 1200.5, tagUrl: 'http://a/mid', breakId: 'mid' },
      { percent: 25, repeatAfter: 900, tagUrl: 'http://a/share', breakId: 'share' },
    ])
  })

  test("each break's own tracking (VMAP 1.0.1), prefixed or not, CDATA and whitespace trimmed", () => {
    const doc = xml(`<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
      <vmap:AdBreak timeOffset="start" breakType="linear" breakId="pre">
        <vmap:AdSource><vmap:AdTagURI>http://a/pre</vmap:AdTagURI></vmap:AdSource>
        <vmap:TrackingEvents>
          <vmap:Tracking event="breakStart">
            <![CDATA[ http://b/bs?bp=[BREAKPOSITION] ]]>
          </vmap:Tracking>
          <vmap:Tracking event="breakEnd">http://b/be</vmap:Tracking>
          <vmap:Tracking event="error"><![CDATA[http://b/err?c=[ERRORCODE]]]></vmap:Tracking>
          <vmap:Tracking event="error">http://b/err2</vmap:Tracking>
          <vmap:Tracking event="creativeView">http://b/not-a-break-event</vmap:Tracking>
          <vmap:Tracking event="breakEnd">   </vmap:Tracking>
        </vmap:TrackingEvents>
      </vmap:AdBreak>
      <AdBreak xmlns="http://www.iab.net/videosuite/vmap" timeOffset="00:00:30" breakId="mid">
        <AdSource><AdTagURI>http://a/mid</AdTagURI></AdSource>
        <TrackingEvents><Tracking event="breakStart">http://b/mid-bs</Tracking></TrackingEvents>
      </AdBreak>
      <vmap:AdBreak timeOffset="50%" breakId="half">
        <vmap:AdSource><vmap:AdTagURI>http://a/half</vmap:AdTagURI></vmap:AdSource>
        <vmap:TrackingEvents><vmap:Tracking event="breakEnd">http://b/half-be</vmap:Tracking></vmap:TrackingEvents>
      </vmap:AdBreak>
      <vmap:AdBreak timeOffset="end" breakId="post"><vmap:AdSource><vmap:VASTAdData>
        <VAST version="4.0"><Ad><InLine><Creatives><Creative><Linear><TrackingEvents>
          <Tracking event="start">http://b/the-ads-own-start</Tracking>
        </TrackingEvents></Linear></Creative></Creatives></InLine></Ad></VAST>
      </vmap:VASTAdData></vmap:AdSource></vmap:AdBreak>
    </vmap:VMAP>`)
    const read = readVmap(doc, 0)
    if (!read.ok) throw new Error(read.reason)
    expect(read.breaks.map((b) => [b.breakId, b.tracking])).toEqual([
      [
        'pre',
        {
          breakStart: ['http://b/bs?bp=[BREAKPOSITION]'],
          breakEnd: ['http://b/be'],
          error: ['http://b/err?c=[ERRORCODE]', 'http://b/err2'],
        },
      ],
      ['mid', { breakStart: ['http://b/mid-bs'], breakEnd: [], error: [] }],
      // The TrackingEvents of the VAST a break carries are its ad's, not the break's.
      ['post', undefined],
    ])
    // A break placed once the content's duration is known keeps its tracking.
    expect(read.deferred.map((b) => [b.breakId, b.tracking])).toEqual([
      ['half', { breakStart: [], breakEnd: ['http://b/half-be'], error: [] }],
    ])
  })
})

describe('fillMacros', () => {
  test('cache buster, timestamp, error code and segments; unknown macros left alone', () => {
    const url = fillMacros(
      'http://b/e?c=[ERRORCODE]&cb=[CACHEBUSTING]&t=[TIMESTAMP]&s=[SEGMENTS]&x=[OTHER]',
      {
        now: Date.UTC(2026, 11, 2, 10, 0, 0),
        random: () => 0.0123,
        errorCode: 303,
        segments: ['g-drama', 'lang-fr'],
      },
    )
    expect(url).toBe(
      'http://b/e?c=303&cb=01230000&t=2026-12-02T10%3A00%3A00.000Z&s=g-drama%2Clang-fr&x=[OTHER]',
    )
    expect(fillMacros('http://b/?c=[ERRORCODE]', { now: 0 })).toBe('http://b/?c=-1')
    expect(cacheBuster(() => 0.99999999)).toHaveLength(8)
  })

  test("where the ad and the content stand; the IAB's other macros as -1, an operator's own kept", () => {
    const url = fillMacros(
      'http://b/q?ap=[ADPLAYHEAD]&cp=[CONTENTPLAYHEAD]&mp=[MEDIAPLAYHEAD]&bp=[BREAKPOSITION]' +
        '&ps=[PODSEQUENCE]&u=[ASSETURI]&m=[MEDIAMIME]&t=[ADTYPE]&ss=[SERVERSIDE]&sz=[PLAYERSIZE]' +
        '&ua=[DEVICEUA]&g=[GDPRCONSENT]&own=[OPERATOR_ID]',
      {
        now: 0,
        adPlayhead: 7.25,
        contentPlayhead: 3725.5,
        breakPosition: 2,
        podSequence: 2,
        assetUri: 'http://c/a b.mp4',
        mediaMime: 'video/mp4',
      },
    )
    expect(url).toBe(
      'http://b/q?ap=00%3A00%3A07.250&cp=01%3A02%3A05.500&mp=01%3A02%3A05.500&bp=2&ps=2' +
        '&u=http%3A%2F%2Fc%2Fa%20b.mp4&m=video%2Fmp4&t=video&ss=0&sz=1920%2C1080' +
        '&ua=-1&g=-1&own=[OPERATOR_ID]',
    )
    expect(fillMacros('http://b/?ap=[ADPLAYHEAD]&bp=[BREAKPOSITION]', { now: 0 })).toBe(
      'http://b/?ap=-1&bp=-1',
    )
  })
})

describe('resolveAdTag', () => {
  function deps(pages: Record<string, string | Error>, timeoutMs = 2000) {
    const beacons: string[] = []
    const fetched: string[] = []
    const d: ResolveDeps = {
      fetchText: (url, signal) => {
        fetched.push(url)
        const page = pages[url]
        if (page === 'hang')
          return new Promise((_, reject) =>
            signal.addEventListener('abort', () => reject(new Error('aborted'))),
          )
        if (page === undefined) return Promise.reject(new Error('HTTP 404'))
        return page instanceof Error ? Promise.reject(page) : Promise.resolve(page)
      },
      parseXml: xml,
      beacon: (url) => beacons.push(url),
      now: () => 0,
      timeoutMs,
      random: () => 0.5,
    }
    return { d, beacons, fetched }
  }

  test('follows wrappers and adds every level’s impression, error and tracking to the ad', async () => {
    const { d } = deps({
      'http://t/1': wrapper('w1', 'http://t/2'),
      'http://t/2': wrapper('w2', 'http://t/3'),
      'http://t/3': vast(inline('a')),
    })
    const { ads, problems } = await resolveAdTag('http://t/1', d)
    expect(problems).toEqual([])
    expect(ads).toHaveLength(1)
    expect(ads[0]?.tracking.impression).toEqual([
      'http://b/imp?w=w1',
      'http://b/imp?w=w2',
      'http://b/imp?ad=a&cb=[CACHEBUSTING]',
    ])
    expect(ads[0]?.tracking.complete).toEqual(['http://b/complete?w=w1', 'http://b/complete?w=w2'])
  })

  test('five wrappers are followed, a sixth is not (error 302 to the chain)', async () => {
    const pages: Record<string, string> = {}
    for (let i = 1; i <= 6; i++) pages[`http://t/${i}`] = wrapper(`w${i}`, `http://t/${i + 1}`)
    pages['http://t/7'] = vast(inline('a'))
    const { d, beacons, fetched } = deps(pages)
    const { ads, problems } = await resolveAdTag('http://t/1', d)
    expect(ads).toEqual([])
    expect(fetched).toHaveLength(6)
    expect(problems.join()).toMatch(/more than 5 wrappers/)
    expect(beacons).toContain('http://b/err?w=w6&code=302')
    // Five levels deep is still fine.
    const five = deps({ ...pages, 'http://t/6': vast(inline('a')) })
    expect((await resolveAdTag('http://t/1', five.d)).ads).toHaveLength(1)
  })

  test('an empty answer at the end of a wrapper: no ad, 303 to the wrapper and the VAST', async () => {
    const { d, beacons } = deps({
      'http://t/1': wrapper('w1', 'http://t/2'),
      'http://t/2': '<VAST version="4.0"><Error>http://b/empty?c=[ERRORCODE]</Error></VAST>',
    })
    const { ads, problems } = await resolveAdTag('http://t/1', d)
    expect(ads).toEqual([])
    expect(problems.join()).toMatch(/no ad/)
    expect(beacons).toEqual(['http://b/err?w=w1&code=303', 'http://b/empty?c=303'])
  })

  /** A wrapper as one <Ad> of a document, to build a buffet or a pod of them. */
  const wrapperAd = (id: string, next: string, seq = 0) =>
    wrapper(id, next)
      .replace(/^<VAST version="4.0">|<\/VAST>$/g, '')
      .replace(`<Ad id="${id}">`, `<Ad id="${id}"${seq ? ` sequence="${seq}"` : ''}>`)

  test('a buffet whose first ads give nothing (no fill, a dead tag) plays the next that does', async () => {
    const { d, beacons, fetched } = deps({
      'http://t/1': vast(
        wrapperAd('w1', 'http://t/nofill'),
        wrapperAd('w2', 'http://t/dead'),
        inline('c'),
        inline('d'),
      ),
      'http://t/nofill': '<VAST version="4.0"/>',
    })
    const { ads, problems } = await resolveAdTag('http://t/1', d)
    expect(ads.map((ad) => ad.id)).toEqual(['c'])
    expect(fetched).toEqual(['http://t/1', 'http://t/nofill', 'http://t/dead'])
    expect(beacons).toEqual(['http://b/err?w=w1&code=303', 'http://b/err?w=w2&code=301'])
    expect(problems.join()).toMatch(/stand-alone ad of the buffet stands in/)
    // The first has fill: no other tag of the buffet is asked.
    const first = deps({
      'http://t/1': vast(wrapperAd('w1', 'http://t/fill'), wrapperAd('w2', 'http://t/other')),
      'http://t/fill': vast(inline('a')),
    })
    expect((await resolveAdTag('http://t/1', first.d)).ads.map((ad) => ad.id)).toEqual(['a'])
    expect(first.fetched).toEqual(['http://t/1', 'http://t/fill'])
  })

  test("a pod's ad that gives nothing is stood in for by the buffet's ad, in its place", async () => {
    const { d } = deps({
      'http://t/1': vast(
        inline('a', { seq: 1 }),
        wrapperAd('w2', 'http://t/dead', 2),
        inline('c', { seq: 3 }),
        inline('x'),
      ),
    })
    expect((await resolveAdTag('http://t/1', d)).ads.map((ad) => ad.id)).toEqual(['a', 'x', 'c'])
    // With no buffet, the pod plays without it, and no error code: it has ads.
    const bare = deps({
      'http://t/1': vast(inline('a', { seq: 1 }), wrapperAd('w2', 'http://t/dead', 2)),
    })
    const pod = await resolveAdTag('http://t/1', bare.d)
    expect(pod.ads.map((ad) => ad.id)).toEqual(['a'])
    expect(pod.errorCode).toBeUndefined()
  })

  test('an ad with no media the box plays (audio only) tells its chain 403; the pod goes on', async () => {
    const audio = inline('aud', {
      seq: 1,
      media: '<MediaFile delivery="progressive" type="audio/mp4">http://b/aud.m4a</MediaFile>',
    })
    const { d, beacons } = deps({
      'http://t/1': wrapper('w1', 'http://t/2'),
      'http://t/2': vast(audio, inline('vid', { seq: 2 })),
      'http://t/alone': vast(audio),
    })
    const pod = await resolveAdTag('http://t/1', d)
    expect(pod.ads.map((ad) => ad.id)).toEqual(['vid'])
    expect(beacons).toEqual(['http://b/err?w=w1&code=403', 'http://b/err?ad=aud&code=403'])
    beacons.splice(0)
    const alone = await resolveAdTag('http://t/alone', d)
    expect(alone).toMatchObject({ ads: [], errorCode: 403 })
    // Not an empty answer as well: no 303.
    expect(beacons).toEqual(['http://b/err?ad=aud&code=403'])
  })

  test("the box's codec support is asked through a wrapper chain: the H.264 file of an ad listing HEVC first", async () => {
    const both = inline('hv', {
      media:
        '<MediaFile delivery="progressive" type="video/mp4" height="1080" codec="hvc1.1.6.L93.90">http://b/hv.mp4</MediaFile>' +
        '<MediaFile delivery="progressive" type="video/mp4" height="360" codec="avc1.42E01E">http://b/avc.mp4</MediaFile>',
    })
    const { d, beacons } = deps({
      'http://t/1': wrapper('w1', 'http://t/2'),
      'http://t/2': vast(both),
    })
    d.codecSupport = (_type, codec) => !codec.startsWith('hvc1')
    const { ads } = await resolveAdTag('http://t/1', d)
    expect(ads.map((ad) => ad.mediaUrl)).toEqual(['http://b/avc.mp4'])
    expect(beacons).toEqual([])
  })

  test('a blank line before the XML declaration is read; a 204 after a wrapper is "no ad" (303)', async () => {
    const { d, beacons } = deps({
      'http://t/1': `\n\n  ${wrapper('w1', 'http://t/2')}`,
      'http://t/2': '',
      'http://t/3': `\r\n${vast(inline('a'))}`,
    })
    const empty = await resolveAdTag('http://t/1', d)
    expect(empty.ads).toEqual([])
    expect(empty.problems.join()).toMatch(/no ad \(empty answer\)/)
    expect(beacons).toEqual(['http://b/err?w=w1&code=303'])
    expect((await resolveAdTag('http://t/3', d)).ads).toHaveLength(1)
  })

  test('a wrapper without allowMultipleAds takes one ad of its pod; with it, the whole pod', async () => {
    const pod = vast(inline('a', { seq: 2 }), inline('b', { seq: 1 }), inline('c', { seq: 3 }))
    const allowing = wrapper('w1', 'http://t/pod').replace(
      '<Wrapper>',
      '<Wrapper allowMultipleAds="true">',
    )
    const { d } = deps({
      'http://t/single': wrapper('w1', 'http://t/pod'),
      'http://t/multi': allowing,
      'http://t/pod': pod,
    })
    const single = await resolveAdTag('http://t/single', d)
    expect(single.ads.map((ad) => ad.id)).toEqual(['b'])
    expect(single.problems.join()).toMatch(/2 ad\(s\) left out/)
    expect((await resolveAdTag('http://t/multi', d)).ads.map((ad) => ad.id)).toEqual([
      'b',
      'a',
      'c',
    ])
  })

  test('404, broken XML and a hanging server give no ad, never an exception', async () => {
    const missing = deps({})
    expect((await resolveAdTag('http://t/404', missing.d)).ads).toEqual([])
    const broken = deps({ 'http://t/1': '<VAST><Ad' })
    expect((await resolveAdTag('http://t/1', broken.d)).problems.join()).toMatch(/not a VAST/)
    const slow = deps({ 'http://t/1': wrapper('w1', 'http://t/2'), 'http://t/2': 'hang' }, 50)
    const started = Date.now()
    const result = await resolveAdTag('http://t/1', slow.d)
    expect(Date.now() - started).toBeLessThan(1000)
    expect(result.problems.join()).toMatch(/timed out after 50 ms/)
    expect(slow.beacons).toEqual(['http://b/err?w=w1&code=301'])
  })

  test("a tag without an ad says the code its chain's <Error> URLs got, for its break's error beacon", async () => {
    const code = async (pages: Record<string, string>, timeoutMs?: number) =>
      (await resolveAdTag('http://t/1', deps(pages, timeoutMs).d)).errorCode
    expect(await code({})).toBe(301)
    expect(await code({ 'http://t/1': 'hang' }, 50)).toBe(301)
    expect(await code({ 'http://t/1': wrapper('w1', 'http://t/2') })).toBe(301)
    expect(await code({ 'http://t/1': '<VAST version="4.0"></VAST>' })).toBe(303)
    expect(await code({ 'http://t/1': ' ' })).toBe(303)
    expect(await code({ 'http://t/1': '<VAST><Ad' })).toBe(100)
    const chain: Record<string, string> = {}
    for (let i = 1; i <= 7; i++) chain[`http://t/${i}`] = wrapper(`w${i}`, `http://t/${i + 1}`)
    expect(await code(chain)).toBe(302)
    // A tag that gives an ad has no error code.
    expect(await code({ 'http://t/1': vast(inline('a')) })).toBeUndefined()
  })

  test('a VMAP break that carries its VAST (VASTAdData) plays it without asking a server', async () => {
    const vmap = `<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
      <vmap:AdBreak timeOffset="start" breakType="linear" breakId="pre"><vmap:AdSource allowMultipleAds="false">
        <vmap:VASTAdData>${vast(inline('carried')).replace('<?xml version="1.0"?>', '')}</vmap:VASTAdData>
      </vmap:AdSource></vmap:AdBreak>
    </vmap:VMAP>`
    const { d, fetched } = deps({ 'http://t/vmap': vmap })
    const read = await resolveVmap('http://t/vmap', 0, d)
    expect(read.problems).toEqual([])
    expect(read.breaks).toHaveLength(1)
    const [pre] = read.breaks
    const { ads, problems } = await resolveAdTag(pre!.tagUrl, d, pre!.inline)
    expect(problems).toEqual([])
    expect(ads.map((ad) => [ad.id, ad.mediaUrl])).toEqual([['carried', 'http://b/carried-720.mp4']])
    expect(fetched).toEqual(['http://t/vmap'])
  })

  test('a VMAP that fails gives no break; one that answers gives its breaks', async () => {
    const vmap = `<vmap:VMAP xmlns:vmap="http://www.iab.net/videosuite/vmap" version="1.0">
      <vmap:AdBreak timeOffset="start" breakType="linear"><vmap:AdSource><vmap:AdTagURI>http://a/pre</vmap:AdTagURI></vmap:AdSource></vmap:AdBreak>
    </vmap:VMAP>`
    const ok = deps({ 'http://t/vmap': vmap })
    expect((await resolveVmap('http://t/vmap', 100, ok.d)).breaks).toEqual([
      { offset: 'start', tagUrl: 'http://a/pre', breakId: null },
    ])
    // Its own URL's macros are filled as its tags' are.
    const filled = deps({ 'http://t/vmap?cb=12345678&cp=00%3A00%3A00.000': vmap })
    const macros = { contentPlayhead: 0 }
    const read = await resolveVmap(
      'http://t/vmap?cb=[CACHEBUSTING]&cp=[CONTENTPLAYHEAD]',
      100,
      {
        ...filled.d,
        random: () => 0.12345678,
      },
      macros,
    )
    expect(read.problems).toEqual([])
    expect(filled.fetched).toEqual(['http://t/vmap?cb=12345678&cp=00%3A00%3A00.000'])
    const failed = deps({})
    const none = await resolveVmap('http://t/vmap', 100, failed.d)
    expect(none.breaks).toEqual([])
    expect(none.problems.join()).toMatch(/VMAP failed/)
  })
})
