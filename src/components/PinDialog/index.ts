export { default, type PinDialogContent, type PinDialogSnapshot } from './PinDialog'
export {
  parentalPrompt,
  pinDialogModel,
  type PinDialogModel,
  type PinDialogPrompt,
  type PinDialogResult,
  type WordedPrompt,
} from './pinDialogModel'
