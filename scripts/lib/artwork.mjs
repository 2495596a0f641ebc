// Generated key art: one poster (2:3) and one backdrop (16:9) per catalogue title, drawn as SVG
// and rasterised by sharp, so the embedded catalogue ships real JPEGs of realistic size and the
// app's texture memory behaves as it would with studio artwork. Everything derives from the
// title's id, so a rebuild reproduces the same images.
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'

export const POSTER = { width: 400, height: 600 }
export const BACKDROP = { width: 1280, height: 720 }
const FONT = 'DejaVu Sans'
const SERIES_MARK = 'SÉRIE · REEKS'

// DejaVu Sans Bold advance widths in hundredths of an em, measured once with sharp/pango, so
// lines can be wrapped and sized without rendering them first.
const UPPER = [
  77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85, 73, 85, 77, 72, 68, 81, 77, 110, 77,
  72, 73,
]
const LOWER = [
  67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69, 72, 72, 49, 60, 48, 71, 65, 92, 65,
  65, 58,
]
const OTHER_CHARS = ` '’,.:;!?-–—&()/·…«»`
const OTHER_WIDTHS = [
  35, 31, 38, 38, 38, 40, 40, 46, 58, 42, 50, 100, 87, 46, 46, 37, 38, 100, 65, 65,
]
const CONDENSED = 0.9

function charWidth(c) {
  const base = c.normalize('NFD')[0]
  const code = base.charCodeAt(0)
  if (code >= 65 && code <= 90) return UPPER[code - 65] / 100
  if (code >= 97 && code <= 122) return LOWER[code - 97] / 100
  if (code >= 48 && code <= 57) return 0.7
  const other = OTHER_CHARS.indexOf(base)
  return (other >= 0 ? OTHER_WIDTHS[other] : 80) / 100
}
/** Width of a text in ems for the bold face (optionally condensed) plus letter spacing. */
const textWidth = (text, spacingEm = 0) =>
  [...text].reduce((sum, c) => sum + charWidth(c) + spacingEm, 0)

// FNV-1a then mulberry32: tiny, stable across Node versions, good enough for art direction.
export function hashString(text) {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return h >>> 0
}
function random(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function hex(h, s, l) {
  h = ((h % 360) + 360) % 360
  s /= 100
  l /= 100
  const k = (n) => (n + h / 30) % 12
  const f = (n) => l - s * Math.min(l, 1 - l) * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1))
  return (
    '#' +
    [f(0), f(8), f(4)]
      .map((v) =>
        Math.round(v * 255)
          .toString(16)
          .padStart(2, '0'),
      )
      .join('')
  )
}

export const escapeXml = (text) =>
  String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c],
  )

// Genre decides the mood (motif, saturation, brightness); the id decides hue and composition.
const MOODS = {
  thriller: { motif: 'beams', sat: 42, light: 14 },
  crime: { motif: 'beams', sat: 38, light: 13 },
  mystery: { motif: 'beams', sat: 48, light: 15 },
  horror: { motif: 'slashes', sat: 30, light: 4 },
  drama: { motif: 'bokeh', sat: 45, light: 20 },
  romance: { motif: 'bokeh', sat: 62, light: 26 },
  comedy: { motif: 'pop', sat: 72, light: 42 },
  family: { motif: 'pop', sat: 70, light: 40 },
  animation: { motif: 'pop', sat: 78, light: 44 },
  documentary: { motif: 'strata', sat: 40, light: 30 },
  history: { motif: 'strata', sat: 28, light: 24 },
  war: { motif: 'strata', sat: 18, light: 18 },
  fantasy: { motif: 'rings', sat: 58, light: 18 },
  scifi: { motif: 'rings', sat: 60, light: 12 },
  music: { motif: 'bars', sat: 70, light: 22 },
}
const DEFAULT_MOOD = MOODS.drama

