export { default, type HomeSnapshot } from './Home'
