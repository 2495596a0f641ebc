import { theme } from '../theme'
import type { TileModel } from './tileModel'

export const TILE = { w: 200, h: 300, radius: 12, titleGap: 12 }

export function tileScale(focused: boolean): number {
  return focused ? 1.08 : 1
}

export function tileTitleColor(focused: boolean): number {
  return focused ? theme.colors.text : theme.colors.textDim
}

export function badgeColor(offerType: NonNullable<TileModel['badge']>['offerType']): number {
  return theme.colors[offerType]
}