export function designFor(title) {
  const seed = hashString(title.id)
  const mood = MOODS[title.genres?.[0]] ?? DEFAULT_MOOD
  const hue = seed % 360
  const r = random(seed)
  const accentHue = hue + (r() < 0.5 ? 150 : -40) + r() * 30
  const { sat, light } = mood
  return {
    seed,
    motif: mood.motif,
    palette: {
      top: hex(hue, sat, light + 12),
      bottom: hex(hue + 25, sat * 0.8, Math.max(5, light - 8)),
      mid: hex(hue + 10, sat + 10, light + 22),
      accent: hex(accentHue, 85, 60),
      glow: hex(accentHue + 10, 95, 72),
      light: hex(hue, 35, 92),
    },
  }
}

// --- motifs: each returns SVG drawn into the full canvas, using only the seeded random source.
// Soft shapes use radial fades rather than feGaussianBlur: blurs dominated rendering time.

/** A radial gradient solid up to `solid` (0..1 of the radius), then fading out. */
const fade = (id, colour, solid) =>
  `<radialGradient id="${id}"><stop offset="${solid}" stop-color="${colour}"/><stop offset="1" stop-color="${colour}" stop-opacity="0"/></radialGradient>`

const motifs = {
  beams({ w, h, r, p }) {
    const ox = w * (0.6 + r() * 0.5)
    const oy = -h * 0.1
    let out = ''
    for (let i = 0; i < 5; i++) {
      const a = Math.PI * (0.55 + i * 0.09 + r() * 0.04)
      const spread = 0.025 + r() * 0.05
      const len = Math.hypot(w, h) * 1.4
      const x1 = ox + Math.cos(a - spread) * len
      const y1 = oy + Math.sin(a - spread) * len
      const x2 = ox + Math.cos(a + spread) * len
      const y2 = oy + Math.sin(a + spread) * len
      out += `<polygon points="${ox},${oy} ${x1.toFixed(1)},${y1.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}" fill="url(#beam)" opacity="${(0.35 + r() * 0.4).toFixed(2)}"/>`
    }
    // Venetian-blind shadows cut across the light: the noir cliché, instantly readable.
    const step = h / (14 + Math.floor(r() * 8))
    for (let y = step * r(); y < h * 1.2; y += step) {
      out += `<rect x="-20" y="${y.toFixed(1)}" width="${w * 1.2}" height="${(step * 0.42).toFixed(1)}" fill="#000" opacity="0.28" transform="rotate(-8 ${w / 2} ${h / 2})"/>`
    }
    return `<defs><linearGradient id="beam" x1="1" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${p.glow}" stop-opacity="0.9"/><stop offset="1" stop-color="${p.glow}" stop-opacity="0"/></linearGradient></defs>${out}`
  },

  bokeh({ w, h, r, p, fx }) {
    let out = ''
    const n = 16 + Math.floor(r() * 10)
    for (let i = 0; i < n; i++) {
      const rad = Math.min(w, h) * (0.03 + r() * r() * 0.22)
      const colour = [p.glow, p.accent, p.light, p.mid][Math.floor(r() * 4)]
      // Half the discs are out of focus: a radial fade looks like a blur at a fraction of the cost.
      const fill = r() < 0.5 ? `url(#soft${colour.slice(1)})` : colour
      out += `<circle cx="${fx(r()).toFixed(1)}" cy="${(r() * h * 0.8).toFixed(1)}" r="${rad.toFixed(1)}" fill="${fill}" opacity="${(0.08 + r() * 0.3).toFixed(2)}"/>`
    }
    const soft = [p.glow, p.accent, p.light, p.mid].map((c) => fade(`soft${c.slice(1)}`, c, 0.55))
    return `<defs>${soft.join('')}</defs>${out}`
  },

  pop({ w, h, r, p, fx }) {
    let out = ''
    const colours = [p.accent, p.glow, p.light, p.mid]
    for (let i = 0; i < 6; i++) {
      const rad = Math.min(w, h) * (0.12 + r() * 0.3)
      out += `<circle cx="${fx(r()).toFixed(1)}" cy="${(r() * h * 0.75).toFixed(1)}" r="${rad.toFixed(1)}" fill="${colours[i % 4]}" opacity="${(0.35 + r() * 0.45).toFixed(2)}"/>`
    }
    const dot = Math.round(Math.min(w, h) / 30)
    out += `<defs><pattern id="dots" width="${dot}" height="${dot}" patternUnits="userSpaceOnUse"><circle cx="${dot / 2}" cy="${dot / 2}" r="${(dot / 6).toFixed(1)}" fill="#fff" opacity="0.35"/></pattern></defs>`
    out += `<rect x="${fx(0.1 + r() * 0.5).toFixed(0)}" y="${(h * r() * 0.3).toFixed(0)}" width="${(w * 0.4).toFixed(0)}" height="${(h * 0.35).toFixed(0)}" fill="url(#dots)" transform="rotate(${(r() * 30 - 15).toFixed(1)} ${w / 2} ${h / 2})"/>`
    return out
  },

  strata({ w, h, r, p, fx }) {
    const sunX = fx(0.25 + r() * 0.5)
    const sunY = h * (0.18 + r() * 0.15)
    let out = `<circle cx="${sunX.toFixed(1)}" cy="${sunY.toFixed(1)}" r="${(Math.min(w, h) * 0.22).toFixed(1)}" fill="url(#sun)" opacity="0.8"/>`
    const layers = 5
    for (let i = 0; i < layers; i++) {
      const base = h * (0.38 + i * 0.1)
      const amp = h * (0.05 + r() * 0.06)
      const phase = r() * Math.PI * 2
      const freq = 1 + r() * 2.5
      let d = `M0 ${h} L0 ${base.toFixed(1)}`
      for (let x = 0; x <= w; x += w / 24) {
        const y =
          base -
          amp * Math.sin((x / w) * Math.PI * freq + phase) -
          amp * 0.4 * Math.sin((x / w) * Math.PI * freq * 3.1)
        d += ` L${x.toFixed(1)} ${y.toFixed(1)}`
      }
      const shade = i / (layers - 1)
      out += `<path d="${d} L${w} ${h} Z" fill="${shade < 0.5 ? p.mid : p.bottom}" opacity="${(0.35 + shade * 0.6).toFixed(2)}"/>`
    }
    return `<defs>${fade('sun', p.glow, 0.3)}</defs>${out}`
  },

  rings({ w, h, r, p, fx }) {
    let out = ''
    for (let i = 0; i < 90; i++) {
      out += `<circle cx="${(r() * w).toFixed(1)}" cy="${(r() * h).toFixed(1)}" r="${(0.4 + r() * r() * 1.8).toFixed(2)}" fill="#fff" opacity="${(0.3 + r() * 0.7).toFixed(2)}"/>`
    }
    const cx = fx(0.3 + r() * 0.5)
    const cy = h * (0.25 + r() * 0.15)
    const rad = Math.min(w, h) * (0.18 + r() * 0.1)
    out += `<defs><radialGradient id="planet" cx="0.35" cy="0.3" r="0.8"><stop offset="0" stop-color="${p.glow}"/><stop offset="0.6" stop-color="${p.mid}"/><stop offset="1" stop-color="${p.bottom}"/></radialGradient></defs>`
    const tilt = (r() * 40 - 20).toFixed(1)
    out += `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="${rad.toFixed(1)}" fill="url(#planet)"/>`
    for (let i = 0; i < 3; i++) {
      out += `<ellipse cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" rx="${(rad * (1.5 + i * 0.25)).toFixed(1)}" ry="${(rad * (0.35 + i * 0.06)).toFixed(1)}" fill="none" stroke="${p.accent}" stroke-width="${(rad * 0.03).toFixed(1)}" opacity="${(0.7 - i * 0.2).toFixed(2)}" transform="rotate(${tilt} ${cx.toFixed(1)} ${cy.toFixed(1)})"/>`
    }
    return out
  },

  bars({ w, h, r, p, fx }) {
    let out = `<defs><linearGradient id="bar" x1="0" y1="1" x2="0" y2="0"><stop offset="0" stop-color="${p.accent}" stop-opacity="0.9"/><stop offset="1" stop-color="${p.glow}" stop-opacity="0.1"/></linearGradient></defs>`
    const n = 26
    const bw = w / n
    const phase = r() * 6
    for (let i = 0; i < n; i++) {
      const level = 0.2 + 0.5 * Math.abs(Math.sin(i * 0.45 + phase)) * (0.5 + r() * 0.5)
      const bh = h * level
      out += `<rect x="${(i * bw + bw * 0.15).toFixed(1)}" y="${(h * 0.72 - bh).toFixed(1)}" width="${(bw * 0.7).toFixed(1)}" height="${bh.toFixed(1)}" rx="${(bw * 0.2).toFixed(1)}" fill="url(#bar)"/>`
    }
    const cx = fx(0.2 + r() * 0.6)
    for (let i = 1; i <= 5; i++) {
      out += `<circle cx="${cx.toFixed(1)}" cy="${(h * 0.2).toFixed(1)}" r="${(Math.min(w, h) * 0.07 * i).toFixed(1)}" fill="none" stroke="${p.light}" stroke-width="2" opacity="${(0.5 - i * 0.08).toFixed(2)}"/>`
    }
    return out
  },

  slashes({ w, h, r, p, fx }) {
    let out = `<circle cx="${fx(0.5).toFixed(1)}" cy="${(h * 0.35).toFixed(1)}" r="${(Math.min(w, h) * 0.55).toFixed(1)}" fill="url(#fog)" opacity="0.5"/>`
    for (let i = 0; i < 4; i++) {
      const x = fx(0.15 + r() * 0.7)
      const y = h * (0.05 + r() * 0.35)
      const len = h * (0.25 + r() * 0.3)
      const dx = len * 0.35
      out += `<path d="M${x.toFixed(1)} ${y.toFixed(1)} l${(dx * 0.5).toFixed(1)} ${(len * 0.5).toFixed(1)} l${(-dx * 0.15).toFixed(1)} 4 l${dx.toFixed(1)} ${(len * 0.5).toFixed(1)} l${(-dx * 1.2).toFixed(1)} ${(-len * 0.95).toFixed(1)} Z" fill="#b3001b" opacity="${(0.55 + r() * 0.35).toFixed(2)}"/>`
    }
    return `<defs>${fade('fog', p.mid, 0)}</defs>${out}`
  },
}

