export { default, type TrackMenuColumn, type TrackMenuItem } from './TrackMenu'
