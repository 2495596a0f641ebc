export { default } from './Dialog'
