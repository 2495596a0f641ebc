export { default, type SearchSnapshot } from './Search'
