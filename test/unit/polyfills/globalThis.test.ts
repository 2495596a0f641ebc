import { readFileSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import ts from 'typescript'

/** The polyfill's code run where `globalThis` is not defined, with a stand-in window. */
function runWithout(globalThisValue: unknown, window: Record<string, unknown>): void {
  const source = readFileSync(
    path.resolve(__dirname, '../../../src/polyfills/globalThis.ts'),
    'utf8',
  )
  const { outputText } = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES5 },
  })
  // Parameters shadow the real names, as an old engine without globalThis would see them.
  const run = vm.runInNewContext(`(function (globalThis, window, exports) {${outputText}\n})`) as (
    ...args: unknown[]
  ) => void
  run(globalThisValue, window, {})
}

describe('globalThis polyfill', () => {
  test('an engine without globalThis gets the window as globalThis', () => {
    const window: Record<string, unknown> = {}
    runWithout(undefined, window)
    expect(window.globalThis).toBe(window)
  })

  test('an engine with globalThis is left alone', () => {
    const window: Record<string, unknown> = {}
    runWithout({}, window)
    expect(window).not.toHaveProperty('globalThis')
  })
})