// --- lettering

/** Every way to break `words` into `count` consecutive lines. */
function* splits(words, count) {
  if (count === 1) return yield [words.join(' ')]
  for (let i = 1; i <= words.length - count + 1; i++) {
    for (const rest of splits(words.slice(i), count - 1))
      yield [words.slice(0, i).join(' '), ...rest]
  }
}

/**
 * Chooses line breaks, font size and face for a title inside a box: the largest size wins, and
 * an extra line must earn its place by being noticeably bigger. The condensed face is only tried
 * when the regular one would come out small.
 */
export function fitTitle(text, { maxWidth, maxHeight, maxSize, minSize, maxLines = 3 }) {
  const lineHeight = 1.08
  const words = text.toUpperCase().split(/\s+/).filter(Boolean)
  const layout = (condensed) => {
    let best = null
    for (let count = 1; count <= Math.min(maxLines, words.length); count++) {
      for (const lines of splits(words, count)) {
        const widths = lines.map((line) => textWidth(line) * (condensed ? CONDENSED : 1))
        const size = Math.min(
          maxSize,
          maxWidth / Math.max(...widths),
          maxHeight / (count * lineHeight),
        )
        // A lone short word on its own line ("LE", "DE") reads as a typo: discourage it.
        const orphan = count > 1 && lines.some((line) => line.length < 3)
        const score = size * (1 - 0.08 * (count - 1)) * (orphan ? 0.85 : 1)
        if (!best || score > best.score) best = { lines, widths, size, score, condensed }
      }
    }
    return best
  }
  let best = layout(false)
  if (best.size < maxSize * 0.7) {
    const condensed = layout(true)
    if (condensed.score > best.score) best = condensed
  }
  const size = Math.max(minSize, Math.floor(best.size))
  // Only when minSize still overflows (a very long word) are that line's glyphs squeezed to fit.
  const lines = best.lines.map((line, i) => ({
    text: line,
    width: best.widths[i],
    squeeze: best.widths[i] * size > maxWidth,
  }))
  return { lines, size, condensed: best.condensed, lineHeight, maxWidth }
}

