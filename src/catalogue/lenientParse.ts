import type { z } from 'zod'

/**
 * The catalogue contract is strict, so that its JSON Schema tells a CMS exactly what to send. What
 * real backends send beside it (a field of their own such as `externalId`, `null` for "none", a
 * number written as text, one object where a list is expected) must not cost the household the
 * title: such an item is read as if it had been written to the contract, and each repair is
 * named for the operator's log. Anything else (a missing title, a bad URL) still fails.
 */
type Issue = z.core.$ZodIssue

export type LenientResult<T> =
  | { success: true; data: T; repairs: string[] }
  /** `issue`: the first complaint no repair answers, the one the operator has to fix. */
  | { success: false; issue: Issue | undefined }

type Path = readonly PropertyKey[]

/** Rounds of repair before giving up: each round fixes every issue zod reported at once. */
const MAX_ROUNDS = 6

const isRecord = (value: unknown): value is Record<PropertyKey, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function at(root: unknown, path: Path): unknown {
  let node = root
  for (const key of path) {
    if (!isRecord(node) && !Array.isArray(node)) return undefined
    node = (node as Record<PropertyKey, unknown>)[key]
  }
  return node
}

const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?\s*$/

/** One change that makes an issue go away, without applying it (so a union can pick a branch). */
function repairOf(root: unknown, issue: Issue, prefix: Path): (() => string) | null {
  const path = [...prefix, ...issue.path]
  const where = path.map(String).join('.') || 'item'
  if (issue.code === 'unrecognized_keys') {
    const target = at(root, path)
    if (!isRecord(target)) return null
    return () => {
      for (const key of issue.keys) delete target[key]
      return `${where}: ignored ${issue.keys.join(', ')}`
    }
  }
  if (issue.code === 'invalid_type') {
    const key = path[path.length - 1]
    const parent = at(root, path.slice(0, -1))
    if (key === undefined || !isRecord(parent)) return null
    const value = parent[key]
    if (value === null) {
      return () => {
        delete parent[key]
        return `${where}: null read as absent`
      }
    }
    if (issue.expected === 'number' && typeof value === 'string' && NUMBER_TEXT.test(value)) {
      return () => {
        parent[key] = Number(value)
        return `${where}: number read from text`
      }
    }
    if (issue.expected === 'boolean' && (value === 'true' || value === 'false')) {
      return () => {
        parent[key] = value === 'true'
        return `${where}: boolean read from text`
      }
    }
    if (issue.expected === 'array' && value !== undefined && !Array.isArray(value)) {
      return () => {
        parent[key] = [value]
        return `${where}: one value read as a list`
      }
    }
    return null
  }
  if (issue.code === 'invalid_value') {
    // "version": "1" for 1: a literal number written as text.
    const key = path[path.length - 1]
    const parent = at(root, path.slice(0, -1))
    if (key === undefined || !isRecord(parent)) return null
    const value = parent[key]
    if (typeof value !== 'string' || !NUMBER_TEXT.test(value)) return null
    const number = Number(value)
    if (!issue.values.includes(number)) return null
    return () => {
      parent[key] = number
      return `${where}: number read from text`
    }
  }
  if (issue.code === 'invalid_union') {
    // The first branch whose every complaint can be repaired is the one the item meant.
    for (const branch of issue.errors) {
      const repairs = branch.map((inner) => repairOf(root, inner, path))
      if (repairs.length && repairs.every(Boolean)) {
        return () => repairs.map((repair) => repair!()).join('; ')
      }
    }
  }
  return null
}

/**
 * `schema.safeParse(raw)`, then, if it fails only on what real exports send beside the contract,
 * again on a repaired copy (the input is never changed).
 */
export function parseLeniently<T>(schema: z.ZodType<T>, raw: unknown): LenientResult<T> {
  let result = schema.safeParse(raw)
  if (result.success) return { success: true, data: result.data, repairs: [] }
  if (!isRecord(raw)) return { success: false, issue: result.error.issues[0] }
  const copy = JSON.parse(JSON.stringify(raw)) as unknown
  const repairs: string[] = []
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const issues = result.error!.issues
    const fixes = issues.map((issue) => repairOf(copy, issue, []))
    const stuck = fixes.findIndex((fix) => !fix)
    if (stuck >= 0) return { success: false, issue: issues[stuck] }
    for (const fix of fixes) repairs.push(fix!())
    result = schema.safeParse(copy)
    if (result.success) return { success: true, data: result.data, repairs }
  }
  return { success: false, issue: result.error?.issues[0] }
}
