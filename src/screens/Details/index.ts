export { default, type DetailsSnapshot } from './Details'
