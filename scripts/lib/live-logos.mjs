// Channel logos for static/catalogue/live.json: small PNGs drawn as SVG and rasterised by sharp,
// like the catalogue artwork, so the guide's logo column loads real image textures. Each design
// follows the channel's family (public/private, French/Dutch) so a row of them reads like a
// Belgian channel list; everything derives from the channel, so a rebuild gives the same files.
import { existsSync } from 'node:fs'
import { mkdir, readFile, rename, rm } from 'node:fs/promises'
import path from 'node:path'
import sharp from 'sharp'
import { escapeXml } from './artwork.mjs'

export const LOGO = { width: 240, height: 135 }

// Families: colours and shape of the mark.
const FAMILIES = {
  ardenne: { from: '#c8102e', to: '#7a0a1c', mark: 'circle' },
  brabant: { from: '#1f4fd1', to: '#0d2466', mark: 'square' },
  schelde: { from: '#f2a900', to: '#b36b00', mark: 'wave' },
  kempen: { from: '#17a37a', to: '#0b5a43', mark: 'square' },
  kadee: { from: '#ff6fb5', to: '#8f2dd1', mark: 'star' },
}

function familyOf(id) {
  return FAMILIES[id.split('-')[0]] ?? FAMILIES.brabant
}

/** Words of the name on up to two lines: the brand, then what follows it. */
function lines(name) {
  const [first, ...rest] = name.split(' ')
  return rest.length ? [first, rest.join(' ')] : [first]
}

function markSvg(kind, x, y, r) {
  if (kind === 'circle') return `<circle cx="${x}" cy="${y}" r="${r}" fill="#fff"/>`
  if (kind === 'wave')
    return `<path d="M${x - r},${y} q${r / 2},-${r} ${r},0 t${r},0" stroke="#fff" stroke-width="${r / 3}" fill="none"/>`
  if (kind === 'star') {
    const points = Array.from({ length: 10 }, (_, i) => {
      const a = (Math.PI / 5) * i - Math.PI / 2
      const d = i % 2 ? r * 0.45 : r
      return `${(x + Math.cos(a) * d).toFixed(1)},${(y + Math.sin(a) * d).toFixed(1)}`
    })
    return `<polygon points="${points.join(' ')}" fill="#fff"/>`
  }
  return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" rx="${r / 4}" fill="#fff"/>`
}

export function logoSvg(channel) {
  const { width: w, height: h } = LOGO
  const family = familyOf(channel.id)
  const [top, bottom] = lines(channel.name)
  const text = bottom
    ? `<text x="92" y="62" font-family="DejaVu Sans" font-weight="bold" font-size="30" fill="#fff">${escapeXml(top)}</text>` +
      `<text x="92" y="98" font-family="DejaVu Sans" font-weight="bold" font-size="${bottom.length > 5 ? 24 : 34}" fill="#fff" opacity="0.92">${escapeXml(bottom)}</text>`
    : `<text x="92" y="82" font-family="DejaVu Sans" font-weight="bold" font-size="36" fill="#fff">${escapeXml(top)}</text>`
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">
<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${family.from}"/><stop offset="1" stop-color="${family.to}"/></linearGradient></defs>
<rect width="${w}" height="${h}" rx="18" fill="url(#bg)"/>
${markSvg(family.mark, 50, h / 2, 24)}
${text}
</svg>`
}

/** Writes static/guide/logos/<id>.png for each channel of live.json whose logo is missing. */
export async function generateLogos({ rootDir, force = false, log = () => {} }) {
  const document = JSON.parse(
    await readFile(path.join(rootDir, 'static/catalogue/live.json'), 'utf8'),
  )
  let written = 0
  for (const channel of document.channels ?? []) {
    // Relative to the app, as artwork is: static/guide/logos/<id>.png.
    if (typeof channel?.logo !== 'string' || !channel.logo.startsWith('static/guide/logos/'))
      continue
    const file = path.join(rootDir, channel.logo)
    if (!force && existsSync(file)) continue
    await mkdir(path.dirname(file), { recursive: true })
    const tmp = `${file}.${process.pid}.tmp`
    try {
      await sharp(Buffer.from(logoSvg(channel)))
        .png({ compressionLevel: 9, palette: true })
        .toFile(tmp)
      await rename(tmp, file)
    } finally {
      await rm(tmp, { force: true })
    }
    written++
  }
  if (written) log(`logos: ${written} written`)
  return { written }
}
