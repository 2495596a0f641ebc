export { default, type NotFoundSnapshot } from './NotFound'
