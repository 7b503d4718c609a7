import { describe, expect, it, vi } from 'vitest'
import { EXIT, main } from '../../src/cli/main.js'

const TOKEN = 'eyJhbGciOiJIUzUxMiJ9.command-line-token'

// Whatever goes wrong inside the shared core, the command must still end in one line.
vi.mock('../../src/presence.js', () => ({
  setPresence: vi.fn(async () => {
    throw new TypeError(`Cannot read properties of undefined\n    at ${TOKEN} (core.js:1:1)`)
  }),
}))

describe('zoom-presence, when something unexpected throws', () => {
  it('prints one clear line without the stack or a secret, and exits 1', async () => {
    const stdout: string[] = []
    const stderr: string[] = []
    const code = await main({
      argv: ['--status', 'Away', '--quiet'],
      env: { ZOOM_TOKEN: TOKEN },
      stdout: (text) => stdout.push(text),
      stderr: (text) => stderr.push(text),
      version: '0.0.0',
    })

    expect(code).toBe(EXIT.failed)
    expect(stdout).toEqual([])
    expect(stderr).toEqual([
      'error: zoom-presence failed unexpectedly: Cannot read properties of undefined at *** (core.js:1:1)\n',
    ])
  })
})
