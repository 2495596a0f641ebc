export { default, type SettingsSnapshot } from './Settings'
