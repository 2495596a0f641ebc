/**
 * What the app and its libraries (zod, rxjs) call beyond what the 2013-2015 engines of old boxes
 * have, and beyond the Lightning SDK's own ES5 polyfills (core-js 2's babel-polyfill, fetch, URL),
 * which the es5 package loads first. Each import installs only where the engine lacks the feature,
 * so a modern engine keeps its own. Imported first by src/index.ts; dist.e2e starts the es5 package
 * with these features removed from Chromium, as such a box would be.
 *
 * core-js 3 modules rather than hand-written ones where core-js can load without making the engine
 * throw: they follow the specification to the edge cases. Array flat/flatMap, String includes and
 * Promise finally are written here instead (arrayFlat.ts says why), and nothing calls matchAll.
 * abortcontroller-polyfill also makes a native fetch without signal support abortable, which every
 * timeout here relies on (catalogue, rights, device token, search, guide): without it a request to
 * a backend that hangs would hang the screen waiting for it on a Chrome 38-65 engine.
 */
import './globalThis'
import 'core-js/modules/es.object.from-entries'
import 'core-js/modules/es.object.entries'
import 'core-js/modules/es.object.values'
import 'core-js/modules/es.array.includes'
import 'core-js/modules/es.string.pad-start'
import 'abortcontroller-polyfill/dist/polyfill-patch-fetch'
import { installArrayFlat } from './arrayFlat'
import { installPromiseFinally } from './promiseFinally'
import { installStringIncludes } from './stringIncludes'

installArrayFlat()
installStringIncludes()
installPromiseFinally()
