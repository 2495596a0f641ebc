export { default, type ButtonSpec } from './ButtonRow'
