export { default, PROGRESS_BAR, type ProgressModel } from './ProgressBar'
