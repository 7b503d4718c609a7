// The bundled command, started as a CI job starts it, against the
// Zoom-compatible server.
import { spawn } from 'node:child_process'
import { createServer as createNetServer } from 'node:net'
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
  durationMs: number
}

function cli(args: string[], env: Record<string, string> = { ZOOM_TOKEN: DEMO_TOKEN }): Promise<Ran> {
  const started = performance.now()
  const child = spawn(runtimeNode(), [join(ROOT, 'dist/cli.js'), ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (c) => (stdout += c))
  child.stderr.on('data', (c) => (stderr += c))
  return new Promise((done) =>
    child.on('close', (code) => done({ code, stdout, stderr, durationMs: performance.now() - started })),
  )
}

const base = () => ['--base-url', zoom.baseUrl, '--timeout', '5']

function expectNoSecret(ran: Ran, secret: string): void {
  expect(ran.stdout).not.toContain(secret)
  expect(ran.stderr).not.toContain(secret)
}

describe('zoom-presence', () => {
  it('updates each user, by commas or a repeated --user, repeats dropped, and prints one line per user', async () => {
    const ran = await cli([
      '--status',
      'do not disturb',
      '--duration',
      '30',
      '-u',
      'alice@example.com',
      '--user',
      'bob@example.com,Alice@example.com',
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

/** A port on 127.0.0.1 that nothing listens on: bound by this process, then closed. */
async function closedPort(): Promise<number> {
  const server = createNetServer()
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  await new Promise((done) => server.close(() => done(undefined)))
  return port
}

/** `text` as a regular expression's source that matches it literally. */
function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const tooMany = JSON.stringify({ code: 429, message: 'Too many requests.' })
/** Answers the next request with this status, headers and body. */
function answerOnce(status: number, headers: Record<string, string> = {}, body = '') {
  zoom.fault((_req, res) => {
    res.writeHead(status, headers).end(body)
    return true
  })
}

const EXPIRED_TOKEN = 'expired-token-4c1d9a7e2b'
const READ_ONLY_TOKEN = 'read-only-token-8e2f6b1c3a'

describe('each failure the command explains, exiting 1, in one line per user and with --json', () => {
  interface Failure {
    name: string
    args: string[]
    env?: Record<string, string>
    /** Readies the server before each of the two runs. */
    prepare?: () => void | Promise<void>
    user: string
    httpStatus: number | null
    zoomCode: number | null
    /** The explanation, in the line and in the object. */
    message: RegExp
    /** Requests the server receives in each run. */
    requests: number
    /** The retries the run without --quiet reports on standard error. */
    retries?: RegExp[]
    /** Most milliseconds a run may take: its --timeout, or less where nothing is waited for. */
    withinMs: number
  }
  const failures: Failure[] = [
    {
      name: 'a 429 whose Retry-After is longer than --timeout',
      args: ['-u', 'bob@example.com', '--timeout', '5'],
      prepare: () => answerOnce(429, { 'Retry-After': '120' }, tooMany),
      user: 'bob@example.com',
      httpStatus: 429,
      zoomCode: 429,
      message: new RegExp(
        `^${literal(
          `Zoom's rate limit was hit, and Zoom asked for a wait longer than a user's one minute: a limit of the account's. Zoom said: "Too many requests." Zoom asked to wait 120 s (Retry-After); that and one more request do not fit in the `,
        )}[45]\\.\\d${literal(' s left of the timeout, so it did not wait: raise --timeout to let it wait.')}$`,
      ),
      requests: 1,
      // It does not wait at all.
      withinMs: 3_000,
    },
    {
      name: 'a 5xx that persists, after retrying it',
      // A retry fits in 2.5 s (a backoff of at most 1 s, then a second to send it); a second
      // retry, after a backoff of 1 s at least, does not: two requests.
      args: ['-u', 'bob@example.com', '--timeout', '2.5'],
      prepare: () => {
        for (let i = 0; i < 3; i++) answerOnce(503, { 'Content-Type': 'text/html' }, '<h1>Service Unavailable</h1>')
      },
      user: 'bob@example.com',
      httpStatus: 503,
      zoomCode: null,
      message:
        /^Zoom had a server error \(HTTP 503\): the problem is on Zoom's side, so re-run the job later\. Not retried: only (?:1\.[5-9]|2\.0) s of the timeout was left\.$/,
      requests: 2,
      retries: [
        /^PUT \/v2\/users\/bob@example\.com\/presence_status: Zoom answered HTTP 503; retrying in (?:0\.[5-9]|1\.0) s \(attempt 2\)\.$/m,
      ],
      withinMs: 2_500 + 1_000,
    },
    {
      name: 'an expired token',
      args: ['-u', 'bob@example.com'],
      env: { ZOOM_TOKEN: EXPIRED_TOKEN },
      prepare: () => {
        zoom.tokens[EXPIRED_TOKEN] = {
          user: 'KDcuGIm1QgePTO8WbOqwIQ',
          scopes: ['user:update:presence_status:admin'],
          expired: true,
        }
      },
      user: 'bob@example.com',
      httpStatus: 401,
      zoomCode: 124,
      message: new RegExp(
        `^${literal(
          'The access token has expired (Zoom tokens live one hour): issue a new one and pass it in the ZOOM_TOKEN environment variable, or use Server-to-Server OAuth credentials, with which a token is minted for every run. Zoom said: "Access token is expired."',
        )}$`,
      ),
      requests: 1,
      withinMs: 3_000,
    },
    {
      name: 'a token without the scope to update presence',
      args: ['-u', 'bob@example.com'],
      env: { ZOOM_TOKEN: READ_ONLY_TOKEN },
      prepare: () => {
        zoom.tokens[READ_ONLY_TOKEN] = { user: 'KDcuGIm1QgePTO8WbOqwIQ', scopes: ['user:read:admin'] }
      },
      user: 'bob@example.com',
      httpStatus: 401,
      zoomCode: 4711,
      message: new RegExp(
        `^${literal(
          'The token lacks the scope to update presence: give the Zoom app the scope user:update:presence_status:admin (or user:write:admin; without :admin for a user-level app) and issue a new token. Zoom said: "Invalid access token, does not contain scopes:[user:update:presence_status:admin]."',
        )}$`,
      ),
      requests: 1,
      withinMs: 3_000,
    },
    {
      name: 'an unknown user',
      args: ['-u', 'nobody@example.com'],
      user: 'nobody@example.com',
      httpStatus: 404,
      zoomCode: 1001,
      message: new RegExp(
        `^${literal(
          'Zoom has no user "nobody@example.com": check the user ID or email, and that the user belongs to the app\'s account. Zoom said: "User does not exist: nobody@example.com."',
        )}$`,
      ),
      requests: 1,
      withinMs: 3_000,
    },
  ]
  for (const failure of failures) {
    it(`explains ${failure.name}`, async () => {
      const env = failure.env ?? { ZOOM_TOKEN: DEMO_TOKEN }
      const args = ['-s', 'Presenting', '--base-url', zoom.baseUrl, ...failure.args]
      const expected = {
        user: failure.user,
        status: 'Presenting',
        ok: false,
        httpStatus: failure.httpStatus,
        zoomCode: failure.zoomCode,
        message: expect.stringMatching(failure.message),
      }

      await failure.prepare?.()
      const lines = await cli(args, env)

      expect(lines.code).toBe(1)
      expect(zoom.requests).toHaveLength(failure.requests)
      const [line, ...more] = lines.stdout.split('\n')
      expect(more).toEqual([''])
      expect(line).toMatch(new RegExp(`^failed {2}${literal(failure.user)} {2}`))
      expect(line?.slice(`failed  ${failure.user}  `.length)).toMatch(failure.message)
      expect(lines.stderr).toContain(`Setting the presence of ${failure.user} to Presenting…`)
      for (const retry of failure.retries ?? []) expect(lines.stderr).toMatch(retry)
      expect(lines.stderr.match(/retrying in/g) ?? []).toHaveLength(failure.retries?.length ?? 0)
      expect(lines.durationMs).toBeLessThan(failure.withinMs)

      await failure.prepare?.()
      const json = await cli([...args, '--json', '--quiet'], env)

      expect(json.code).toBe(1)
      expect(zoom.requests).toHaveLength(2 * failure.requests)
      expect(JSON.parse(json.stdout)).toEqual([expected])
      expect(json.stderr).toBe('')
      expect(json.durationMs).toBeLessThan(failure.withinMs)

      for (const ran of [lines, json]) {
        expect(`${ran.stdout}${ran.stderr}`).not.toMatch(/^\s+at /m)
        expect(`${ran.stdout}${ran.stderr}`).not.toContain("'timeout'")
        for (const secret of Object.values(env)) expectNoSecret(ran, secret)
      }
    })
  }

  it('explains a refused connection after retrying it once, in one line and with --json', async () => {
    const port = await closedPort()
    const url = `http://127.0.0.1:${port}/v2`
    // As for a 5xx: one retry fits in 2.5 s, a second does not.
    const args = ['-s', 'Presenting', '-u', 'bob@example.com', '--base-url', url, '--timeout', '2.5']
    const message = `No reply from Zoom: 127.0.0.1:${port} refused the connection: check --base-url, and the proxy settings if the runner uses one. Re-run the job once the server can be reached.`

    const lines = await cli(args)
    const json = await cli([...args, '--json', '--quiet'])

    expect(lines.code).toBe(1)
    expect(lines.stdout).toBe(`failed  bob@example.com  ${message}\n`)
    expect(lines.stderr).toMatch(
      /^PUT \/v2\/users\/bob@example\.com\/presence_status: no reply \(ECONNREFUSED\); retrying in (?:0\.[5-9]|1\.0) s \(attempt 2\)\.$/m,
    )
    expect(lines.stderr.match(/retrying in/g)).toHaveLength(1)
    expect(json.code).toBe(1)
    expect(JSON.parse(json.stdout)).toEqual([
      { user: 'bob@example.com', status: 'Presenting', ok: false, httpStatus: null, zoomCode: null, message },
    ])
    expect(json.stderr).toBe('')
    for (const ran of [lines, json]) {
      // The retry waited at least half a second; the whole run fits in its --timeout.
      expect(ran.durationMs).toBeGreaterThanOrEqual(500)
      expect(ran.durationMs).toBeLessThan(2_500 + 1_000)
      expect(`${ran.stdout}${ran.stderr}`).not.toMatch(/^\s+at /m)
      expectNoSecret(ran, DEMO_TOKEN)
    }
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
    {
      name: 'a stray word after --user, which is no second user',
      args: ['--user', 'alice@example.com', 'presenting', '-s', 'dnd'],
      words: 'error: too many arguments. Expected 0 arguments but got 1.',
    },
    {
      name: 'a --user with no user in it',
      args: ['-s', 'Away', '--user', ' , '],
      words: 'error: --user is empty: name a Zoom user ID or email',
    },
    { name: 'an unknown option', args: ['-s', 'Away', '--colour', 'blue'], words: "error: unknown option '--colour'" },
    {
      name: 'a secret given to a mistyped option, which is not repeated',
      args: ['-s', 'Away', '--zoom-token=cleartext-token-123'],
      words: "error: unknown option '--zoom-token=…'",
    },
    {
      name: 'a mistyped option whose value holds a quote',
      args: ['-s', 'Away', "--tokn=abc'cleartext-token-123"],
      words: "error: unknown option '--tokn=…'\n",
    },
    {
      name: 'an unknown short option with its value attached',
      args: ['-s', 'Away', '-tcleartext-token-123'],
      words: "error: unknown option '-t…'\n",
    },
    {
      name: 'a secret from the environment that commander would quote back',
      args: ['-s', 'Away', '--body-format', DEMO_TOKEN],
      words: 'error: --body-format is "***": use multipart or json.',
    },
    {
      name: 'an option named like a property every object has',
      args: ['-s', 'Away', '--constructor'],
      words: "error: unknown option '--constructor'",
    },
    {
      name: 'another such option',
      args: ['-s', 'Away', '--toString=x'],
      words: "error: unknown option '--toString=…'",
    },
    {
      name: 'a body format that does not exist',
      args: ['-s', 'Away', '--body-format', 'xml'],
      words: 'error: --body-format is "xml": use multipart or json.',
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

  it('takes --body-format in any case, as the action takes its input', async () => {
    const ran = await cli(['-s', 'Away', '-u', 'bob@example.com', '--body-format', 'JSON', ...base()])

    expect(ran.code).toBe(0)
    expect(zoom.updates().map((u) => u.contentType)).toEqual(['application/json'])
  })

  it('passes when its reader closes the pipe early, as `| head -c0` does, with no stack trace', async () => {
    const child = spawn(
      runtimeNode(),
      [join(ROOT, 'dist/cli.js'), '-s', 'Away', '-u', 'alice@example.com,bob@example.com', '--json', ...base()],
      { env: { PATH: process.env.PATH ?? '', ZOOM_TOKEN: DEMO_TOKEN }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    child.stdout.destroy()
    let stderr = ''
    child.stderr.on('data', (c) => (stderr += c))
    const code = await new Promise((done) => child.on('close', done))

    expect(code).toBe(0)
    expect(zoom.updates().map((u) => u.reply)).toEqual([204, 204])
    expect(stderr).not.toMatch(/EPIPE|^\s+at /m)
  })

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

  it('installs from its tarball and runs as zoom-presence through npx', { timeout: 120_000 }, async () => {
    const { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    // Without the settings `npm test` or `npx vitest` hand down: npm_config_local_prefix would
    // point the install at this repository. Where the cache and the registry are set, they stay.
    const kept = ['npm_config_cache', 'npm_config_userconfig', 'npm_config_globalconfig', 'npm_config_registry']
    const env: Record<string, string> = {}
    for (const [name, value] of Object.entries(process.env)) {
      if (value === undefined || /^ZOOM_/i.test(name)) continue
      if (!/^npm_/i.test(name) || kept.includes(name.toLowerCase())) env[name] = value
    }
    const run = (command: string, args: string[], cwd: string, more: Record<string, string> = {}) =>
      new Promise<Ran>((done) => {
        const started = performance.now()
        const child = spawn(command, args, { cwd, env: { ...env, ...more }, stdio: ['ignore', 'pipe', 'pipe'] })
        let stdout = ''
        let stderr = ''
        child.stdout.on('data', (c) => (stdout += c))
        child.stderr.on('data', (c) => (stderr += c))
        const timer = setTimeout(() => child.kill('SIGKILL'), 100_000)
        child.on('close', (code) => {
          clearTimeout(timer)
          done({ code, stdout, stderr, durationMs: performance.now() - started })
        })
      })
    const home = mkdtempSync(join(tmpdir(), 'zoom-presence-pack-'))
    try {
      const packs = join(home, 'packs')
      const consumer = join(home, 'consumer')
      mkdirSync(packs)
      mkdirSync(consumer)
      const pack = await run('npm', ['pack', '--pack-destination', packs, '--ignore-scripts', '--silent'], ROOT)
      expect(pack, pack.stderr).toMatchObject({ code: 0 })
      const [tarball = '', ...others] = readdirSync(packs)
      expect(others).toEqual([])
      expect(tarball).toMatch(/^zoom-presence-\d+\.\d+\.\d+\.tgz$/)
      writeFileSync(
        join(consumer, 'package.json'),
        JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }),
      )
      // The bundle needs none of the runtime dependencies, but npm installs them: from its
      // cache, which `npm ci` filled, and from the registry only when they are missing there.
      const install = await run(
        'npm',
        [
          'install',
          join(packs, tarball),
          '--prefix',
          consumer,
          '--no-audit',
          '--no-fund',
          '--ignore-scripts',
          '--prefer-offline',
        ],
        consumer,
      )
      expect(install, install.stderr).toMatchObject({ code: 0 })

      // --offline: without the bin in node_modules it fails, and never asks the registry for a
      // package of that name, which on npm is not this project's.
      const npx = ['--offline', '--no-install', 'zoom-presence']
      const version = await run('npx', [...npx, '--version'], consumer)
      const { version: packed } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
      expect(version).toMatchObject({ code: 0, stdout: `${packed}\n` })

      const dry = await run(
        'npx',
        [...npx, '--dry-run', '--status', 'presenting', '--user', 'a@example.com', '--base-url', zoom.baseUrl],
        consumer,
        { ZOOM_TOKEN: DEMO_TOKEN },
      )
      expect(dry.code, dry.stderr).toBe(0)
      expect(dry.stdout).toBe(
        'ok  a@example.com  Dry run: would set the presence of a@example.com to Presenting; nothing was sent.\n',
      )
      expect(dry.stderr).toContain(
        `Dry run: would send PUT ${zoom.baseUrl}/users/a@example.com/presence_status as multipart/form-data with status=Presenting`,
      )
      expectNoSecret(dry, DEMO_TOKEN)
      expect(zoom.requests).toHaveLength(0)
    } finally {
      rmSync(home, { recursive: true, force: true })
    }
  })
})
