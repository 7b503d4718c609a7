import { spawnSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { usageProblems, usageSources } from '../../scripts/validate-action.mjs'

const ROOT = new URL('../..', import.meta.url).pathname
const SCRIPT = join(ROOT, 'scripts/validate-action.mjs')
const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'))

const workflow = (withBlock: string) => `on: push
jobs:
  try:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6
      - name: Presenting
        uses: ./
        with:
${withBlock}
`

describe("scripts/validate-action.mjs, the action's uses", () => {
  it('accepts this repository: its workflows and README examples', () => {
    const sources = usageSources(ROOT)
    expect(sources.map((s) => s.file)).toContain('.github/workflows/ci.yml')
    expect(sources.some((s) => s.file.startsWith('README.md:'))).toBe(true)
    expect(usageProblems(action, sources)).toEqual([])
  })

  it('finds a misspelt input and a missing required one in a workflow', () => {
    const content = workflow('          status: dnd\n          duratio: 45')
    expect(usageProblems(action, [{ file: 'ci.yml', content }])).toEqual([
      "ci.yml: step 'Presenting' gives 'duratio', which is not an input of action.yml",
    ])
    const without = workflow('          duration: 45')
    expect(usageProblems(action, [{ file: 'ci.yml', content: without }])).toEqual([
      "ci.yml: step 'Presenting' leaves out the required input 'status'",
    ])
  })

  it('checks the README by name and step fragments too, and leaves other actions alone', () => {
    const content = `- uses: zoom-presence/zoom-presence@v1
  with:
    status: Available
    users: a@example.com
- uses: actions/setup-node@v6
  with:
    node-version: 24
`
    expect(usageProblems(action, [{ file: 'README.md:10', content }])).toEqual([
      "README.md:10: step 'zoom-presence/zoom-presence@v1' gives 'users', which is not an input of action.yml",
    ])
  })
})

describe('scripts/validate-action.mjs, run', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zoom-presence-validate-'))
    copyFileSync(join(ROOT, 'action.yml'), join(dir, 'action.yml'))
    mkdirSync(join(dir, '.github/workflows'), { recursive: true })
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('fails on a misspelt with: key of a uses: ./ step, and passes once it is right', () => {
    const file = join(dir, '.github/workflows/ci.yml')
    writeFileSync(file, workflow('          status: dnd\n          duratio: 45'))
    const wrong = spawnSync(process.execPath, [SCRIPT], { cwd: dir, encoding: 'utf8' })
    expect(wrong.status).toBe(1)
    expect(wrong.stderr).toContain("gives 'duratio', which is not an input of action.yml")

    writeFileSync(file, workflow('          status: dnd\n          duration: 45'))
    const right = spawnSync(process.execPath, [SCRIPT], { cwd: dir, encoding: 'utf8' })
    expect(right.stderr).toBe('')
    expect(right.status).toBe(0)
  })

  it('ends in one line, not a stack trace, when the SchemaStore schema cannot be loaded', () => {
    writeFileSync(join(dir, 'broken.json'), '{')
    for (const where of [join(dir, 'missing.json'), join(dir, 'broken.json')]) {
      const run = spawnSync(process.execPath, [SCRIPT, '--schemastore', where], { cwd: dir, encoding: 'utf8' })
      expect(run.status).toBe(1)
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`^✗ could not load SchemaStore's schema from ${where}: \\S`)),
      ])
    }
  })
})
