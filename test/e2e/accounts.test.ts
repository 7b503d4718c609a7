// Server-to-Server OAuth and several users at once, through the bundled action.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { CONCURRENCY } from '../../src/update.js'
import { expectNoSecret, expectNoStackTrace } from '../support/assertions.js'
import { runStep, type StepResult } from '../support/runner.js'
import { DEMO_APP, DEMO_TOKEN, startZoomServer } from '../support/zoom-server.js'

type Zoom = Awaited<ReturnType<typeof startZoomServer>>
let zoom: Zoom

beforeEach(async () => {
  zoom = await startZoomServer({
    apps: [
      DEMO_APP,
      { ...DEMO_APP, clientId: 'disabled-client-1', clientSecret: 'disabled-secret-77a0', disabled: true },
    ],
  })
})
afterEach(async () => {
  await zoom.close()
})

const credentials = () => ({
  'account-id': DEMO_APP.accountId,
  'client-id': DEMO_APP.clientId,
  'client-secret': DEMO_APP.clientSecret,
  'oauth-url': `${zoom.origin}/oauth/token`,
})

function step(inputs: Record<string, string>): Promise<StepResult> {
  return runStep({
    inputs: { status: 'Presenting', 'base-url': zoom.baseUrl, timeout: '10', ...inputs },
    env: { RUNNER_DEBUG: '1' },
  })
}

/** Neither the client secret nor any token the server issued is readable anywhere. */
function expectNoCredential(result: StepResult, secret = DEMO_APP.clientSecret): void {
  expectNoSecret(result, secret)
  for (const token of zoom.minted) expectNoSecret(result, token)
  expect(result.stdout).toContain(`::add-mask::${secret}`)
}

