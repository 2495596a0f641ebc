// A small CENC ('cenc' scheme, AES-128-CTR) packager for ffmpeg's fragmented MP4 DASH output, so
// the tests can play ClearKey-encrypted content (ffmpeg 5.1's own encryption is not playable).
//
// Init segments: the sample entry (avc1/mp4a) becomes encv/enca with a sinf box (frma, schm
// 'cenc', tenc with the key id and 8-byte IVs). Media segments: each sample in mdat is encrypted
// (video: per NAL unit, the length field and the first bytes of the NAL clear, the rest protected;
// audio: whole samples), and senc/saiz/saio are added to the traf; trun's data offset and sidx's
// referenced size grow by the bytes added to moof. The MPD gets ContentProtection elements.
import { createCipheriv, randomBytes } from 'node:crypto'
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'

const u32 = (n) => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n >>> 0)
  return b
}
const box = (type, ...parts) => {
  const body = Buffer.concat(parts)
  return Buffer.concat([u32(body.length + 8), Buffer.from(type, 'latin1'), body])
}
const fullBox = (type, version, flags, ...parts) =>
  box(type, Buffer.from([version, (flags >> 16) & 255, (flags >> 8) & 255, flags & 255]), ...parts)

/** Top-level (or child) boxes of a buffer: { type, start, size }. */
function children(buf, start = 0, end = buf.length) {
  const list = []
  for (let off = start; off + 8 <= end;) {
    const size = buf.readUInt32BE(off)
    if (size < 8) throw new Error(`cenc: bad box size at ${off}`)
    list.push({ type: buf.toString('latin1', off + 4, off + 8), start: off, size })
    off += size
  }
  return list
}
const find = (buf, list, type) => list.find((b) => b.type === type)
const inner = (buf, b, skip = 0) => children(buf, b.start + 8 + skip, b.start + b.size)

/** Rebuilds a container box from its (possibly replaced) children. */
const rebuild = (buf, b, parts, headerExtra = Buffer.alloc(0)) => box(b.type, headerExtra, ...parts)

function sinf(format, kid) {
  return box(
    'sinf',
    box('frma', Buffer.from(format, 'latin1')),
    fullBox('schm', 0, 0, Buffer.from('cenc', 'latin1'), u32(0x10000)),
    box('schi', fullBox('tenc', 0, 0, Buffer.from([0, 0, 1, 8]), kid)),
  )
}

/** Rewrites an init segment's sample entry to its encrypted form. Returns the handler kind. */
export function encryptInit(buf, kid) {
  const path = ['moov', 'trak', 'mdia', 'minf', 'stbl', 'stsd']
  const rewrite = (b, depth) => {
    if (b.type === 'stsd') {
      const entries = children(buf, b.start + 16, b.start + b.size)
      const header = buf.subarray(b.start + 8, b.start + 16)
      const parts = entries.map((e) => {
        const format = e.type
        const encrypted = format === 'avc1' ? 'encv' : format === 'mp4a' ? 'enca' : null
        const raw = buf.subarray(e.start, e.start + e.size)
        if (!encrypted) return raw
        const body = raw.subarray(8)
        return box(encrypted, body, sinf(format, kid))
      })
      return rebuild(buf, b, parts, header)
    }
    const parts = inner(buf, b).map((c) =>
      path.includes(c.type) ? rewrite(c, depth + 1) : buf.subarray(c.start, c.start + c.size),
    )
    return rebuild(buf, b, parts)
  }
  return Buffer.concat(
    children(buf).map((b) =>
      b.type === 'moov' ? rewrite(b, 0) : buf.subarray(b.start, b.start + b.size),
    ),
  )
}

function ctr(key, iv, data) {
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.concat([iv, Buffer.alloc(8)]))
  return Buffer.concat([cipher.update(data), cipher.final()])
}

/** Video sample -> subsamples (clear, protected) over its length-prefixed NAL units. */
function nalSubsamples(sample) {
  const out = []
  for (let off = 0; off + 4 <= sample.length;) {
    const length = sample.readUInt32BE(off)
    const nalType = sample[off + 4] & 0x1f
    const total = 4 + length
    const vcl = nalType >= 1 && nalType <= 5
    const clear = vcl && length > 48 ? 4 + 32 : total
    out.push({ clear, protected: total - clear })
    off += total
  }
  return out
}

