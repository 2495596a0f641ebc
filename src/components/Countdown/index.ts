export { default } from './Countdown'
