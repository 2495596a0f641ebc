// Merged by the Lightning CLI into its release build's rollup configuration (scripts/dist.mjs sets
// LNG_CUSTOM_ROLLUP=true). See scripts/lib/parenthesised-iife.cjs for why.
const { parenthesisedIife } = require('./scripts/lib/parenthesised-iife.cjs')

module.exports = { plugins: [parenthesisedIife()] }