/** Encrypts one media segment (styp? sidx? moof mdat). */
export function encryptSegment(buf, key, video) {
  const top = children(buf)
  const moof = find(buf, top, 'moof')
  const mdat = find(buf, top, 'mdat')
  if (!moof || !mdat) throw new Error('cenc: segment without moof/mdat')
  const moofChildren = inner(buf, moof)
  const traf = find(buf, moofChildren, 'traf')
  const trafChildren = inner(buf, traf)
  const trun = find(buf, trafChildren, 'trun')
  const flags = buf.readUInt32BE(trun.start + 8) & 0xffffff
  const count = buf.readUInt32BE(trun.start + 12)
  let p = trun.start + 16
  const dataOffset = flags & 1 ? buf.readInt32BE(p) : 0
  if (flags & 1) p += 4
  if (flags & 4) p += 4
  const sizes = []
  for (let i = 0; i < count; i++) {
    if (flags & 0x100) p += 4
    if (!(flags & 0x200)) throw new Error('cenc: trun without sample sizes')
    sizes.push(buf.readUInt32BE(p))
    p += 4
    if (flags & 0x400) p += 4
    if (flags & 0x800) p += 4
  }
  // Encrypt samples in place (a copy of mdat).
  const out = Buffer.from(buf)
  let at = moof.start + dataOffset
  const entries = []
  for (const size of sizes) {
    const iv = randomBytes(8)
    const sample = buf.subarray(at, at + size)
    if (video) {
      const subs = nalSubsamples(sample)
      const protectedParts = []
      let q = 0
      for (const s of subs) {
        protectedParts.push(sample.subarray(q + s.clear, q + s.clear + s.protected))
        q += s.clear + s.protected
      }
      const encrypted = ctr(key, iv, Buffer.concat(protectedParts))
      let r = 0
      q = 0
      for (const s of subs) {
        encrypted.copy(out, at + q + s.clear, r, r + s.protected)
        r += s.protected
        q += s.clear + s.protected
      }
      entries.push({ iv, subs })
    } else {
      ctr(key, iv, sample).copy(out, at)
      entries.push({ iv, subs: null })
    }
    at += size
  }
  const info = entries.map((e) =>
    e.subs
      ? Buffer.concat([
          e.iv,
          Buffer.from([e.subs.length >> 8, e.subs.length & 255]),
          ...e.subs.map((s) =>
            Buffer.concat([Buffer.from([s.clear >> 8, s.clear & 255]), u32(s.protected)]),
          ),
        ])
      : e.iv,
  )
  const senc = fullBox('senc', 0, video ? 2 : 0, u32(count), ...info)
  const same = info.every((i) => i.length === info[0].length)
  const saiz = fullBox(
    'saiz',
    0,
    0,
    Buffer.from([same ? info[0].length : 0]),
    u32(count),
    same ? Buffer.alloc(0) : Buffer.from(info.map((i) => i.length)),
  )
  // saio: offset of the first IV from the start of moof (default-base-is-moof); filled below.
  const saioPlaceholder = fullBox('saio', 0, 0, u32(1), u32(0))
  const trafParts = trafChildren.map((c) => buf.subarray(c.start, c.start + c.size))
  const added = senc.length + saiz.length + saioPlaceholder.length
  // New moof: mfhd ... traf(with the three boxes appended).
  const trafIndex = moofChildren.indexOf(traf)
  const beforeTraf = moofChildren.slice(0, trafIndex).reduce((n, c) => n + c.size, 8) // moof header + boxes before traf
  const sencOffsetInMoof = beforeTraf + traf.size + saiz.length + saioPlaceholder.length
  const saio = fullBox('saio', 0, 0, u32(1), u32(sencOffsetInMoof + 16))
  const newTraf = box('traf', ...trafParts, saiz, saio, senc)
  const newMoof = box(
    'moof',
    ...moofChildren.map((c) => (c === traf ? newTraf : buf.subarray(c.start, c.start + c.size))),
  )
  // trun data offset (relative to moof) grows by the added bytes.
  const trunInNewMoof = newMoof.indexOf(Buffer.from('trun', 'latin1')) - 4
  if (flags & 1) newMoof.writeInt32BE(dataOffset + added, trunInNewMoof + 16)
  const parts = top.map((b) => {
    if (b === moof) return newMoof
    if (b === mdat) return out.subarray(b.start, b.start + b.size)
    const raw = Buffer.from(buf.subarray(b.start, b.start + b.size))
    if (b.type === 'sidx') {
      const version = raw[8]
      const refAt = 8 + 4 + 4 + 4 + (version ? 16 : 8) + 4
      const value = raw.readUInt32BE(refAt)
      raw.writeUInt32BE(((value & 0x7fffffff) + added) | (value & 0x80000000), refAt)
    }
    return raw
  })
  return Buffer.concat(parts)
}

const uuid = (hex) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`

/** Encrypts a generated DASH stream folder into outDir with one key for every track. */
export async function packageClearKey({ inDir, outDir, kidHex, keyHex }) {
  const kid = Buffer.from(kidHex, 'hex')
  const key = Buffer.from(keyHex, 'hex')
  await rm(outDir, { recursive: true, force: true })
  await mkdir(outDir, { recursive: true })
  const mpd = await readFile(path.join(inDir, 'manifest.mpd'), 'utf8')
  // Representation ids of video: those inside the video AdaptationSet.
  const videoSet =
    /<AdaptationSet[^>]*contentType="video"[\s\S]*?<\/AdaptationSet>/.exec(mpd)?.[0] ?? ''
  const videoIds = new Set([...videoSet.matchAll(/<Representation id="(\d+)"/g)].map((m) => m[1]))
  for (const name of await readdir(inDir)) {
    const source = path.join(inDir, name)
    const target = path.join(outDir, name)
    const init = /^init-(\d+)\.m4s$/.exec(name)
    const seg = /^seg-(\d+)-\d+\.m4s$/.exec(name)
    if (init) await writeFile(target, encryptInit(await readFile(source), kid))
    else if (seg)
      await writeFile(target, encryptSegment(await readFile(source), key, videoIds.has(seg[1])))
    else if (name.endsWith('.vtt')) await copyFile(source, target)
  }
  const protection =
    `\n\t\t\t<ContentProtection schemeIdUri="urn:mpeg:dash:mp4protection:2011" value="cenc" cenc:default_KID="${uuid(kidHex)}" />` +
    `\n\t\t\t<ContentProtection schemeIdUri="urn:uuid:e2719d58-a985-b3c9-781a-b030af78d30e" value="ClearKey1.0" />`
  const protectedMpd = mpd
    .replace('<MPD ', '<MPD xmlns:cenc="urn:mpeg:cenc:2013" ')
    .replace(/(<AdaptationSet[^>]*contentType="(?:video|audio)"[^>]*>)/g, `$1${protection}`)
  await writeFile(path.join(outDir, 'manifest.mpd'), protectedMpd)
}
