/**
 * @jest-environment node
 */
import path from 'node:path'

const ROOT = path.resolve(__dirname, '../../..')
// eslint-disable-next-line @typescript-eslint/no-require-imports
const plugin = require(path.join(ROOT, 'scripts/lib/parenthesised-iife.cjs')) as {
  parenthesisedIife: () => {
    renderChunk(code: string): { code: string; map: { mappings: string } } | null
  }
  isParenthesised: (code: string) => boolean
}

const BANNER = '/**\n * App version: 0.1.0\n */\n\n'
const MINIFIED = `${BANNER}var APP_be_tv=function(){"use strict";var a=function(){return 1}();return a}();\n`

describe('the release bundle plugin that parenthesises the outer function', () => {
  const render = (code: string) => plugin.parenthesisedIife().renderChunk(code)

  it("wraps terser's outer function so V8 compiles it with the script, inner ones untouched", () => {
    const out = render(MINIFIED)!
    expect(out.code).toBe(
      `${BANNER}var APP_be_tv=(function(){"use strict";var a=function(){return 1}();return a}());\n`,
    )
    expect(plugin.isParenthesised(out.code)).toBe(true)
    expect(plugin.isParenthesised(MINIFIED)).toBe(false)
    // A source map for the edit, which rollup chains to its own.
    expect(out.map.mappings.length).toBeGreaterThan(0)
  })

  it('leaves code of any other shape as it is (a development build keeps its own parentheses)', () => {
    expect(render('var APP_be_tv = (function () {\n  return 1\n})();\n')).toBeNull()
    expect(render('console.log(1)\n')).toBeNull()
  })
})
