export { default } from './Tile'
export { tileModel, type TileModel } from './tileModel'
export { TILE } from './Tile.styles'
export type { TileLook } from './Tile'