function titleText(fit, { x, y, anchor, fill }) {
  const family = fit.condensed ? `${FONT} Condensed` : FONT
  const lines = fit.lines.map((line, i) => {
    const top = y + i * fit.size * fit.lineHeight
    // librsvg ignores textLength, so an overflowing line is narrowed with a transform instead.
    const place = line.squeeze
      ? `x="0" y="0" transform="translate(${x} ${top.toFixed(1)}) scale(${(fit.maxWidth / (line.width * fit.size)).toFixed(3)} 1)"`
      : `x="${x}" y="${top.toFixed(1)}"`
    return `<text ${place}>${escapeXml(line.text)}</text>`
  })
  return `<g font-family="${family}" font-weight="bold" font-size="${fit.size}" fill="${fill}" text-anchor="${anchor}" filter="url(#shadow)">${lines.join('')}</g>`
}

/** Shrinks a small caps label down to minSize, then cuts it with an ellipsis, to fit maxWidth. */
function fitLabel(text, { size, minSize, spacing, maxWidth }) {
  const width = (t, s) => textWidth(t, spacing) * s
  while (size > minSize && width(text, size) > maxWidth) size -= 1
  let cut = text
  while (cut.length > 1 && width(cut, size) > maxWidth) cut = cut.slice(0, -2) + '…'
  return { text: cut, size }
}

