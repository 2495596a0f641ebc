/**
 * @jest-environment node
 */
import { lib, runModule as run } from './benchModule'

interface Growth {
  from: number | null
  to: number | null
  slopePerMin: number | null
  pct: number | null
}

describe('film memory options', () => {
  const parse = (argv: string[]) =>
    run<Record<string, unknown>>(
      `import { parseArgs } from ${lib('args.mjs')}
       process.stdout.write(JSON.stringify(parseArgs(${JSON.stringify(argv)})))`,
    )

  it('plays 30 minutes by default, unthrottled unless --cpu says otherwise', () => {
    expect(parse(['--film-memory'])).toMatchObject({ filmMemory: 1_800_000, filmCpu: 1 })
    expect(parse(['--film-memory', '5m', '--cpu', '4'])).toMatchObject({
      filmMemory: 300_000,
      filmCpu: 4,
    })
    expect(parse(['--film-memory', '--skip-build'])).toMatchObject({
      filmMemory: 1_800_000,
      skipBuild: true,
    })
    expect(parse([])).toMatchObject({ filmMemory: null })
  })
})

describe('film memory growth', () => {
  const growth = (readings: object[], key = 'renderer') =>
    run<Growth>(
      `import { growth } from ${lib('filmMemoryReport.mjs')}
       process.stdout.write(JSON.stringify(growth(${JSON.stringify(readings)}, ${JSON.stringify(key)})))`,
    )

  it('leaves the first minute out as warm-up and fits MB per minute from there', () => {
    const readings = [
      { atSeconds: 5, renderer: 10e6 },
      { atSeconds: 60, renderer: 100e6 },
      { atSeconds: 120, renderer: 102e6 },
      { atSeconds: 180, renderer: 104e6 },
    ]
    const g = growth(readings)
    expect(g.from).toBe(100e6)
    expect(g.to).toBe(104e6)
    expect(g.slopePerMin).toBeCloseTo(2e6, 0)
    expect(g.pct).toBeCloseTo(4, 6)
  })

  it('skips readings without the figure and says nothing with fewer than two', () => {
    const g = growth([
      { atSeconds: 60, renderer: 100e6, texture: null },
      { atSeconds: 120, renderer: 100e6, texture: 5 },
    ])
    expect(g).toMatchObject({ slopePerMin: 0, pct: 0 })
    expect(
      growth(
        [
          { atSeconds: 60, texture: null },
          { atSeconds: 120, texture: 5 },
        ],
        'texture',
      ),
    ).toEqual({ from: 5, to: 5, slopePerMin: null, pct: null })
  })
})

describe('single-Period film manifest', () => {
  const original = [
    '<AdaptationSet id="0" contentType="video"><Representation id="0"/><Representation id="1"/></AdaptationSet>',
    '<AdaptationSet id="1" contentType="audio" lang="fr">',
    '  <Label>Français</Label>',
    '  <Role schemeIdUri="urn:mpeg:dash:role:2011" value="main" />',
    '  <Representation id="2"/></AdaptationSet>',
    '<AdaptationSet id="2" contentType="audio" lang="fr">',
    '  <Label>Français (audiodescription)</Label>',
    '  <Role schemeIdUri="urn:mpeg:dash:role:2011" value="description" />',
    '  <Accessibility schemeIdUri="urn:tva:metadata:cs:AudioPurposeCS:2007" value="1" />',
    '  <Representation id="3"/></AdaptationSet>',
    '<AdaptationSet id="3" contentType="text" lang="fr"><Representation id="subs-fr"/></AdaptationSet>',
  ].join('\n')

  it('lists the video and audio representations in order, not the text ones', () => {
    const reps = run<unknown>(
      `import { representations } from ${lib('singlePeriodFilm.mjs')}
       process.stdout.write(JSON.stringify(representations(${JSON.stringify(original)})))`,
    )
    expect(reps).toEqual([
      { id: '0', kind: 'video' },
      { id: '1', kind: 'video' },
      { id: '2', kind: 'audio' },
      { id: '3', kind: 'audio' },
    ])
  })

  it("gives ffmpeg's audio sets back their language, label, role and accessibility", () => {
    const packaged =
      '<AdaptationSet id="1" contentType="audio" lang="und">\n<Representation id="2"/></AdaptationSet>\n' +
      '<AdaptationSet id="2" contentType="audio" lang="und">\n<Representation id="3"/></AdaptationSet>'
    const out = run<string>(
      `import { restoreAudioSets } from ${lib('singlePeriodFilm.mjs')}
       process.stdout.write(JSON.stringify(restoreAudioSets(${JSON.stringify(packaged)}, ${JSON.stringify(original)})))`,
    )
    expect(out).not.toContain('lang="und"')
    expect(out).toContain('<Label>Français</Label>')
    expect(out).toContain('value="main"')
    expect(out).toContain('<Label>Français (audiodescription)</Label>')
    expect(out).toContain('AudioPurposeCS:2007" value="1"')
    expect(out.match(/<Representation /g)).toHaveLength(2)
  })
})
