/**
 * Switches fixed when the bundle is built, from APP_* variables the build scripts set (the
 * Lightning CLI replaces `process.env.APP_*` in both of its bundlers). A switch that is off is a
 * constant `false`, so the bundler drops the code behind it instead of shipping it unused.
 */

/**
 * `window.__belgica` and the benchmark's marks and counters: in development and test builds (and
 * in jest, where the variable is not set), never in the operator packages `npm run dist` makes.
 */
export const TEST_HOOKS: boolean = process.env.APP_BELGICA_TEST_HOOKS !== 'false'
