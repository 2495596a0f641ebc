// The soak's diagnostics: heap snapshots at fixed points of the cycle (--heap-snapshots) and the
// app's texture accounting at each reading, so growth comes with what holds it.
import { createWriteStream } from 'node:fs'
import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { collectGarbage } from './browser.mjs'
import { analyse, compareSnapshots, comparisonMarkdown, readSnapshot } from './heapSnapshot.mjs'

/**
 * Writes a heap snapshot of the page to `file` after a forced GC. DevTools streams it in chunks;
 * they go straight to the file, so the bench never holds the page's heap twice.
 */
export async function takeHeapSnapshot(cdp, file, { cpu = 1 } = {}) {
  await mkdir(path.dirname(file), { recursive: true })
  // Unthrottled while V8 writes it (50 s at x4 for a 10 MB heap); the readings are not affected.
  if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
  await collectGarbage(cdp)
  const out = createWriteStream(file)
  const onChunk = ({ chunk }) => out.write(chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', {
      reportProgress: false,
      captureNumericValue: false,
    })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
    if (cpu !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu })
    await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())))
  }
  return file
}

/** The app's texture accounting (window.__belgica.textures), the biggest groups only. */
export async function textureReading(session, groups = 8) {
  const account = await session.page
    .evaluate(() => window.__belgica?.textures?.() ?? null)
    .catch(() => null)
  if (!account) return null
  return { ...account, groups: account.groups.slice(0, groups) }
}

/**
 * Compares each snapshot with the last one (`snapshots`: [{ label, file }], in order): what grew
 * and what holds the new objects. Returns the comparisons (JSON) and their Markdown.
 */
export async function compareHeapSnapshots(snapshots) {
  if (snapshots.length < 2) return { comparisons: [], markdown: [] }
  const load = async (file) => analyse(readSnapshot(JSON.parse(await readFile(file, 'utf8'))))
  const last = snapshots[snapshots.length - 1]
  const lastAnalysis = await load(last.file)
  const comparisons = []
  const markdown = ['## Heap snapshots', '']
  for (const earlier of snapshots.slice(0, -1)) {
    const diff = compareSnapshots(await load(earlier.file), lastAnalysis)
    const title = `${earlier.label} → ${last.label}`
    comparisons.push({ from: earlier.label, to: last.label, ...diff })
    markdown.push(...comparisonMarkdown(title, diff))
  }
  markdown.push(`Files: ${snapshots.map((s) => s.file).join(', ')}`, '')
  return { comparisons, markdown }
}
