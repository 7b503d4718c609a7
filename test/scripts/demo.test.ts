// npm run demo is the first command the README gives a newcomer: it must
// work, show what it promises, and show no credential.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ROOT } from '../support/runner.js'
import { DEMO_APP, DEMO_TOKEN } from '../support/zoom-server.js'

describe('scripts/demo.mjs', () => {
  it('runs its three steps as a runner shows them, and prints no credential', () => {
    const demo = spawnSync(process.execPath, [join(ROOT, 'scripts/demo.mjs')], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, RUNNER_DEBUG: '1' },
    })
    expect(demo.status).toBe(0)
    const printed = demo.stdout + demo.stderr
    expect(printed.match(/^--- step (passed|failed \(exit code 1\))$/gm)).toEqual([
      '--- step passed',
      '--- step failed (exit code 1)',
      '--- step passed',
    ])
    expect(printed).toContain('Set the presence of alice@example.com to Do_Not_Disturb for 45 minutes.')
    expect(printed).toContain('zoom-code: 5301')
    expect(printed).toContain('The server now shows alice@example.com as Do_Not_Disturb.')
    // Groups are rendered, as a runner renders them, not printed as commands.
    expect(printed).not.toMatch(/^::/m)
    expect(printed).toContain('"client-id":"***"')
    for (const secret of [DEMO_TOKEN, DEMO_APP.accountId, DEMO_APP.clientId, DEMO_APP.clientSecret]) {
      expect(printed).not.toContain(secret)
    }
  })
})
