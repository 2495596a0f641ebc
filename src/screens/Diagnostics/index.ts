export { default, type DiagnosticsSnapshot } from './Diagnostics'