function label(
  text,
  { x, y, size, anchor, fill, spacing = 0.18, opacity = 1, maxWidth = Infinity },
) {
  const fitted = fitLabel(text, { size, minSize: Math.ceil(size * 0.75), spacing, maxWidth })
  return `<text x="${x}" y="${y}" font-family="${FONT}" font-weight="bold" font-size="${fitted.size}" letter-spacing="${(fitted.size * spacing).toFixed(1)}" fill="${fill}" text-anchor="${anchor}" opacity="${opacity}" filter="url(#shadow)">${escapeXml(fitted.text)}</text>`
}

function seriesPill({ x, y, size, anchor, p }) {
  const width = textWidth(SERIES_MARK, 0.16) * size + size * 1.4
  const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x
  return (
    `<rect x="${left.toFixed(1)}" y="${(y - size * 1.25).toFixed(1)}" width="${width.toFixed(1)}" height="${(size * 1.8).toFixed(1)}" rx="${(size * 0.9).toFixed(1)}" fill="${p.accent}"/>` +
    label(SERIES_MARK, {
      x: (left + size * 0.7).toFixed(1),
      y,
      size,
      anchor: 'start',
      fill: '#111',
      spacing: 0.16,
    })
  )
}

const displayTitle = (title) =>
  title.originalTitle ||
  title.title?.fr ||
  title.title?.nl ||
  title.title?.en ||
  title.title?.de ||
  title.id

/**
 * A tiled speckle: real key art is photographic, and a little texture gives the JPEGs the
 * weight and decode cost of real artwork, where flat gradients would compress to almost nothing.
 */
function grain(r) {
  const size = 96
  let dots = ''
  for (let i = 0; i < 260; i++) {
    const shade = r() < 0.5 ? '#000' : '#fff'
    dots += `<rect x="${Math.floor(r() * size)}" y="${Math.floor(r() * size)}" width="1" height="1" fill="${shade}" opacity="${(0.1 + r() * 0.15).toFixed(2)}"/>`
  }
  return `<pattern id="grain" width="${size}" height="${size}" patternUnits="userSpaceOnUse">${dots}</pattern>`
}

