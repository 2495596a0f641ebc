export { default, type KeyboardSnapshot, type KeyLabels } from './Keyboard'
export { type LayoutName } from './layouts'