describe('Server-to-Server OAuth', () => {
  it('mints a token with the account credentials, masks it and uses it', async () => {
    const result = await step({ ...credentials(), user: 'bob@example.com' })

    expect(result.code).toBe(0)
    const [grant, update] = zoom.requests
    expect(grant?.method).toBe('POST')
    expect(grant?.path).toBe('/oauth/token')
    expect(grant?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString('base64')}`,
    )
    expect(grant?.contentType).toBe('application/x-www-form-urlencoded')
    expect(Object.fromEntries(new URLSearchParams(grant?.body))).toEqual({
      grant_type: 'account_credentials',
      account_id: DEMO_APP.accountId,
    })
    expect(zoom.minted).toHaveLength(1)
    expect(update?.headers.authorization).toBe(`Bearer ${zoom.minted[0]}`)
    expect(update?.reply).toBe(204)
    // The minted token is masked before the update that uses it.
    const mask = result.stdout.indexOf(`::add-mask::${zoom.minted[0]}`)
    expect(mask).toBeGreaterThan(-1)
    expect(mask).toBeLessThan(result.stdout.indexOf('::debug::PUT '))
    expectNoCredential(result)
  })

  it('masks every credential before it prints anything else', async () => {
    const result = await step({ ...credentials(), user: 'bob@example.com' })

    expect(result.code).toBe(0)
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      `::add-mask::${DEMO_APP.accountId}`,
      `::add-mask::${DEMO_APP.clientId}`,
      `::add-mask::${DEMO_APP.clientSecret}`,
    ])
    for (const secret of [DEMO_APP.accountId, DEMO_APP.clientId]) expectNoSecret(result, secret)
  })

  it('never quotes the Basic credentials of a token endpoint that echoes them back, in any form', async () => {
    const basic = Buffer.from(`${DEMO_APP.clientId}:${DEMO_APP.clientSecret}`).toString('base64')
    const forms = [basic, basic.replace(/=+$/, ''), encodeURIComponent(basic)]
    // The demo app's credentials pad to '=': the three forms differ.
    expect(new Set(forms).size).toBe(3)
    zoom.fault((req, res) => {
      const sent = (req.headers.authorization ?? '').replace(/^Basic /, '')
      const echoed = [sent, sent.replace(/=+$/, ''), encodeURIComponent(sent)].join(' | ')
      res.writeHead(401, { 'Content-Type': 'application/json' }).end(JSON.stringify({ reason: `Rejected ${echoed}` }))
      return true
    })
    const result = await step({ ...credentials(), user: 'bob@example.com' })

    expect(result.code).toBe(1)
    expect(zoom.updates()).toHaveLength(0)
    // Masked for the runner before the request that carries it, and quoted nowhere.
    expect(result.stdout.indexOf(`::add-mask::${basic}`)).toBeGreaterThan(-1)
    expect(result.outputs.message).toContain('Rejected *** | *** | ***')
    const shown = result.stdout.replace(/^::add-mask::.*\n/gm, '')
    for (const form of forms) {
      // Workflow commands escape % as %25; the runner reads the mask back unescaped.
      expect(result.stdout).toContain(`::add-mask::${form.replaceAll('%', '%25')}\n`)
      expect(shown).not.toContain(form)
      expect(`${result.stderr}${JSON.stringify(result.outputs)}${result.summary}`).not.toContain(form)
    }
    expectNoCredential(result)
  })

  const failures: { name: string; inputs: () => Record<string, string>; fault?: object; words: RegExp }[] = [
    {
      name: 'a wrong client secret',
      inputs: () => ({ ...credentials(), 'client-secret': 'wrong-secret-123456' }),
      words: /rejected the app's credentials: check that 'client-id' and 'client-secret'/,
    },
    {
      name: 'a disabled app',
      inputs: () => ({ ...credentials(), 'client-id': 'disabled-client-1', 'client-secret': 'disabled-secret-77a0' }),
      words: /app is deactivated: activate it in the Zoom App Marketplace/,
    },
    {
      name: 'a wrong account ID',
      inputs: () => ({ ...credentials(), 'account-id': 'some-other-account' }),
      words: /check that 'account-id' is the app's Account ID/,
    },
    {
      name: 'missing fields',
      inputs: credentials,
      fault: { code: 4706, message: 'Missing required field.' },
      words: /check that 'account-id' is the app's Account ID/,
    },
    {
      name: 'a refused grant type',
      inputs: credentials,
      fault: { code: 4705, message: 'Unsupported grant type.' },
      words: /must belong to a Server-to-Server OAuth app/,
    },
    {
      name: 'a token endpoint that cannot be reached',
      inputs: () => ({ ...credentials(), 'oauth-url': 'http://127.0.0.1:9/oauth/token', timeout: '1' }),
      words:
        /^No reply from Zoom's OAuth server: 127\.0\.0\.1:9 refused the connection: check 'oauth-url', and the proxy settings if the runner uses one\. Re-run the job once the server can be reached\.$/,
    },
  ]

  for (const { name, inputs, fault, words } of failures) {
    it(`explains ${name} in one sentence, for every user, and sends no update`, async () => {
      if (fault) {
        zoom.fault((_req, res) => {
          res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify(fault))
          return true
        })
      }
      const result = await step({ ...inputs(), user: 'alice@example.com\nbob@example.com' })

      expect(result.code).toBe(1)
      expect(zoom.updates()).toHaveLength(0)
      const results = JSON.parse(result.outputs.results ?? '[]')
      expect(results).toHaveLength(2)
      for (const row of results) expect(row.message).toMatch(words)
      expect(result.outputs.message).toMatch(
        /^2 of 2 updates failed \(alice@example.com, bob@example.com\); 0 succeeded\. /,
      )
      expect(result.stdout).toMatch(/^::error::2 of 2 updates failed/m)
      expect(result.outputs['http-status']).toBe('')
      expectNoCredential(result, inputs()['client-secret'])
      expectNoStackTrace(result)
    })
  }

  it('mints one fresh token and retries once when a parallel run made the token invalid', async () => {
    zoom.fault((_req, _res) => {
      // The grant goes through; then another run's grant revokes this one.
      queueMicrotask(() =>
        zoom.fault(() => {
          zoom.revokeMinted()
          return false
        }),
      )
      return false
    })
    const result = await step({ ...credentials(), user: 'bob@example.com' })

    expect(result.code).toBe(0)
    expect(zoom.requests.map((r) => `${r.method} ${r.path} ${r.reply}`)).toEqual([
      'POST /oauth/token 200',
      'PUT /v2/users/bob@example.com/presence_status 401',
      'POST /oauth/token 200',
      'PUT /v2/users/bob@example.com/presence_status 204',
    ])
    expect(zoom.minted).toHaveLength(2)
    expect(zoom.updates()[1]?.headers.authorization).toBe(`Bearer ${zoom.minted[1]}`)
    expect(result.stdout).toContain('retrying once with a new token')
    expectNoCredential(result)
  })

  it('shows no piece of a minted token that Zoom quotes across the 200-character cut', async () => {
    zoom.fault(() => false) // the grant goes through
    zoom.fault((_req, res) => {
      const message = `${'x'.repeat(190)}${zoom.minted[0]}`
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 9999, message }))
      return true
    })
    const result = await step({ ...credentials(), user: 'bob@example.com' })

    expect(result.code).toBe(1)
    expect(result.outputs.message).toContain(`Zoom said: "${'x'.repeat(190)}***"`)
    const piece = (zoom.minted[0] ?? '').slice(0, 10)
    expect(piece).toHaveLength(10)
    expect(JSON.stringify(result.outputs)).not.toContain(piece)
    expect(result.summary).not.toContain(piece)
    expect(result.stdout.replace(/^::add-mask::.*$/gm, '')).not.toContain(piece)
    expectNoCredential(result)
  })

  it('renews a minted token only once', async () => {
    // Every grant is revoked as soon as it is used.
    for (let i = 0; i < 4; i++)
      zoom.fault(() => {
        zoom.revokeMinted()
        return false
      })
    const result = await step({ ...credentials(), user: 'bob@example.com' })

    expect(result.code).toBe(1)
    expect(zoom.minted).toHaveLength(2)
    expect(zoom.updates().map((u) => u.reply)).toEqual([401, 401])
    expect(result.outputs['zoom-code']).toBe('124')
    // No 'token' input was given: the explanation names the credentials.
    expect(result.outputs.message).toMatch(/^Zoom rejected the access tokens minted with the app's credentials/)
    expect(result.outputs.message).not.toContain("'token'")
  })

  it('warns that Zoom advises a user ID or email instead of "me" with account credentials', async () => {
    const result = await step({ ...credentials(), user: 'me' })

    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(
      /^::warning::Input 'user' is 'me', which Zoom advises against with account credentials/m,
    )
  })
})

describe('mixed authentication inputs', () => {
  const cases: { name: string; inputs: () => Record<string, string>; words: string }[] = [
    {
      name: 'a token and credentials',
      inputs: () => ({ token: DEMO_TOKEN, ...credentials() }),
      words:
        "Inputs 'token', 'account-id', 'client-id' and 'client-secret' were given together: pass either 'token', or 'account-id', 'client-id' and 'client-secret' of a Server-to-Server OAuth app, not both.",
    },
    {
      name: 'a token and one credential',
      inputs: () => ({ token: DEMO_TOKEN, 'client-id': DEMO_APP.clientId }),
      words: "Inputs 'token' and 'client-id' were given together",
    },
    {
      name: 'only some credentials',
      inputs: () => ({ 'client-id': DEMO_APP.clientId, 'client-secret': DEMO_APP.clientSecret }),
      words:
        "Input 'account-id' is missing: Server-to-Server OAuth needs 'account-id', 'client-id' and 'client-secret' together.",
    },
    {
      name: 'one credential',
      inputs: () => ({ 'account-id': DEMO_APP.accountId }),
      words: "Inputs 'client-id' and 'client-secret' are missing",
    },
    {
      name: 'neither',
      inputs: () => ({}),
      words: "Input 'token' is required, unless 'account-id', 'client-id' and 'client-secret' are given",
    },
  ]
  for (const { name, inputs, words } of cases) {
    it(`refuses ${name} before any request`, async () => {
      const result = await step(inputs())

      expect(result.code).toBe(1)
      expect(zoom.requests).toHaveLength(0)
      expect(result.stdout).toContain(`::error::${words}`)
      expectNoSecret(result, DEMO_APP.clientSecret)
      expectNoSecret(result, DEMO_TOKEN)
    })
  }
})

describe('several users', () => {
  it('updates each user, fails the step for the unknown one, and reports all three', async () => {
    const result = await step({
      token: DEMO_TOKEN,
      user: 'alice@example.com, nobody@example.com\nbob@example.com',
    })

    expect(result.code).toBe(1)
    expect(
      zoom
        .updates()
        .map((u) => `${u.user} ${u.reply}`)
        .sort(),
    ).toEqual(['alice@example.com 204', 'bob@example.com 204', 'nobody@example.com 404'])
    const results = JSON.parse(result.outputs.results ?? '[]')
    expect(results.map((r: { user: string; ok: boolean }) => [r.user, r.ok])).toEqual([
      ['alice@example.com', true],
      ['nobody@example.com', false],
      ['bob@example.com', true],
    ])
    expect(result.outputs['http-status']).toBe('404')
    expect(result.outputs['zoom-code']).toBe('1001')
    expect(result.outputs.message).toMatch(
      /^1 of 3 updates failed \(nobody@example.com\); 2 succeeded\. Zoom has no user "nobody@example.com"/,
    )
    expect(result.stdout).toMatch(/^::error::1 of 3 updates failed \(nobody@example.com\)/m)
    for (const user of ['alice@example.com', 'nobody@example.com', 'bob@example.com']) {
      expect(result.summary).toContain(`<td>${user}</td>`)
    }
    expect(result.summary.match(/✅ updated/g)).toHaveLength(2)
    expect(result.summary).toContain('❌ failed (HTTP 404)')
  })

  it('ignores blank entries and repeats, comparing emails without case', async () => {
    const result = await step({
      token: DEMO_TOKEN,
      user: '\n alice@example.com ,,\n\nALICE@example.com, bob@example.com\n bob@example.com \n',
    })

    expect(result.code).toBe(0)
    expect(
      zoom
        .updates()
        .map((u) => u.user)
        .sort(),
    ).toEqual(['alice@example.com', 'bob@example.com'])
    expect(JSON.parse(result.outputs.results ?? '[]')).toHaveLength(2)
    expect(result.stdout).toContain('Setting the presence of alice@example.com, bob@example.com to Presenting')
  })

  it('shares one minted token across every user', async () => {
    const result = await step({ ...credentials(), user: 'alice@example.com,bob@example.com' })

    expect(result.code).toBe(0)
    expect(zoom.minted).toHaveLength(1)
    expect(new Set(zoom.updates().map((u) => u.headers.authorization))).toEqual(new Set([`Bearer ${zoom.minted[0]}`]))
  })

  it(`keeps at most ${CONCURRENCY} requests in flight`, async () => {
    const users = Array.from({ length: 3 * CONCURRENCY }, (_, i) => `user${i}@example.com`)
    for (const [i, email] of users.entries()) zoom.users.push({ id: `u-many-${i}`, email })
    // Each answer is held a while, so requests that may overlap do.
    for (const _ of users) zoom.fault(() => new Promise((done) => setTimeout(() => done(false), 150)))
    const result = await step({ token: DEMO_TOKEN, user: users.join(',') })

    expect(result.code).toBe(0)
    expect(zoom.updates().map((u) => u.reply)).toEqual(users.map(() => 204))
    expect(zoom.peakInFlight()).toBe(CONCURRENCY)
  })
})
