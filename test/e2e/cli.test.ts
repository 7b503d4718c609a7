// The bundled command, started as a CI job starts it, against the
// Zoom-compatible server.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ROOT, runtimeNode } from '../support/runner.js'
import { DEMO_APP, DEMO_TOKEN, startZoomServer } from '../support/zoom-server.js'

type Zoom = Awaited<ReturnType<typeof startZoomServer>>
let zoom: Zoom

beforeEach(async () => {
  zoom = await startZoomServer()
})
afterEach(async () => {
  await zoom.close()
})

interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

function cli(args: string[], env: Record<string, string> = { ZOOM_TOKEN: DEMO_TOKEN }): Promise<Ran> {
  const child = spawn(runtimeNode(), [join(ROOT, 'dist/cli.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c) => (stdout += c))
  child.stderr.on('data', (c) => (stderr += c))
  return new Promise((done) => child.on('close', (code) => done({ code, stdout, stderr })))
}

const base = () => ['--base-url', zoom.baseUrl, '--timeout', '5']

function expectNoSecret(ran: Ran, secret: string): void {
  expect(ran.stdout).not.toContain(secret)
  expect(ran.stderr).not.toContain(secret)
}

describe('zoom-presence', () => {
  it('updates each user and prints one line per user', async () => {
    const ran = await cli([
      '--status',
      'do not disturb',
      '--duration',
      '30',
      '--user',
      'alice@example.com,bob@example.com',
      ...base(),
    ])

    expect(ran.code).toBe(0)
    expect(ran.stdout).toBe(
      'ok  alice@example.com  Set the presence of alice@example.com to Do_Not_Disturb for 30 minutes.\n' +
        'ok  bob@example.com  Set the presence of bob@example.com to Do_Not_Disturb for 30 minutes.\n',
    )
    expect(ran.stderr).toContain('Setting')
    expect(zoom.updates().map((u) => u.fields)).toEqual([
      { status: 'Do_Not_Disturb', duration: '30' },
      { status: 'Do_Not_Disturb', duration: '30' },
    ])
    expect(zoom.updates()[0]?.headers.authorization).toBe(`Bearer ${DEMO_TOKEN}`)
    expectNoSecret(ran, DEMO_TOKEN)
  })

  it("prints the action's results array with --json, and exits 1 when any update failed", async () => {
    const ran = await cli([
      '-s',
      'Away',
      '-u',
      'bob@example.com',
      '-u',
      'nobody@example.com',
      '--json',
      '--quiet',
      ...base(),
    ])

    expect(ran.code).toBe(1)
    const results = JSON.parse(ran.stdout)
    expect(results).toMatchObject([
      { user: 'bob@example.com', status: 'Away', ok: true, httpStatus: 204, zoomCode: null },
      { user: 'nobody@example.com', status: 'Away', ok: false, httpStatus: 404, zoomCode: 1001 },
    ])
    expect(results[1].message).toMatch(/^Zoom has no user "nobody@example.com"/)
    expect(ran.stderr).toBe('')
  })

  const failures: { name: string; args: string[]; env?: Record<string, string>; words: RegExp }[] = [
    {
      name: 'a signed-out user',
      args: ['-u', 'carol@example.com'],
      words: /^failed {2}carol@example.com {2}Zoom could not update .*not signed in/,
    },
    {
      name: 'a user outside the account',
      args: ['-u', 'dave@elsewhere.example'],
      words: /^failed {2}dave@elsewhere.example {2}The token may not update/,
    },
    {
      name: 'an invalid token',
      args: ['-u', 'bob@example.com'],
      env: { ZOOM_TOKEN: 'not-a-valid-token-123' },
      words: /^failed {2}bob@example.com {2}Zoom rejected the access token as invalid: check that ZOOM_TOKEN holds/,
    },
    {
      name: 'wrong app credentials',
      args: ['-u', 'bob@example.com'],
      env: {
        ZOOM_ACCOUNT_ID: DEMO_APP.accountId,
        ZOOM_CLIENT_ID: DEMO_APP.clientId,
        ZOOM_CLIENT_SECRET: 'wrong-secret-000111',
      },
      words:
        /^failed {2}bob@example.com {2}Zoom rejected the app's credentials: check that ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET are/,
    },
    {
      name: 'a server that cannot be reached',
      args: ['-u', 'bob@example.com', '--base-url', 'http://127.0.0.1:9/v2', '--timeout', '1'],
      words:
        /^failed {2}bob@example.com {2}No reply from Zoom: 127\.0\.0\.1:9 refused the connection: check --base-url,/,
    },
    {
      name: 'a token endpoint that cannot be reached',
      args: ['-u', 'bob@example.com', '--timeout', '1', '--oauth-url', 'http://127.0.0.1:9/oauth/token'],
      env: {
        ZOOM_ACCOUNT_ID: DEMO_APP.accountId,
        ZOOM_CLIENT_ID: DEMO_APP.clientId,
        ZOOM_CLIENT_SECRET: DEMO_APP.clientSecret,
      },
      words:
        /^failed {2}bob@example.com {2}No reply from Zoom's OAuth server: 127\.0\.0\.1:9 refused the connection: check --oauth-url,/,
    },
  ]
  for (const { name, args, env, words } of failures) {
    it(`explains ${name} and exits 1`, async () => {
      const ran = await cli(['-s', 'Presenting', ...base(), '--oauth-url', `${zoom.origin}/oauth/token`, ...args], env)

      expect(ran.code).toBe(1)
      expect(ran.stdout).toMatch(words)
      expect(ran.stdout.trim().split('\n')).toHaveLength(1)
      expect(`${ran.stdout}${ran.stderr}`).not.toMatch(/^\s+at /m)
      for (const secret of Object.values(env ?? { ZOOM_TOKEN: DEMO_TOKEN })) expectNoSecret(ran, secret)
    })
  }

  it('mints a token from the Server-to-Server credentials in the environment', async () => {
    const ran = await cli(
      ['-s', 'Busy', '-u', 'bob@example.com', ...base(), '--oauth-url', `${zoom.origin}/oauth/token`],
      {
        ZOOM_ACCOUNT_ID: DEMO_APP.accountId,
        ZOOM_CLIENT_ID: DEMO_APP.clientId,
        ZOOM_CLIENT_SECRET: DEMO_APP.clientSecret,
        ZOOM_PRESENCE_DEBUG: '1',
      },
    )

    expect(ran.code).toBe(0)
    expect(zoom.minted).toHaveLength(1)
    expect(zoom.updates()[0]?.headers.authorization).toBe(`Bearer ${zoom.minted[0]}`)
    expect(ran.stderr).toContain('debug: PUT')
    expectNoSecret(ran, DEMO_APP.clientSecret)
    expectNoSecret(ran, zoom.minted[0] ?? '')
  })

  it('sends nothing with --dry-run', async () => {
    const ran = await cli(['-s', 'dnd', '-d', '15', '-u', 'bob@example.com', '--dry-run', ...base()])

    expect(ran.code).toBe(0)
    expect(zoom.requests).toHaveLength(0)
    expect(ran.stderr).toContain(
      `Dry run: would send PUT ${zoom.baseUrl}/users/bob@example.com/presence_status as multipart/form-data with status=Do_Not_Disturb, duration=15`,
    )
    expect(ran.stdout).toMatch(/^ok {2}bob@example.com {2}Dry run: would set/)
  })
})

describe('bad usage exits 2 before any request', () => {
  const cases: { name: string; args: string[]; env?: Record<string, string>; words: string }[] = [
    {
      name: 'an unknown status',
      args: ['-s', 'Vacation'],
      words: 'error: --status is "Vacation", which is not a status Zoom can set',
    },
    {
      name: 'a duration out of range',
      args: ['-s', 'dnd', '-d', '1441'],
      words: 'error: --duration is "1441": use a whole number of minutes from 1 to 1440',
    },
    { name: 'no status', args: [], words: 'error: --status is required' },
    {
      name: 'no token',
      args: ['-s', 'Away'],
      env: {},
      words: 'error: ZOOM_TOKEN is required, unless ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET are given',
    },
    {
      name: 'a token and credentials',
      args: ['-s', 'Away'],
      env: { ZOOM_TOKEN: DEMO_TOKEN, ZOOM_CLIENT_ID: 'x' },
      words: 'error: ZOOM_TOKEN and ZOOM_CLIENT_ID were given together',
    },
    {
      name: 'a token on the command line',
      args: ['-s', 'Away', '--token', 'cleartext-token-123'],
      words: 'error: --token is not accepted on the command line, where others can read it: set ZOOM_TOKEN instead.',
    },
    { name: 'an unknown option', args: ['-s', 'Away', '--colour', 'blue'], words: "error: unknown option '--colour'" },
    {
      name: 'an option named like a property every object has',
      args: ['-s', 'Away', '--constructor'],
      words: "error: unknown option '--constructor'",
    },
    {
      name: 'another such option',
      args: ['-s', 'Away', '--toString=x'],
      words: "error: unknown option '--toString=x'",
    },
    {
      name: 'a body format that does not exist',
      args: ['-s', 'Away', '--body-format', 'xml'],
      words: "error: option '--body-format <format>' argument 'xml' is invalid",
    },
  ]
  for (const { name, args, env, words } of cases) {
    it(`for ${name}`, async () => {
      const ran = await cli([...args, ...base()], env)

      expect(ran.code).toBe(2)
      expect(ran.stderr).toContain(words)
      expect(ran.stdout).toBe('')
      expect(zoom.requests).toHaveLength(0)
      expect(ran.stderr).not.toContain('cleartext-token-123')
    })
  }

  it('prints help and the version, exiting 0', async () => {
    const help = await cli(['--help'])
    const version = await cli(['--version'])

    expect(help.code).toBe(0)
    expect(help.stdout).toContain('Usage: zoom-presence [options]')
    expect(help.stdout).toContain('ZOOM_CLIENT_SECRET')
    const options = help.stdout.replace(/\s+/g, ' ')
    expect(options).toContain('--base-url <url> Zoom\'s API root (default: "https://api.zoom.us/v2")')
    expect(options).toContain('(choices: "multipart", "json", default: "multipart")')
    expect(options).toContain('retries included (default: "90")')
    expect(version.code).toBe(0)
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('the package', () => {
  it('ships the command as its bin, with the bundle and action.yml', async () => {
    const { execFileSync } = await import('node:child_process')
    const { readFileSync } = await import('node:fs')
    const [packed] = JSON.parse(
      execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' }),
    )
    const files = packed.files.map((f: { path: string }) => f.path)
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))

    expect(pkg.bin).toEqual({ 'zoom-presence': 'dist/cli.js' })
    expect(files).toEqual(expect.arrayContaining(['dist/cli.js', 'dist/index.js', 'dist/package.json', 'action.yml']))
    expect(files.some((f: string) => f.startsWith('src/') || f.startsWith('test/'))).toBe(false)
    expect(readFileSync(join(ROOT, 'dist/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
  })
})
