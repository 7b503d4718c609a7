// The bundle replaces undici and @actions/exec by stubs that throw (see
// src/stubs/): these checks keep the action's own code off the methods that
// would reach them, so a call shows up here rather than in a workflow.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { getExecOutput } from '../../src/stubs/actions-exec.js'
import { ProxyAgent } from '../../src/stubs/undici.js'

const SRC = fileURLToPath(new URL('../../src', import.meta.url))

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return entry.name === 'stubs' ? [] : sources(path)
    return entry.name.endsWith('.ts') ? [{ file: path, text: readFileSync(path, 'utf8') }] : []
  })
}

describe('what the bundle leaves out', () => {
  it.each([
    ['getAgentDispatcher', /\bgetAgentDispatcher\b/],
    ['core.platform', /\bcore\.platform\b|\bimport\s*\{[^}]*\bplatform\b[^}]*\}\s*from\s*'@actions\/core'/],
    ['undici', /from\s+'undici'|import\(\s*'undici'\s*\)/],
    ['@actions/exec or @actions/io', /'@actions\/(exec|io)'/],
  ])('the action never uses %s', (_name, pattern) => {
    const users = sources(SRC)
      .filter(({ text }) => pattern.test(text))
      .map(({ file }) => file)
    expect(users).toEqual([])
  })

  it('says so, should anything reach a stub', () => {
    expect(() => new ProxyAgent()).toThrow(/getAgentDispatcher\(\) is not available/)
    expect(() => getExecOutput()).toThrow(/core\.platform\.getDetails\(\) is not available/)
  })
})
