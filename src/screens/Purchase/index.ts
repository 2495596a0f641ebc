export { default } from './Purchase'
export type { PurchaseSnapshot } from './Purchase'