function canvas({ w, h, design, body, overlay, focus = [0, 1] }) {
  const { palette: p } = design
  const r = random(design.seed ^ (w * 31 + h))
  const angle = Math.round(r() * 40 - 20)
  const fx = (0.25 + r() * 0.5).toFixed(2)
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs>
<linearGradient id="bg" x1="0" y1="0" x2="0" y2="1" gradientTransform="rotate(${angle} 0.5 0.5)"><stop offset="0" stop-color="${p.top}"/><stop offset="1" stop-color="${p.bottom}"/></linearGradient>
<radialGradient id="glow" cx="${fx}" cy="0.3" r="0.7"><stop offset="0" stop-color="${p.glow}" stop-opacity="0.45"/><stop offset="1" stop-color="${p.glow}" stop-opacity="0"/></radialGradient>
<radialGradient id="vignette" cx="0.5" cy="0.45" r="0.75"><stop offset="0.55" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.65"/></radialGradient>
<filter id="shadow" x="-10%" y="-30%" width="120%" height="160%"><feGaussianBlur in="SourceAlpha" stdDeviation="${Math.max(2, Math.round(h / 200))}"/><feOffset dy="${Math.max(1, Math.round(h / 300))}"/><feComponentTransfer><feFuncA type="linear" slope="0.7"/></feComponentTransfer><feMerge><feMergeNode/><feMergeNode in="SourceGraphic"/></feMerge></filter>
${grain(r)}
${overlay.defs}
</defs>
<rect width="${w}" height="${h}" fill="url(#bg)"/>
<rect width="${w}" height="${h}" fill="url(#glow)"/>
${motifs[design.motif]({ w, h, r, p, fx: (t) => w * (focus[0] + t * (focus[1] - focus[0])) })}
<rect width="${w}" height="${h}" fill="url(#vignette)"/>
<rect width="${w}" height="${h}" fill="url(#grain)"/>
${overlay.shapes}
${body}
</svg>`
}

export function posterSvg(title) {
  const { width: w, height: h } = POSTER
  const design = designFor(title)
  const p = design.palette
  const fit = fitTitle(displayTitle(title), {
    maxWidth: w - 56,
    maxHeight: h * 0.34,
    maxSize: 64,
    minSize: 22,
  })
  const bottom = h - 86
  const top = bottom - (fit.lines.length - 1) * fit.size * fit.lineHeight
  let body = titleText(fit, { x: w / 2, y: top, anchor: 'middle', fill: p.light })
  body += `<rect x="${w / 2 - 14}" y="${bottom + 22}" width="28" height="2" fill="${p.accent}"/>`
  body += label(String(title.year ?? ''), {
    x: w / 2,
    y: bottom + 50,
    size: 15,
    anchor: 'middle',
    fill: p.light,
    spacing: 0.25,
    opacity: 0.85,
  })
  if (title.brand?.name) {
    body += label(title.brand.name.toUpperCase(), {
      x: w / 2,
      y: 40,
      size: 12,
      maxWidth: w - 48,
      anchor: 'middle',
      fill: p.light,
      spacing: 0.25,
      opacity: 0.85,
    })
  }
  if (title.kind === 'series')
    body += seriesPill({ x: w / 2, y: top - fit.size - 14, size: 12, anchor: 'middle', p })
  const overlay = {
    defs: `<linearGradient id="foot" x1="0" y1="0" x2="0" y2="1"><stop offset="0.35" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.85"/></linearGradient>`,
    shapes: `<rect width="${w}" height="${h}" fill="url(#foot)"/>`,
  }
  return canvas({ w, h, design, body, overlay })
}

