export { default, type MessagePanelContent } from './MessagePanel'
