/**
 * `npm run dist -- --operator <name>`: the operator's settings merged over the project's and
 * validated by the app's own validation (scripts/lib/operator.mjs), run in node as the build runs
 * it. The two example operators in operators/ must stay valid.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

const ROOT = path.resolve(__dirname, '../..')
const run = promisify(execFile)

/** operatorSettings(name, { root }) in a node child: { ok, settings?, config?, error? }. */
async function operatorSettings(name: string, root = ROOT): Promise<Record<string, unknown>> {
  const script = `
    import { operatorSettings } from ${JSON.stringify(path.join(ROOT, 'scripts/lib/operator.mjs'))}
    try {
      const { settings, config } = await operatorSettings(${JSON.stringify(name)}, { root: ${JSON.stringify(root)} })
      console.log(JSON.stringify({ ok: true, settings, config }))
    } catch (error) {
      console.log(JSON.stringify({ ok: false, error: error.message }))
    }`
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    cwd: ROOT,
  })
  return JSON.parse(stdout) as Record<string, unknown>
}

let root: string
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'belgica-operator-'))
  await writeFile(
    path.join(root, 'settings.json'),
    JSON.stringify({
      $schema: './x.json',
      appSettings: { debug: false, stage: { clearColor: '0x00000000' }, ads: { tagUrl: 'ads/v' } },
      platformSettings: { path: './static', log: false },
    }),
  )
  const operator = async (name: string, appSettings: unknown) => {
    await mkdir(path.join(root, 'operators', name), { recursive: true })
    await writeFile(
      path.join(root, 'operators', name, 'settings.json'),
      JSON.stringify({ appSettings, platformSettings: { log: true } }),
    )
  }
  await operator('good', { brand: { name: 'Good TV' }, ads: { timeoutMs: 3000 } })
  // Saved by Windows Notepad: UTF-8 with a byte-order mark.
  await mkdir(path.join(root, 'operators', 'notepad'), { recursive: true })
  await writeFile(
    path.join(root, 'operators', 'notepad', 'settings.json'),
    `\uFEFF${JSON.stringify({ appSettings: { brand: { name: 'Notepad TV' } } })}`,
  )
  await operator('typo', {
    brand: { nmae: 'Typo TV', colors: { accent: 'red' } },
    catalogue: { backend: 'directpublsher', url: 'https://cms.example.be/', upcoming: 'sho' },
    guide: { source: 'xmltv', url: '' },
    entitlements: { backend: 'htpp', url: 'https://rights.example.be/' },
  })
})
afterAll(() => rm(root, { recursive: true, force: true }))

describe('operator settings at build time', () => {
  test("merged key by key over the project's settings, then validated", async () => {
    const result = await operatorSettings('good', root)
    expect(result.ok).toBe(true)
    expect(result.settings).toEqual({
      appSettings: {
        debug: false,
        stage: { clearColor: '0x00000000' },
        ads: { tagUrl: 'ads/v', timeoutMs: 3000 },
        brand: { name: 'Good TV' },
      },
      platformSettings: { path: './static', log: true },
    })
    expect((result.config as { brand: { name: string } }).brand.name).toBe('Good TV')
  })

  test('a wrong setting fails the build with every problem, as the box would say it', async () => {
    const result = await operatorSettings('typo', root)
    expect(result.ok).toBe(false)
    expect(result.error).toBe(
      [
        'operators/typo/settings.json is not valid:',
        '  appSettings.brand.nmae: unknown setting (did you mean "name"?)',
        '  appSettings.brand.colors.accent: expected a colour written as 0xAARRGGBB',
        '  appSettings.catalogue.backend: unknown catalogue backend "directpublsher" (did you mean "directpublisher"?)',
        '  appSettings.catalogue.upcoming: "sho" is not one of hide, show (did you mean "show"?)',
        '  appSettings.guide.url: the xmltv guide source needs the URL of its XMLTV export',
        '  appSettings.entitlements.backend: unknown entitlement backend "htpp" (did you mean "http"?)',
      ].join('\n'),
    )
  })

  test('an operator that does not exist is named with those that do', async () => {
    const result = await operatorSettings('nope', root)
    expect(result.error).toBe(
      'operators/nope/settings.json not found (operators: good, notepad, typo)',
    )
  })

  test('a settings file saved with a byte-order mark is read', async () => {
    const result = await operatorSettings('notepad', root)
    expect(result.error).toBeUndefined()
    expect((result.config as { brand: { name: string } }).brand.name).toBe('Notepad TV')
  })

  test.each(['meuse-tv', 'polder-play'])('the example operator %s is valid', async (name) => {
    const result = await operatorSettings(name)
    expect(result.error).toBeUndefined()
    expect(result.ok).toBe(true)
  })
})
