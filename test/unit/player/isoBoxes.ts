/** ISO BMFF boxes built by hand: a 32-bit size, the four-character type, then the content. */
export const bytes = (...parts: (number[] | Uint8Array)[]): number[] => parts.flatMap((p) => [...p])
export const u32 = (n: number): number[] => [
  (n >>> 24) & 255,
  (n >>> 16) & 255,
  (n >>> 8) & 255,
  n & 255,
]
export const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0))
export const box = (type: string, ...content: number[][]): number[] => {
  const body = bytes(...content)
  return [...u32(8 + body.length), ...ascii(type), ...body]
}
export const fullBox = (type: string, ...content: number[][]): number[] =>
  box(type, [0, 0, 0, 0], ...content)

export const visualEntry = (type: string, ...children: number[][]): number[] =>
  box(type, new Array(78).fill(0), ...children)
export const audioEntry = (type: string, ...children: number[][]): number[] =>
  box(type, new Array(28).fill(0), ...children)

/** moov/trak/mdia/minf/stbl/stsd around one sample entry per track. */
export const init = (...entries: number[][]): Uint8Array =>
  Uint8Array.from([
    ...box('ftyp', ascii('iso6'), u32(0)),
    ...box(
      'moov',
      fullBox('mvhd', new Array(96).fill(0)),
      ...entries.map((entry) =>
        box(
          'trak',
          box(
            'mdia',
            box('minf', box('stbl', fullBox('stsd', u32(1), entry), fullBox('stts', u32(0)))),
          ),
        ),
      ),
    ),
  ])
