/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const ROOT = path.resolve(__dirname, '../../..')
const lib = JSON.stringify(pathToFileURL(path.join(ROOT, 'bench/lib/heapSnapshot.mjs')).href)

/** The bench is ES modules jest cannot import: evaluate in a child Node process, JSON back. */
function run<T>(code: string): T {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', code], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  return JSON.parse(out.toString()) as T
}

type Node = [type: string, name: string, id: number, self: number]
type Edge = [from: number, type: string, name: string | number, to: number]

/** A .heapsnapshot in the format DevTools streams, from readable node and edge lists. */
function snapshot(nodes: Node[], edges: Edge[]) {
  const nodeTypes = [
    'hidden',
    'array',
    'string',
    'object',
    'code',
    'closure',
    'synthetic',
    'native',
    'object shape',
  ]
  const edgeTypes = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak']
  const strings: string[] = []
  const str = (s: string) => {
    const i = strings.indexOf(s)
    return i >= 0 ? i : strings.push(s) - 1
  }
  const width = 6
  const flatNodes = nodes.flatMap(([type, name, id, self], i) => [
    nodeTypes.indexOf(type),
    str(name),
    id,
    self,
    edges.filter((e) => e[0] === i).length,
    0,
  ])
  const flatEdges = [...edges]
    .sort((x, y) => x[0] - y[0])
    .flatMap(([, type, name, to]) => [
      edgeTypes.indexOf(type),
      typeof name === 'number' ? name : str(name),
      to * width,
    ])
  return {
    snapshot: {
      meta: {
        node_fields: ['type', 'name', 'id', 'self_size', 'edge_count', 'trace_node_id'],
        node_types: [nodeTypes, 'string', 'number', 'number', 'number', 'number'],
        edge_fields: ['type', 'name_or_index', 'to_node'],
        edge_types: [edgeTypes, 'string_or_number', 'node'],
      },
      node_count: nodes.length,
      edge_count: edges.length,
    },
    nodes: flatNodes,
    edges: flatEdges,
    strings,
  }
}

// root -> Window; Window.cache -> Cache; Cache[0] -> Entry A, Cache[1] -> Entry B; A.next -> B;
// Window.listener -> onKey(), whose context holds B; a Ghost held only weakly.
const nodesA: Node[] = [
  ['synthetic', '', 1, 0],
  ['object', 'Window', 3, 10],
  ['object', 'Cache', 5, 20],
  ['object', 'Entry', 7, 30],
  ['object', 'Entry', 9, 30],
  ['closure', 'onKey', 11, 8],
  ['object', 'Ghost', 13, 100],
]
const edgesA: Edge[] = [
  [0, 'element', 1, 1],
  [1, 'property', 'cache', 2],
  [1, 'property', 'listener', 5],
  [1, 'weak', 'ghost', 6],
  [2, 'element', 0, 3],
  [2, 'element', 1, 4],
  [3, 'property', 'next', 4],
  [5, 'context', 'entry', 4],
]
// Later: the cache holds a third Entry with a 500-byte payload array of its own.
const nodesB: Node[] = [...nodesA, ['object', 'Entry', 15, 30], ['array', '', 17, 500]]
const edgesB: Edge[] = [...edgesA, [2, 'element', 2, 7], [7, 'internal', 'elements', 8]]

interface Row {
  kind: string
  count: number
  self: number
  retained: number
}

function classes(snap: unknown): Row[] {
  return run<Row[]>(
    `import { readSnapshot, analyse } from ${lib}
     const a = analyse(readSnapshot(${JSON.stringify(snap)}))
     const rows = [...a.classes].map(([kind, r]) => ({ kind, ...r }))
     process.stdout.write(JSON.stringify(rows))`,
  )
}