export function backdropSvg(title) {
  const { width: w, height: h } = BACKDROP
  const design = designFor(title)
  const p = design.palette
  const right = w - 80
  const fit = fitTitle(displayTitle(title), {
    maxWidth: w * 0.42,
    maxHeight: h * 0.42,
    maxSize: 96,
    minSize: 34,
  })
  const blockHeight = fit.lines.length * fit.size * fit.lineHeight
  const top = h * 0.56 - blockHeight / 2 + fit.size * 0.8
  const last = top + (fit.lines.length - 1) * fit.size * fit.lineHeight
  let body = titleText(fit, { x: right, y: top, anchor: 'end', fill: p.light })
  if (title.brand?.name) {
    body += label(title.brand.name.toUpperCase(), {
      x: right,
      y: (top - fit.size - 18).toFixed(1),
      size: 18,
      maxWidth: w * 0.45,
      anchor: 'end',
      fill: p.light,
      spacing: 0.25,
      opacity: 0.85,
    })
  }
  body += `<rect x="${right - 48}" y="${(last + 30).toFixed(1)}" width="48" height="3" fill="${p.accent}"/>`
  body += label(String(title.year ?? ''), {
    x: right,
    y: (last + 70).toFixed(1),
    size: 24,
    anchor: 'end',
    fill: p.light,
    spacing: 0.25,
    opacity: 0.85,
  })
  if (title.kind === 'series')
    body += seriesPill({ x: right, y: top - fit.size - 64, size: 16, anchor: 'end', p })
  // The app writes its own text over the left side: keep that area dark and quiet.
  const overlay = {
    defs:
      `<linearGradient id="side" x1="0" y1="0" x2="1" y2="0"><stop offset="0" stop-color="#000" stop-opacity="0.9"/><stop offset="0.32" stop-color="#000" stop-opacity="0.78"/><stop offset="0.55" stop-color="#000" stop-opacity="0.2"/><stop offset="0.7" stop-color="#000" stop-opacity="0"/></linearGradient>` +
      `<linearGradient id="foot" x1="0" y1="0" x2="0" y2="1"><stop offset="0.6" stop-color="#000" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.6"/></linearGradient>`,
    shapes: `<rect width="${w}" height="${h}" fill="url(#side)"/><rect width="${w}" height="${h}" fill="url(#foot)"/>`,
  }
  return canvas({ w, h, design, body, overlay, focus: [0.38, 0.92] })
}

