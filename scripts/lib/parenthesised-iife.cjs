// A rollup plugin for the release bundles: puts the bundle's outer function back in parentheses.
//
// Rollup writes the app as `var APP_x = (function () { … })();` and terser, minifying, drops the
// parentheses: `var APP_x=function(){…}();`. V8 takes a parenthesised function for one that runs
// at once and compiles it with the script, off the main thread while the script streams in;
// without them it compiles the whole 680 KB function on the main thread when it is called (about
// 0.3 s at CPU x4 before the first frame, in traces). The Lightning CLI merges this plugin after
// its own (rollup.es6.config.js, rollup.es5.config.js), so it sees terser's output.

const MagicString = require('magic-string')

const HEAD = /^var [\w$]+=function\(\)\{/m
const TAIL = /\}\(\);?\s*$/

/** The positions to wrap, or null when the code is not a minified bundle of that shape. */
function outerFunction(code) {
  const head = HEAD.exec(code)
  const tail = TAIL.exec(code)
  if (!head || !tail || tail.index < head.index) return null
  return {
    open: head.index + head[0].indexOf('function'),
    // After `}()`: `(function(){…}())`.
    close: tail.index + 3,
  }
}

function parenthesisedIife() {
  return {
    name: 'parenthesised-iife',
    renderChunk(code) {
      const at = outerFunction(code)
      if (!at) return null
      const edited = new MagicString(code)
      edited.appendLeft(at.open, '(')
      edited.appendLeft(at.close, ')')
      return { code: edited.toString(), map: edited.generateMap({ hires: true }) }
    },
  }
}

/** Whether a written bundle starts its outer function parenthesised (checked by the dist tests). */
const isParenthesised = (code) => /^var [\w$]+=\(function\(\)\{/m.test(code)

module.exports = { parenthesisedIife, outerFunction, isParenthesised }
