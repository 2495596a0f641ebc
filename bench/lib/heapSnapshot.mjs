// A small reader for V8 heap snapshots (the .heapsnapshot JSON that DevTools'
// HeapProfiler.takeHeapSnapshot streams): which object kinds grew between two snapshots of the same
// page, by count, self size and retained size, and through what the new objects are held.
//
// Format: `snapshot.meta` names the fields; `nodes` is a flat array of `node_fields.length`
// numbers per node (type, name, id, self_size, edge_count, ...), `edges` a flat array of
// `edge_fields.length` numbers per edge (type, name_or_index, to_node), the edges of node i
// following those of node i-1, and `to_node` an index into `nodes` (already multiplied by the
// node field count). Names are indexes into `strings`. Node ids are stable within one page, so
// an object present in both snapshots has the same id in each.

/** Edge kinds that do not keep their target alive: left out of retained sizes and paths. */
const NON_RETAINING = new Set(['weak', 'shortcut'])

/** Reads a parsed .heapsnapshot into typed arrays and per-node edge offsets. */
export function readSnapshot(json) {
  const { meta } = json.snapshot
  const nodeFields = meta.node_fields
  const edgeFields = meta.edge_fields
  const nodeWidth = nodeFields.length
  const edgeWidth = edgeFields.length
  const nodeTypes = meta.node_types[0]
  const edgeTypes = meta.edge_types[0]
  const at = (fields, name) => {
    const i = fields.indexOf(name)
    if (i < 0) throw new Error(`heap snapshot: no "${name}" field`)
    return i
  }
  const nType = at(nodeFields, 'type')
  const nName = at(nodeFields, 'name')
  const nId = at(nodeFields, 'id')
  const nSelf = at(nodeFields, 'self_size')
  const nEdges = at(nodeFields, 'edge_count')
  const eType = at(edgeFields, 'type')
  const eName = at(edgeFields, 'name_or_index')
  const eTo = at(edgeFields, 'to_node')

  const nodes = json.nodes
  const edges = json.edges
  const count = nodes.length / nodeWidth
  const type = new Array(count)
  const name = new Array(count)
  const id = new Float64Array(count)
  const self = new Float64Array(count)
  const firstEdge = new Uint32Array(count + 1)
  let edgeIndex = 0
  for (let i = 0; i < count; i++) {
    const base = i * nodeWidth
    type[i] = nodeTypes[nodes[base + nType]]
    name[i] = json.strings[nodes[base + nName]]
    id[i] = nodes[base + nId]
    self[i] = nodes[base + nSelf]
    firstEdge[i] = edgeIndex
    edgeIndex += nodes[base + nEdges]
  }
  firstEdge[count] = edgeIndex
  const edgeCount = edges.length / edgeWidth
  if (edgeIndex !== edgeCount)
    throw new Error(
      `heap snapshot: nodes claim ${edgeIndex} edges, the edge array has ${edgeCount}`,
    )
  const edgeType = new Array(edgeCount)
  const edgeName = new Array(edgeCount)
  const edgeTo = new Uint32Array(edgeCount)
  for (let e = 0; e < edgeCount; e++) {
    const base = e * edgeWidth
    const kind = edgeTypes[edges[base + eType]]
    const raw = edges[base + eName]
    edgeType[e] = kind
    // Elements and hidden edges carry an index; the others a string.
    edgeName[e] = kind === 'element' || kind === 'hidden' ? raw : json.strings[raw]
    edgeTo[e] = edges[base + eTo] / nodeWidth
  }
  return { count, type, name, id, self, firstEdge, edgeType, edgeName, edgeTo }
}

/**
 * The kind an object is counted under, close to DevTools' "Constructor" column. Closures keep
 * their function name: a listener that is never removed shows up by name.
 */
export function classOf(graph, i) {
  const type = graph.type[i]
  const name = graph.name[i]
  switch (type) {
    case 'object':
    case 'native':
      // "system / Context / scope @58763": the address would make each context a kind of its own.
      return name.replace(/ @\d+$/, '')
    case 'synthetic':
      return name || '(root)'
    case 'closure':
      return `${name || '(anonymous)'}()`
    case 'string':
    case 'concatenated string':
    case 'sliced string':
      return '(string)'
    case 'array':
      return `(array${name ? ` ${name}` : ''})`
    case 'code':
      return '(compiled code)'
    case 'hidden':
      return '(system)'
    default:
      return `(${type})`
  }
}

