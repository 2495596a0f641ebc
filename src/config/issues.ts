import type { z } from 'zod'
import { suggestion } from './suggest'

/**
 * zod's issues in the words an operator reading the start-up error screen needs: the path from
 * appSettings, what was expected and what was given, and the key or value probably meant. The
 * schemas give their own message where a rule needs explaining (schema.ts); the rest is here.
 */

export interface IssueProblem {
  path: string
  message: string
}

const describe = (value: unknown): string =>
  Array.isArray(value)
    ? 'a list'
    : value === null
      ? 'null'
      : typeof value === 'number' && Number.isNaN(value)
        ? 'NaN'
        : `a ${typeof value}`

type Def = {
  type: string
  innerType?: z.core.$ZodType
  shape?: Record<string, z.core.$ZodType>
  element?: z.core.$ZodType
  valueType?: z.core.$ZodType
  in?: z.core.$ZodType
}

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as unknown as Def

/** Through default/prefault/optional wrappers to the schema that checks the value. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let current = schema
  for (let def = defOf(current); def.innerType || def.type === 'pipe'; def = defOf(current)) {
    current = def.innerType ?? def.in!
  }
  return current
}

/** The schema a path leads to, or undefined (a path into an open map or a list item). */
function schemaAt(
  root: z.core.$ZodType,
  path: readonly PropertyKey[],
): z.core.$ZodType | undefined {
  let current: z.core.$ZodType | undefined = unwrap(root)
  for (const key of path) {
    if (!current) return undefined
    const def = defOf(current)
    const next: z.core.$ZodType | undefined = def.shape
      ? def.shape[String(key)]
      : (def.valueType ?? def.element)
    current = next && unwrap(next)
  }
  return current
}

function expectedName(issue: { expected?: string; inst?: unknown }): string {
  switch (issue.expected) {
    case 'object':
    case 'record':
      return 'an object'
    case 'array': {
      const element = issue.inst ? defOf(issue.inst as z.core.$ZodType).element : undefined
      const type = element ? defOf(unwrap(element)).type : ''
      return ['string', 'number', 'boolean'].includes(type) ? `a list of ${type}s` : 'a list'
    }
    case 'int':
      return 'a whole number'
    default:
      return issue.expected ? `a ${issue.expected}` : 'another type'
  }
}

const show = (value: unknown) =>
  typeof value === 'string' ? `"${value}"` : (JSON.stringify(value) ?? String(value))

/** Per-parse error map: the message for every issue a schema does not word itself. */
export function describeIssue(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'int') return `expected a whole number, got ${show(issue.input)}`
      return `expected ${expectedName(issue)}, got ${describe(issue.input)}`
    case 'invalid_value': {
      const values = issue.values.map(String)
      return `${show(issue.input)} is not one of ${values.join(', ')}${
        typeof issue.input === 'string' ? suggestion(issue.input, values) : ''
      }`
    }
    case 'too_small':
      return issue.origin === 'number'
        ? `expected at least ${String(issue.minimum)}, got ${show(issue.input)}`
        : undefined
    case 'too_big':
      return issue.origin === 'number'
        ? `expected at most ${String(issue.maximum)}, got ${show(issue.input)}`
        : undefined
    case 'invalid_key':
      return `invalid key "${String(issue.input)}"`
    default:
      return undefined
  }
}

/**
 * One problem per issue, except unknown keys: zod reports those of one object together, the
 * screen names each with the known key it resembles.
 */
export function problemsOf(issue: z.core.$ZodIssue, root: z.core.$ZodType): IssueProblem[] {
  const at = (path: readonly PropertyKey[]) => ['appSettings', ...path.map(String)].join('.')
  if (issue.code === 'unrecognized_keys') {
    const shape = defOf(schemaAt(root, issue.path) ?? root).shape ?? {}
    return issue.keys.map((key) => {
      const path = at([...issue.path, key])
      // Keys an earlier release read elsewhere are moved before this (legacy.ts).
      return { path, message: `unknown setting${suggestion(key, Object.keys(shape))}` }
    })
  }
  if (issue.code === 'invalid_key') {
    // A record's key: the nested issues carry the key schema's own message.
    const message = issue.issues[0]?.message ?? issue.message
    return [{ path: at(issue.path), message }]
  }
  return [{ path: at(issue.path), message: issue.message }]
}
