/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { JSDOM } from 'jsdom'

const ROOT = path.resolve(__dirname, '../../..')
const CLI_PAGE = path.join(ROOT, 'node_modules/@lightningjs/cli/fixtures/dist/index.es6.html')

/** The CLI's page as the build writes it: through the boot guard (an ES module, run by node). */
function guardedPage(): string {
  const guard = pathToFileURL(path.join(ROOT, 'scripts/lib/bootGuard.mjs')).href
  const script = `import { withBootGuard } from '${guard}'
    import { readFileSync } from 'node:fs'
    process.stdout.write(withBootGuard(readFileSync(process.argv[1], 'utf8')))`
  return execFileSync(process.execPath, ['--input-type=module', '-e', script, CLI_PAGE], {
    encoding: 'utf8',
  })
}

/**
 * The page in a DOM that runs its inline scripts, in the box's `language`, without the app: its
 * script files and the CLI's start-up script (whose settings are placeholders here) are left out.
 */
function open(html: string, language: string): JSDOM {
  const withoutApp = html
    .replace(/<script src=[^>]*><\/script>/g, '')
    .replace(/<script>\s*const appSettings[\s\S]*?<\/script>/, '')
  return new JSDOM(withoutApp, {
    runScripts: 'dangerously',
    beforeParse: (window) =>
      Object.defineProperty(window.navigator, 'language', { value: language }),
  })
}

describe('the boot guard', () => {
  const html = guardedPage()

  it('puts the loading line first in the body, before the app scripts', () => {
    const body = html.slice(html.indexOf('<body'))
    expect(body.indexOf('belgicaSplash()')).toBeGreaterThan(0)
    expect(body.indexOf('belgicaSplash()')).toBeLessThan(body.indexOf('lightning.min.js'))
    expect(html.indexOf('belgica-boot-error')).toBeLessThan(html.indexOf('<body'))
    // Written once, however often the page is decorated.
    expect(readFileSync(CLI_PAGE, 'utf8')).not.toContain('belgicaSplash')
  })

  it("shows the loading line in the box's language until the app is made", () => {
    const dom = open(html, 'nl-BE')
    const splash = () => dom.window.document.getElementById('belgica-splash')
    expect(splash()?.textContent).toBe('Laden…')
    expect(splash()?.getAttribute('role')).toBe('status')
    ;(dom.window as unknown as { belgicaStarted(): void }).belgicaStarted()
    expect(splash()).toBeNull()
  })

  it('gives way to the message when the start fails', () => {
    const dom = open(html, 'fr-BE')
    const document = dom.window.document
    expect(document.getElementById('belgica-splash')?.textContent).toBe('Chargement…')
    ;(dom.window as unknown as { belgicaBootError(file: string): void }).belgicaBootError(
      'translations.json',
    )
    expect(document.getElementById('belgica-splash')).toBeNull()
    expect(document.getElementById('belgica-boot-error')?.textContent).toContain(
      'Fichier manquant: translations.json',
    )
  })
})
