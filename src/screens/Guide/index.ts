export { default } from './Guide'
export type { GuideSnapshot } from './Guide'
