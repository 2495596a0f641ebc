export { default, type AccessibilitySnapshot } from './Accessibility'
