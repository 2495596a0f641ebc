export { default } from './Button'