/**
 * Off-heap backing data that V8 lists among its own objects ("system / ..."): the bytes of
 * external strings and of ArrayBuffers live outside the JS heap.
 */
const OFF_HEAP_SYSTEM = new Set(['system / ExternalStringData', 'system / JSArrayBufferData'])

/**
 * Where an object's bytes count, so a growth can be told apart from objects the app holds:
 * - 'compiled code': V8's code for the page's functions (bytecode, machine code, feedback,
 *   function and scope info). It grows while V8 compiles more functions as they get hot: baseline
 *   code is not flushed and optimised code stays while it is used, so a long soak keeps adding
 *   some for many minutes without any object being leaked;
 * - 'object shapes': V8's hidden classes;
 * - 'strings';
 * - 'outside the JS heap': browser objects (DOM, DevTools agents, media) and off-heap backing
 *   stores, which the JS heap figure (JSHeapUsedSize) does not count;
 * - 'JS objects': the rest, the objects, arrays, closures and scopes the page's code holds.
 */
export function categoryOf(graph, i) {
  const type = graph.type[i]
  switch (type) {
    case 'code':
      return 'compiled code'
    case 'object shape':
      return 'object shapes'
    case 'string':
    case 'concatenated string':
    case 'sliced string':
      return 'strings'
    case 'native': {
      const name = graph.name[i].replace(/ @\d+$/, '')
      return !name.startsWith('system / ') || OFF_HEAP_SYSTEM.has(name)
        ? 'outside the JS heap'
        : 'JS objects'
    }
    default:
      return 'JS objects'
  }
}

export const CATEGORIES = [
  'JS objects',
  'strings',
  'compiled code',
  'object shapes',
  'outside the JS heap',
]

/** For each node, the node that keeps it reachable along the shortest path from the root. */
function shortestParents(graph) {
  const parent = new Int32Array(graph.count).fill(-1)
  const via = new Int32Array(graph.count).fill(-1)
  parent[0] = 0
  const queue = new Uint32Array(graph.count)
  let head = 0
  let tail = 0
  queue[tail++] = 0
  while (head < tail) {
    const n = queue[head++]
    for (let e = graph.firstEdge[n]; e < graph.firstEdge[n + 1]; e++) {
      if (NON_RETAINING.has(graph.edgeType[e])) continue
      const to = graph.edgeTo[e]
      if (parent[to] !== -1) continue
      parent[to] = n
      via[to] = e
      queue[tail++] = to
    }
  }
  return { parent, via }
}

/**
 * Immediate dominators from the root (node 0), by the iterative algorithm of Cooper, Harvey and
 * Kennedy over a reverse postorder: simple, and fast enough for the few hundred thousand nodes of
 * a TV app's heap.
 */
