/**
 * `globalThis` (ES2020) is read by zod when its module loads, and the SDK's ES5 polyfills do not
 * provide it: without this, the es5 bundle stops before the app starts on engines older than
 * Chrome 71 / Safari 12.1, which many 2013-2015 set-top boxes run. Imported first by index.ts.
 * `typeof` is the only way to look at an undeclared name without a ReferenceError.
 */
if (typeof globalThis === 'undefined' && typeof window !== 'undefined') {
  ;(window as unknown as { globalThis: Window }).globalThis = window
}

export {}
