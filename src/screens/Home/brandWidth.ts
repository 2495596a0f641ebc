/** Space kept between the operator's name and the top bar's menu. */
export const BRAND_GAP = 48

/**
 * The width the operator's name must be cut to on a bar `barW` wide whose menu takes `menuW`, or
 * undefined to leave it as drawn: it fits (re-drawing a text costs a slow box its start), or the
 * menu is not laid out yet. `drawnW` is the name as drawn, `wrapW` the cut it has (0 for none).
 */
export function brandWrapWidth(
  barW: number,
  menuW: number,
  drawnW: number,
  wrapW: number,
): number | undefined {
  if (!(menuW > 0)) return undefined
  const room = Math.max(0, Math.floor(barW - menuW - BRAND_GAP))
  if (wrapW > 0) return wrapW === room ? undefined : room
  return drawnW > room ? room : undefined
}