function dominators(graph) {
  const n = graph.count
  const order = new Int32Array(n).fill(-1) // postorder number
  const postorder = []
  const stack = [0]
  const edgeCursor = new Uint32Array(n)
  const seen = new Uint8Array(n)
  seen[0] = 1
  for (let i = 0; i < n; i++) edgeCursor[i] = graph.firstEdge[i]
  while (stack.length) {
    const node = stack[stack.length - 1]
    let pushed = false
    while (edgeCursor[node] < graph.firstEdge[node + 1]) {
      const e = edgeCursor[node]++
      if (NON_RETAINING.has(graph.edgeType[e])) continue
      const to = graph.edgeTo[e]
      if (seen[to]) continue
      seen[to] = 1
      stack.push(to)
      pushed = true
      break
    }
    if (!pushed) {
      stack.pop()
      order[node] = postorder.length
      postorder.push(node)
    }
  }
  const preds = Array.from({ length: n }, () => null)
  for (let from = 0; from < n; from++) {
    if (!seen[from]) continue
    for (let e = graph.firstEdge[from]; e < graph.firstEdge[from + 1]; e++) {
      if (NON_RETAINING.has(graph.edgeType[e])) continue
      const to = graph.edgeTo[e]
      ;(preds[to] ??= []).push(from)
    }
  }
  const idom = new Int32Array(n).fill(-1)
  idom[0] = 0
  const intersect = (a, b) => {
    while (a !== b) {
      while (order[a] < order[b]) a = idom[a]
      while (order[b] < order[a]) b = idom[b]
    }
    return a
  }
  let changed = true
  while (changed) {
    changed = false
    for (let k = postorder.length - 1; k >= 0; k--) {
      const node = postorder[k]
      if (node === 0) continue
      let best = -1
      for (const p of preds[node] ?? []) {
        if (idom[p] === -1) continue
        best = best === -1 ? p : intersect(p, best)
      }
      if (best !== -1 && idom[node] !== best) {
        idom[node] = best
        changed = true
      }
    }
  }
  // Retained size: own size plus everything dominated, summed children before parents.
  const retained = new Float64Array(n)
  for (const node of postorder) retained[node] += graph.self[node]
  for (const node of postorder) if (node !== 0) retained[idom[node]] += retained[node]
  return { idom, retained, reachable: seen }
}

/**
 * Per kind: live objects, their own bytes, and the bytes they retain. A kind's retained size
 * counts only its members not dominated by a member of the same kind, so a linked list of Nodes
 * is not counted once per node.
 */
export function analyse(graph) {
  const { idom, retained, reachable } = dominators(graph)
  const kind = new Array(graph.count)
  for (let i = 0; i < graph.count; i++) kind[i] = classOf(graph, i)
  const classes = new Map()
  const categories = new Map(CATEGORIES.map((c) => [c, 0]))
  for (let i = 1; i < graph.count; i++) {
    if (!reachable[i]) continue
    const category = categoryOf(graph, i)
    categories.set(category, categories.get(category) + graph.self[i])
    let row = classes.get(kind[i])
    if (!row) classes.set(kind[i], (row = { count: 0, self: 0, retained: 0 }))
    row.count++
    row.self += graph.self[i]
    let up = idom[i]
    let nested = false
    while (up > 0) {
      if (kind[up] === kind[i]) {
        nested = true
        break
      }
      up = idom[up]
    }
    if (!nested) row.retained += retained[i]
  }
  return { graph, kind, idom, retained, reachable, classes, categories, parents: null }
}

function edgeLabel(graph, e) {
  const name = graph.edgeName[e]
  switch (graph.edgeType[e]) {
    case 'element':
      return `[${name}]`
    case 'context':
      return `{${name}}`
    case 'hidden':
    case 'internal':
      return `<${name}>`
    default:
      return `.${name}`
  }
}

/** The chain of holders from the root down to node `i`, as text ("Window.app -> App.x -> ..."). */
export function retainerPath(analysis, i, maxSteps = 14) {
  const graph = analysis.graph
  analysis.parents ??= shortestParents(graph)
  const { parent, via } = analysis.parents
  if (parent[i] === -1) return '(unreachable)'
  const steps = []
  let node = i
  while (node !== 0 && steps.length < 60) {
    const e = via[node]
    steps.push(`${analysis.kind[parent[node]]}${edgeLabel(graph, e)}`)
    node = parent[node]
  }
  steps.reverse()
  const shown =
    steps.length > maxSteps
      ? [
          ...steps.slice(0, 3),
          `... ${steps.length - maxSteps} more ...`,
          ...steps.slice(-(maxSteps - 3)),
        ]
      : steps
  return `${shown.join(' -> ')} -> ${analysis.kind[i]}`
}

/**
 * What grew from snapshot `a` to snapshot `b` (two analyses of the same page): per kind, the
 * change in count, self and retained size, biggest first; and for the kinds that grew most, a few
 * of the objects that are new in `b` (their id is not in `a`) with their retained size and path.
 */