/** The 256x256 launcher icon: the app's initial over the Belgian tricolour. */
export function iconSvg() {
  const s = 256
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${s}" height="${s}" viewBox="0 0 ${s} ${s}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2b2d6e"/><stop offset="1" stop-color="#0d0e24"/></linearGradient>
<radialGradient id="glow" cx="0.3" cy="0.25" r="0.8"><stop offset="0" stop-color="#7c6cff" stop-opacity="0.55"/><stop offset="1" stop-color="#7c6cff" stop-opacity="0"/></radialGradient></defs>
<rect width="${s}" height="${s}" rx="56" fill="url(#bg)"/>
<rect width="${s}" height="${s}" rx="56" fill="url(#glow)"/>
<text x="112" y="172" font-family="${FONT}" font-weight="bold" font-size="150" fill="#fff" text-anchor="middle">B</text>
<polygon points="176,112 214,136 176,160" fill="#FDDA24"/>
<rect x="68" y="196" width="40" height="10" rx="2" fill="#111"/><rect x="108" y="196" width="40" height="10" fill="#FDDA24"/><rect x="148" y="196" width="40" height="10" rx="2" fill="#EF3340"/>
</svg>`
}

// --- files

/**
 * Maps an artwork URL from the catalogue to a file under root. Absolute http(s) URLs are not
 * ours to draw; anything resolving outside the root is refused.
 */
export function artworkFile(rootDir, url) {
  if (typeof url !== 'string' || !url || /^[a-z]+:/i.test(url)) return null
  const clean = url.replace(/^\.?\/+/, '')
  const file = path.resolve(
    rootDir,
    clean.startsWith('static/') ? clean : path.join('static', clean),
  )
  return file.startsWith(path.resolve(rootDir) + path.sep) ? file : null
}

/** Written beside the target then renamed, so a server or a parallel run never reads half a file. */
async function writeAtomically(file, image) {
  await mkdir(path.dirname(file), { recursive: true })
  const tmp = `${file}.${process.pid}.tmp`
  try {
    await image.toFile(tmp)
    await rename(tmp, file)
  } finally {
    await rm(tmp, { force: true })
  }
}

export const renderJpeg = (svg, file) =>
  writeAtomically(file, sharp(Buffer.from(svg)).jpeg({ quality: 80, mozjpeg: true }))

async function isFresh(file, since) {
  try {
    return (await stat(file)).mtimeMs > since
  } catch {
    return false
  }
}

async function pool(items, limit, worker) {
  let next = 0
  const run = async () => {
    while (next < items.length) await worker(items[next++])
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, run))
}

/**
 * Draws every missing or stale poster/backdrop of the catalogue and the app icon. Broken entries
 * are reported in `invalid` and skipped; the rest is still drawn.
 */
export async function generateArtwork({ rootDir, catalogueFile, force = false, log = () => {} }) {
  const started = Date.now()
  const catalogue = catalogueFile ?? path.join(rootDir, 'static/catalogue/titles.json')
  let document
  try {
    document = JSON.parse(await readFile(catalogue, 'utf8'))
  } catch (error) {
    const where = path.relative(rootDir, catalogue) || catalogue
    if (error.code === 'ENOENT') {
      throw new Error(`catalogue ${where} not found: artwork needs it`, { cause: error })
    }
    throw new Error(`cannot read catalogue ${where}: ${error.message}`, { cause: error })
  }
  if (!Array.isArray(document?.titles)) throw new Error(`${catalogue} has no "titles" array`)
  const since = (await stat(catalogue)).mtimeMs

  const jobs = []
  const invalid = []
  const seen = new Set()
  document.titles.forEach((title, index) => {
    const name = typeof title?.id === 'string' ? title.id : `#${index}`
    if (!title || typeof title.id !== 'string' || !/^[a-z0-9-]+$/.test(title.id)) {
      return invalid.push(`${name}: no usable id`)
    }
    for (const [kind, draw] of [
      ['poster', posterSvg],
      ['backdrop', backdropSvg],
    ]) {
      const file = artworkFile(rootDir, title.artwork?.[kind])
      if (!file) invalid.push(`${name}: no usable artwork.${kind}`)
      else if (!seen.has(file)) {
        seen.add(file)
        jobs.push({ title, file, draw })
      }
    }
  })

  let written = 0
  let skipped = 0
  const failed = []
  await pool(jobs, Math.max(2, os.cpus().length), async ({ title, file, draw }) => {
    if (!force && (await isFresh(file, since))) return skipped++
    try {
      await renderJpeg(draw(title), file)
      written++
    } catch (error) {
      failed.push(`${path.relative(rootDir, file)}: ${error.message}`)
    }
  })

  const icon = path.join(rootDir, 'static/icon.png')
  let iconWritten = false
  // The browser tab only needs a 32 px favicon; the 256 px launcher icon would cost 40 KB at start.
  const favicon = path.join(rootDir, 'static/favicon.png')
  if (force || !existsSync(icon) || !existsSync(favicon)) {
    await writeAtomically(icon, sharp(Buffer.from(iconSvg())).png({ compressionLevel: 9 }))
    await writeAtomically(
      favicon,
      sharp(Buffer.from(iconSvg())).resize(32, 32).png({ compressionLevel: 9 }),
    )
    iconWritten = true
  }
  invalid.forEach((problem) => log(`artwork: skipped ${problem}`))
  failed.forEach((problem) => log(`artwork: failed ${problem}`))
  return { written, skipped, invalid, failed, iconWritten, seconds: (Date.now() - started) / 1000 }
}