describe('heap snapshot reader', () => {
  it('counts live objects per kind with their own and retained sizes', () => {
    const rows = classes(snapshot(nodesA, edgesA))
    const byKind = Object.fromEntries(rows.map((r) => [r.kind, r]))
    // B is reachable from the cache, from A and from the closure: only Window dominates it.
    expect(byKind['Window']).toEqual({ kind: 'Window', count: 1, self: 10, retained: 98 })
    expect(byKind['Cache']).toEqual({ kind: 'Cache', count: 1, self: 20, retained: 50 })
    expect(byKind['Entry']).toEqual({ kind: 'Entry', count: 2, self: 60, retained: 60 })
    expect(byKind['onKey()']).toEqual({ kind: 'onKey()', count: 1, self: 8, retained: 8 })
    // Held only through a weak edge: not alive for the comparison.
    expect(byKind['Ghost']).toBeUndefined()
  })

  it('does not count a kind twice when its members retain each other', () => {
    const chain = snapshot(
      [
        ['synthetic', '', 1, 0],
        ['object', 'Node', 3, 10],
        ['object', 'Node', 5, 10],
        ['object', 'Node', 7, 10],
      ],
      [
        [0, 'element', 1, 1],
        [1, 'property', 'next', 2],
        [2, 'property', 'next', 3],
      ],
    )
    const node = classes(chain).find((r) => r.kind === 'Node')
    expect(node).toEqual({ kind: 'Node', count: 3, self: 30, retained: 30 })
  })

  it('reports what grew, the new objects and the path that holds them', () => {
    const diff = run<{
      grown: { kind: string; countDelta: number; selfDelta: number; retainedDelta: number }[]
      newObjects: { kind: string; count: number; self: number }[]
      samples: { kind: string; id: number; retained: number; path: string }[]
    }>(
      `import { readSnapshot, analyse, compareSnapshots } from ${lib}
       const a = analyse(readSnapshot(${JSON.stringify(snapshot(nodesA, edgesA))}))
       const b = analyse(readSnapshot(${JSON.stringify(snapshot(nodesB, edgesB))}))
       process.stdout.write(JSON.stringify(compareSnapshots(a, b)))`,
    )
    expect(diff.grown.map((r) => r.kind)).toEqual(['(array)', 'Entry'])
    expect(diff.grown[1]).toMatchObject({ countDelta: 1, selfDelta: 30, retainedDelta: 530 })
    expect(diff.newObjects).toEqual([
      { kind: '(array)', count: 1, self: 500 },
      { kind: 'Entry', count: 1, self: 30 },
    ])
    expect(diff.samples).toContainEqual({
      kind: 'Entry',
      id: 15,
      retained: 530,
      path: '(root)[1] -> Window.cache -> Cache[2] -> Entry',
    })
  })

  it('tells compiled code and browser objects apart from the objects the page holds', () => {
    // Later, with the same objects: V8 compiled onKey (machine code hung on the closure), a new
    // hidden class, and DevTools kept a record of a request (a browser object, off the JS heap),
    // as did an ArrayBuffer's backing store.
    const nodesC: Node[] = [
      ...nodesA,
      ['code', 'system / Code', 15, 40],
      ['code', 'system / InstructionStream', 17, 4000],
      ['object shape', 'system / Map', 19, 80],
      ['native', 'blink::NetworkResourcesData::ResourceData', 21, 300],
      ['native', 'system / JSArrayBufferData', 23, 2000],
      ['native', 'system / PropertyArray', 25, 24],
      ['string', 'hello', 27, 16],
    ]
    const edgesC: Edge[] = [
      ...edgesA,
      [5, 'internal', 'code', 7],
      [7, 'internal', 'instruction_stream', 8],
      [1, 'internal', 'map', 9],
      [0, 'element', 2, 10],
      [2, 'internal', 'backing_store', 11],
      [2, 'internal', 'properties', 12],
      [3, 'property', 'label', 13],
    ]
    const diff = run<{
      categories: { category: string; before: number; after: number; delta: number }[]
      grown: { kind: string }[]
    }>(
      `import { readSnapshot, analyse, compareSnapshots } from ${lib}
       const a = analyse(readSnapshot(${JSON.stringify(snapshot(nodesA, edgesA))}))
       const c = analyse(readSnapshot(${JSON.stringify(snapshot(nodesC, edgesC))}))
       process.stdout.write(JSON.stringify(compareSnapshots(a, c)))`,
    )
    // The Ghost (held only weakly) counts nowhere; the PropertyArray is the Cache's own data.
    expect(diff.categories).toEqual([
      { category: 'JS objects', before: 98, after: 122, delta: 24 },
      { category: 'strings', before: 0, after: 16, delta: 16 },
      { category: 'compiled code', before: 0, after: 4040, delta: 4040 },
      { category: 'object shapes', before: 0, after: 80, delta: 80 },
      { category: 'outside the JS heap', before: 0, after: 2300, delta: 2300 },
    ])
    const markdown = run<string[]>(
      `import { comparisonMarkdown } from ${lib}
       process.stdout.write(JSON.stringify(comparisonMarkdown('a → c', ${JSON.stringify(diff)})))`,
    )
    expect(markdown).toContain('| compiled code | 0.0 KB | 4.0 KB | +4.0 KB |')
  })

  it('rejects a snapshot whose nodes and edges disagree', () => {
    const broken = snapshot(nodesA, edgesA)
    broken.edges = broken.edges.slice(3)
    expect(() =>
      run(
        `import { readSnapshot } from ${lib}
         readSnapshot(${JSON.stringify(broken)})`,
      ),
    ).toThrow(/nodes claim 8 edges, the edge array has 7/)
  })
})