export function compareSnapshots(a, b, { top = 25, kindsWithPaths = 8, perKind = 2 } = {}) {
  const rows = []
  for (const name of new Set([...a.classes.keys(), ...b.classes.keys()])) {
    const before = a.classes.get(name) ?? { count: 0, self: 0, retained: 0 }
    const after = b.classes.get(name) ?? { count: 0, self: 0, retained: 0 }
    rows.push({
      kind: name,
      countBefore: before.count,
      countAfter: after.count,
      countDelta: after.count - before.count,
      selfDelta: after.self - before.self,
      retainedBefore: before.retained,
      retainedAfter: after.retained,
      retainedDelta: after.retained - before.retained,
    })
  }
  const grown = rows
    .filter((r) => r.countDelta > 0 || r.selfDelta > 0)
    .sort((x, y) => y.selfDelta - x.selfDelta || y.countDelta - x.countDelta)
    .slice(0, top)
  const oldIds = new Set()
  for (let i = 0; i < a.graph.count; i++) oldIds.add(a.graph.id[i])
  const fresh = new Map()
  for (let i = 1; i < b.graph.count; i++) {
    if (!b.reachable[i] || oldIds.has(b.graph.id[i])) continue
    const k = b.kind[i]
    let list = fresh.get(k)
    if (!list) fresh.set(k, (list = []))
    list.push(i)
  }
  const newObjects = [...fresh.entries()]
    .map(([kind, list]) => ({
      kind,
      count: list.length,
      self: list.reduce((sum, i) => sum + b.graph.self[i], 0),
    }))
    .sort((x, y) => y.self - x.self || y.count - x.count)
    .slice(0, top)
  // Paths for objects of the kinds that grew in count, skipping V8's own bookkeeping.
  const samples = []
  const pathKinds = grown
    .filter(
      (r) =>
        r.countDelta > 0 && !/^\((system|compiled code|string|number|object shape)/.test(r.kind),
    )
    .slice(0, kindsWithPaths)
  for (const row of pathKinds) {
    const members = (fresh.get(row.kind) ?? []).sort((x, y) => b.retained[y] - b.retained[x])
    for (const i of members.slice(0, perKind)) {
      samples.push({
        kind: row.kind,
        id: b.graph.id[i],
        retained: b.retained[i],
        path: retainerPath(b, i),
      })
    }
  }
  const categories = CATEGORIES.map((category) => {
    const before = a.categories.get(category)
    const after = b.categories.get(category)
    return { category, before, after, delta: after - before }
  })
  return { categories, grown, newObjects, samples }
}

const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`
const signed = (n, fmt = String) => `${n >= 0 ? '+' : '-'}${fmt(Math.abs(n))}`

/** The comparison as Markdown lines. */
export function comparisonMarkdown(title, diff) {
  return [
    `### ${title}`,
    '',
    'Live bytes by category (own sizes). The JS heap figure counts all but the last; compiled code',
    'grows while V8 compiles more of the code as it gets hot, objects the app holds show under JS',
    'objects and strings:',
    '',
    '| category | before | after | Δ |',
    '|---|---:|---:|---:|',
    ...diff.categories.map(
      (c) => `| ${c.category} | ${kb(c.before)} | ${kb(c.after)} | ${signed(c.delta, kb)} |`,
    ),
    '',
    '| kind | count | Δ count | Δ self | retained | Δ retained |',
    '|---|---:|---:|---:|---:|---:|',
    ...diff.grown.map(
      (r) =>
        `| \`${r.kind.replace(/\|/g, '\\|').slice(0, 80)}\` | ${r.countBefore} → ${r.countAfter} | ${signed(r.countDelta)} | ${signed(r.selfDelta, kb)} | ${kb(r.retainedAfter)} | ${signed(r.retainedDelta, kb)} |`,
    ),
    '',
    'New objects still alive (allocated after the first snapshot), by kind:',
    '',
    ...diff.newObjects.map((r) => `- \`${r.kind.slice(0, 80)}\`: ${r.count}, ${kb(r.self)}`),
    '',
    'Retainer paths (shortest path from the GC roots) of a few new objects:',
    '',
    ...diff.samples.map(
      (s) => `- \`${s.kind.slice(0, 60)}\` @${s.id} (retains ${kb(s.retained)}): ${s.path}`,
    ),
    '',
  ]
}
