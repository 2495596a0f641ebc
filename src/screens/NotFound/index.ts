export { default, type NotFoundSnapshot, type Refusal, type RefusalAction } from './NotFound'
