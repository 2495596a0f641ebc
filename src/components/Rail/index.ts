export { default } from './Rail'
