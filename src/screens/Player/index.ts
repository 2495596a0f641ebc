export { default, type PlayerSnapshot, type PlayTarget } from './Player'
