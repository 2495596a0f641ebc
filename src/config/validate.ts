import type { z } from 'zod'
import { defaultAppConfig, SDK_INJECTED_KEYS, type AppConfig } from './defaults'
import { describeIssue, problemsOf } from './issues'
import { moveLegacySettings } from './legacy'
import { KEY_ACTIONS } from '../platform/keymaps'
import { registerBackends } from '../app/registerBackends'
import { registerEntitlementBackends } from '../entitlements/registerBackends'
import { builtInGuideSources } from '../guide/sources'
import { readSettingsAsMeant } from './readAsMeant'
import { buildAppSettingsSchema } from './schema'

export interface ConfigProblem {
  /** Dotted path from appSettings, e.g. "appSettings.catalogue.backend". */
  path: string
  message: string
}

/** `notes`: values read as meant rather than as written (readAsMeant.ts), when there are any. */
export type ConfigResult =
  | { ok: true; config: AppConfig; notes?: string[] }
  | { ok: false; problems: ConfigProblem[]; config: AppConfig; notes?: string[] }

type Plain = Record<string, unknown>

const isPlainObject = (value: unknown): value is Plain =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

const describe = (value: unknown): string =>
  Array.isArray(value) ? 'a list' : value === null ? 'null' : `a ${typeof value}`

/**
 * A zod refinement only runs once the value it checks has the right shape, so a cross-field
 * problem (language.default not in a list that had a wrong item) shows on a later pass; passes stop
 * when nothing is left to remove, which is at most the depth of the settings plus one.
 */
const MAX_PASSES = 8

export interface ValidateOptions {
  /**
   * The catalogue backends the app will offer; by default those app/registerBackends.ts
   * registers, so the build (npm run dist -- --operator) refuses what the box would.
   */
  catalogueBackends?: readonly string[]
  /** The guide sources guide.source may name; by default guide/sources.ts's built-in ones. */
  guideSources?: readonly string[]
  /** The entitlement backends entitlements.backend may name; by default those registered. */
  entitlementBackends?: readonly string[]
}

/**
 * Validates `appSettings` against the schemas (schema.ts): unknown keys, wrong types and values
 * that cannot work are each a problem naming the path. Returns a usable config even when invalid:
 * the valid parts merged over the defaults, each invalid part left at its default, so the error
 * screen can still be drawn with the operator's brand and language.
 */
export function validateAppSettings(
  appSettings: unknown,
  {
    catalogueBackends = registerBackends().names(),
    guideSources = builtInGuideSources().names(),
    entitlementBackends = registerEntitlementBackends().names(),
  }: ValidateOptions = {},
): ConfigResult {
  if (!isPlainObject(appSettings)) {
    return {
      ok: false,
      problems: [
        {
          path: 'appSettings',
          // The SDK hands over settings.json's "appSettings" only: a misspelt key arrives as nothing.
          message:
            appSettings === undefined
              ? 'missing from settings.json: check that its key is spelt "appSettings"'
              : `expected an object, got ${describe(appSettings)}`,
        },
      ],
      config: defaultAppConfig(),
    }
  }
  let given = copyPlain(
    Object.fromEntries(
      Object.entries(appSettings).filter(
        ([key]) => !(SDK_INJECTED_KEYS as readonly string[]).includes(key),
      ),
    ),
  ) as Plain
  // A key an earlier release read elsewhere still starts the app, with a warning.
  for (const warning of moveLegacySettings(given)) console.warn(`[settings] ${warning}`)
  const problems: ConfigProblem[] = []
  const seen = new Set<string>()
  const registered = { catalogueBackends, guideSources, entitlementBackends }
  const appSettingsSchema = buildAppSettingsSchema(registered)
  const notes = readSettingsAsMeant(given, appSettingsSchema, KEY_ACTIONS, registered)
  for (const note of notes) console.warn(`[settings] ${note}`)
  const withNotes = notes.length ? { notes } : {}
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const result = appSettingsSchema.safeParse(given, { error: describeIssue })
    if (result.success) {
      return problems.length
        ? { ok: false, problems, config: result.data, ...withNotes }
        : { ok: true, config: result.data, ...withNotes }
    }
    const order = documentOrder(given)
    const found = result.error.issues.flatMap((issue) => problemsOf(issue, appSettingsSchema))
    for (const problem of sortByDocument(found, order)) {
      const key = `${problem.path}\n${problem.message}`
      if (!seen.has(key)) {
        seen.add(key)
        problems.push(problem)
      }
    }
    given = withoutIssues(given, result.error.issues)
  }
  return { ok: false, problems, config: defaultAppConfig(), ...withNotes }
}

/** The input minus every value an issue is about, so the next pass takes their defaults. */
function withoutIssues(given: Plain, issues: z.core.$ZodIssue[]): Plain {
  let next = given
  for (const issue of issues) {
    const path = issue.path.map(String)
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) next = removeAt(next, [...path, key])
    } else {
      next = removeAt(next, path)
    }
  }
  return next
}

/**
 * Removes the value at `path`. A wrong list item takes its whole list back to the default, and a
 * path that is no longer there (a cross-field check about a value already removed) removes its
 * parent, so every pass shrinks the input.
 */
function removeAt(root: Plain, path: string[]): Plain {
  if (!path.length) return {}
  const parentPath = path.slice(0, -1)
  const parent = parentPath.reduce<unknown>(
    (node, key) => (isPlainObject(node) || Array.isArray(node) ? (node as Plain)[key] : undefined),
    root,
  )
  const key = path[path.length - 1]!
  if (Array.isArray(parent)) return removeAt(root, parentPath)
  if (!isPlainObject(parent) || !Object.prototype.hasOwnProperty.call(parent, key)) {
    return removeAt(root, parentPath)
  }
  delete parent[key]
  return root
}

/** The position of each dotted path in the operator's file, so problems read top to bottom. */
function documentOrder(given: Plain): Map<string, number> {
  const order = new Map<string, number>()
  const walk = (node: unknown, path: string) => {
    order.set(path, order.size)
    if (isPlainObject(node) || Array.isArray(node)) {
      for (const [key, child] of Object.entries(node)) walk(child, `${path}.${key}`)
    }
  }
  walk(given, 'appSettings')
  return order
}

function sortByDocument(problems: ConfigProblem[], order: Map<string, number>): ConfigProblem[] {
  const rank = (path: string): number => {
    for (let at = path; at; at = at.slice(0, Math.max(0, at.lastIndexOf('.')))) {
      const found = order.get(at)
      if (found !== undefined) return found
    }
    return Number.MAX_SAFE_INTEGER
  }
  return problems
    .map((problem, index) => ({ problem, index, rank: rank(problem.path) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ problem }) => problem)
}

/** A copy of JSON-like data, so removing values never touches the caller's appSettings. */
function copyPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyPlain)
  if (!isPlainObject(value)) return value
  const copy: Plain = {}
  for (const key of Object.keys(value)) {
    // defineProperty: a "__proto__" key from JSON.parse stays an own key (a typo to report).
    Object.defineProperty(copy, key, {
      value: copyPlain(value[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    })
  }
  return copy
}
