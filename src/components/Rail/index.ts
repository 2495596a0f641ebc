export { default } from './Rail'
export { listOf, type ModelList } from './Rail'
