import { theme, textStyle } from './theme'

/** The sizes of a title column's texts, as a layout file (heroLayout, detailsLayout) gives them. */
export interface TitleColumnMetrics {
  brand: { fontSize: number }
  title: { fontSize: number; lineHeight: number; maxLines: number; marginTop: number }
  meta: { fontSize: number; marginTop: number }
  synopsis: { fontSize: number; lineHeight: number; marginTop: number }
}

/**
 * The brand, title, meta line and synopsis that the billboard and the details screen both stack
 * in a flex column, so the two read alike. `synopsisLines` is the count before the title is
 * measured; each screen fits it to the drawn title afterwards.
 */
export function titleColumnItems(
  metrics: TitleColumnMetrics,
  layout: { titleWidth: number; synopsisWidth: number; synopsisLines: number },
) {
  const { brand, title, meta, synopsis } = metrics
  return {
    Brand: {
      color: theme.colors.accent,
      ...textStyle(brand.fontSize, { fontStyle: 'bold', letterSpacing: 3 }),
    },
    Title: {
      flexItem: { marginTop: title.marginTop },
      color: theme.colors.onBackground,
      ...textStyle(title.fontSize, {
        fontStyle: 'bold',
        wordWrapWidth: layout.titleWidth,
        maxLines: title.maxLines,
        maxLinesSuffix: '…',
        lineHeight: title.lineHeight,
      }),
    },
    Meta: {
      flexItem: { marginTop: meta.marginTop },
      color: theme.colors.textDim,
      ...textStyle(meta.fontSize),
    },
    Synopsis: {
      flexItem: { marginTop: synopsis.marginTop },
      color: theme.colors.onBackground,
      ...textStyle(synopsis.fontSize, {
        wordWrapWidth: layout.synopsisWidth,
        maxLines: layout.synopsisLines,
        maxLinesSuffix: '…',
        lineHeight: synopsis.lineHeight,
      }),
    },
  }
}
