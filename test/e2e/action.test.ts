// The bundled action, started as a runner starts it, against the
// Zoom-compatible server on 127.0.0.1.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { expectNoSecret, expectNoStackTrace } from '../support/assertions.js'
import { runStep, type StepResult } from '../support/runner.js'
import { DEMO_TOKEN, startZoomServer } from '../support/zoom-server.js'

type Zoom = Awaited<ReturnType<typeof startZoomServer>>
let zoom: Zoom

beforeEach(async () => {
  zoom = await startZoomServer({
    tokens: {
      [DEMO_TOKEN]: { user: 'KDcuGIm1QgePTO8WbOqwIQ', scopes: ['user:update:presence_status:admin'] },
      'expired-token-0000000001': { user: 'KDcuGIm1QgePTO8WbOqwIQ', expired: true },
      'read-only-token-00000001': { user: 'KDcuGIm1QgePTO8WbOqwIQ', scopes: ['user:read:admin'] },
    },
  })
})
afterEach(async () => {
  await zoom.close()
})

function step(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<StepResult> {
  return runStep({
    inputs: { token: DEMO_TOKEN, 'base-url': zoom.baseUrl, ...inputs },
    env: { RUNNER_DEBUG: '1', ...env },
  })
}

describe('a successful update', () => {
  it('sends Do Not Disturb with its duration as multipart/form-data and reports it', async () => {
    const result = await step({ status: 'do not disturb', duration: '45', user: 'alice@example.com' })

    expect(result.code).toBe(0)
    const [update] = zoom.updates()
    expect(zoom.updates()).toHaveLength(1)
    expect(update?.path).toBe('/v2/users/alice@example.com/presence_status')
    expect(update?.headers.authorization).toBe(`Bearer ${DEMO_TOKEN}`)
    expect(update?.contentType).toMatch(/^multipart\/form-data; boundary=/)
    expect(update?.fields).toEqual({ status: 'Do_Not_Disturb', duration: '45' })
    expect(update?.reply).toBe(204)
    expect(zoom.users.find((u) => u.email === 'alice@example.com')?.status).toBe('Do_Not_Disturb')

    expect(result.outputs).toEqual({
      status: 'Do_Not_Disturb',
      'http-status': '204',
      'zoom-code': '',
      message: 'Set the presence of alice@example.com to Do_Not_Disturb for 45 minutes.',
      'previous-status': '',
      results: JSON.stringify([
        {
          user: 'alice@example.com',
          status: 'Do_Not_Disturb',
          ok: true,
          httpStatus: 204,
          zoomCode: null,
          message: 'Set the presence of alice@example.com to Do_Not_Disturb for 45 minutes.',
        },
      ]),
    })
    expect(result.summary).toContain('<td>alice@example.com</td><td>Do_Not_Disturb</td><td>✅ updated</td>')
    expect(result.stdout).toContain('Set the presence of alice@example.com to Do_Not_Disturb for 45 minutes.')
    expect(result.stdout).not.toContain('::error::')
    expectNoSecret(result, DEMO_TOKEN)
  })

  it('masks the token before it prints anything else', async () => {
    const result = await step({ status: 'Away', user: 'bob@example.com' })

    expect(result.code).toBe(0)
    expect(result.stdout.split('\n')[0]).toBe(`::add-mask::${DEMO_TOKEN}`)
    expect(result.stdout.match(/^::add-mask::/gm)).toHaveLength(1)
  })

  it('sends JSON when body-format is json, and updates the token\'s own user for "me"', async () => {
    const result = await step({ status: 'PRESENTING', 'body-format': 'JSON' })

    expect(result.code).toBe(0)
    const [update] = zoom.updates()
    expect(update?.path).toBe('/v2/users/me/presence_status')
    expect(update?.contentType).toBe('application/json')
    expect(JSON.parse(update?.body ?? '')).toEqual({ status: 'Presenting' })
    expect(zoom.users.find((u) => u.id === 'KDcuGIm1QgePTO8WbOqwIQ')?.status).toBe('Presenting')
    expect(result.outputs.status).toBe('Presenting')
  })

  it('warns about a duration given with another status, and does not send it', async () => {
    const result = await step({ status: 'Away', duration: '30', user: 'bob@example.com' })

    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^::warning::Input 'duration' applies to Do_Not_Disturb only/m)
    expect(zoom.updates()[0]?.fields).toEqual({ status: 'Away' })
  })

  it("sends Zoom's own spelling Do_No_Disturb as Do_Not_Disturb, without a duration when none is given", async () => {
    const result = await step({ status: 'Do_No_Disturb', user: 'bob@example.com' })

    expect(result.code).toBe(0)
    expect(zoom.updates()[0]?.fields).toEqual({ status: 'Do_Not_Disturb' })
  })
})

describe('bad input', () => {
  it('fails before any request, naming every wrong input and what is allowed', async () => {
    const result = await step({
      status: 'Vacation',
      duration: 'Available1221',
      user: '../../admin',
      'body-format': 'xml',
      'fail-on-error': 'yes',
    })

    expect(result.code).toBe(1)
    expect(zoom.requests).toHaveLength(0)
    const error = result.stdout.match(/^::error::(.*)$/m)?.[1] ?? ''
    expect(error).toContain(`Input 'status' is "Vacation"`)
    expect(error).toContain('Available, Away, Do_Not_Disturb, In_Calendar_Event, Presenting')
    expect(error).toContain(`Input 'duration' is "Available1221": use a whole number of minutes from 1 to 1440`)
    expect(error).toContain(`Input 'user' "../../admin"`)
    expect(error).toContain(`Input 'body-format' is "xml": use multipart or json`)
    expect(error).toContain(`Input 'fail-on-error' is "yes": use true or false`)
    expect(result.outputs['http-status']).toBe('')
    expect(result.outputs.results).toBe('[]')
    expect(result.outputs.message).toContain(`Input 'status' is "Vacation"`)
    expect(result.outputs.message).not.toContain('\n')
    expectNoStackTrace(result)
  })

  it('requires a token and a status, as action.yml says', async () => {
    const result = await step({ status: '', token: '' })

    expect(result.code).toBe(1)
    expect(zoom.requests).toHaveLength(0)
    expect(result.stdout).toContain("Input 'status' is required")
    expect(result.stdout).toContain("Input 'token' is required")
  })

  it('refuses a duration out of range, and a base-url that would send the token in clear', async () => {
    const result = await step({ status: 'dnd', duration: '1441', 'base-url': 'http://api.zoom.us/v2' })

    expect(result.code).toBe(1)
    expect(zoom.requests).toHaveLength(0)
    expect(result.stdout).toContain(`Input 'duration' is "1441"`)
    expect(result.stdout).toContain('Input \'base-url\' "http://api.zoom.us/v2" must use https')
  })

  it("refuses a user list that came out empty, instead of updating the token's own user", async () => {
    // As `user: ${{ vars.ON_CALL }}` gives it when the variable is not set.
    const result = await step({ status: 'Available', user: '' })

    expect(result.code).toBe(1)
    expect(zoom.requests).toHaveLength(0)
    expect(result.stdout).toContain("::error::Input 'user' is empty: name a Zoom user ID or email")
    expect(result.outputs['http-status']).toBe('')
    expectNoStackTrace(result)
  })

  it('never quotes a malformed token back', async () => {
    const token = 'Bearer s3cr3t-value-with-space'
    const result = await step({ status: 'Away', token })

    expect(result.code).toBe(1)
    expect(result.stdout).toContain("Input 'token' is not an access token as Zoom issues them")
    expectNoSecret(result, token)
    expect(result.stdout.replace(/^::add-mask::.*$/m, '')).not.toContain('s3cr3t')
  })
})

describe("Zoom's refusals, each explained in one sentence", () => {
  const cases: { name: string; inputs: Record<string, string>; http: string; code: string; words: RegExp }[] = [
    {
      name: 'an unknown user',
      inputs: { user: 'nobody@example.com' },
      http: '404',
      code: '1001',
      words: /Zoom has no user "nobody@example.com"/,
    },
    {
      name: 'a signed-out user',
      inputs: { user: 'carol@example.com' },
      http: '400',
      code: '5301',
      words: /not signed in to a Zoom desktop or mobile client/,
    },
    {
      name: 'a user outside the account',
      inputs: { user: 'dave@elsewhere.example' },
      http: '400',
      code: '5411',
      words: /admin scope user:update:presence_status:admin/,
    },
    {
      name: 'an invalid token',
      inputs: { token: 'not-a-real-token-123456' },
      http: '401',
      code: '124',
      words: /rejected the access token as invalid/,
    },
    {
      name: 'an expired token',
      inputs: { token: 'expired-token-0000000001' },
      http: '401',
      code: '124',
      words: /access token has expired/,
    },
    {
      name: 'a token without the update scope',
      inputs: { token: 'read-only-token-00000001' },
      http: '401',
      code: '4711',
      words: /lacks the scope to update presence/,
    },
  ]

  for (const { name, inputs, http, code, words } of cases) {
    it(`fails the step for ${name}`, async () => {
      const result = await step({ status: 'Presenting', ...inputs })

      expect(result.code).toBe(1)
      expect(zoom.updates()).toHaveLength(1)
      expect(result.outputs['http-status']).toBe(http)
      expect(result.outputs['zoom-code']).toBe(code)
      expect(result.outputs.status).toBe('Presenting')
      expect(result.outputs.message).toMatch(words)
      expect(result.stdout).toMatch(new RegExp(`^::error::.*${words.source}`, 'm'))
      const [row] = JSON.parse(result.outputs.results ?? '[]')
      expect(row).toMatchObject({ ok: false, httpStatus: Number(http), zoomCode: Number(code) })
      expect(result.summary).toContain(`❌ failed (HTTP ${http})`)
      expectNoSecret(result, inputs.token ?? DEMO_TOKEN)
      expectNoStackTrace(result)
    })
  }

  it('explains the once-a-minute limit on a second update for the same user', async () => {
    const first = await step({ status: 'Presenting', user: 'bob@example.com' })
    // A one-second timeout leaves no time to wait for the limit, so the 429 is reported.
    const second = await step({ status: 'Available', user: 'bob@example.com', timeout: '1' })

    expect(first.code).toBe(0)
    expect(second.code).toBe(1)
    expect(zoom.updates().map((u) => u.reply)).toEqual([204, 429])
    expect(second.outputs['http-status']).toBe('429')
    expect(second.outputs.message).toContain('once a minute')
    expect(second.outputs.message).toMatch(/Zoom sent no Retry-After, .* left of the timeout.*raise 'timeout'/)
  })

  it('turns a failure into a warning and a passing step when fail-on-error is false', async () => {
    const result = await step({ status: 'Away', user: 'nobody@example.com', 'fail-on-error': 'false' })

    expect(result.code).toBe(0)
    expect(result.stdout).not.toContain('::error::')
    expect(result.stdout).toMatch(/^::warning::Zoom has no user .*fail-on-error is false/m)
    expect(result.outputs['http-status']).toBe('404')
  })

  it('encodes a user so that it cannot change the request path', async () => {
    const result = await step({ status: 'Away', user: 'ops/../../admin?x=1#@example.com' })

    expect(result.code).toBe(1)
    const [update] = zoom.updates()
    expect(update?.path).toBe('/v2/users/ops%2F..%2F..%2Fadmin%3Fx%3D1%23@example.com/presence_status')
    expect(update?.user).toBe('ops/../../admin?x=1#@example.com')
    expect(result.outputs['zoom-code']).toBe('1001')
  })
})

describe('broken replies', () => {
  const replies: { name: string; status: number; type: string; body: string; words: RegExp }[] = [
    {
      name: 'a 503 with an HTML page',
      status: 503,
      type: 'text/html',
      body: '<html><body>Service Unavailable</body></html>',
      words: /server error \(HTTP 503\).*on Zoom's side/,
    },
    {
      name: 'a 400 with invalid JSON',
      status: 400,
      type: 'application/json',
      body: '{"code": 5301, "message": ',
      words: /Zoom refused the update \(HTTP 400\)/,
    },
    {
      name: 'a 400 with an empty body',
      status: 400,
      type: 'text/plain',
      body: '',
      words: /Zoom refused the update \(HTTP 400\)/,
    },
    {
      name: 'an HTML 403 from something in between',
      status: 403,
      type: 'text/html',
      body: '<!doctype html><h1>Forbidden</h1>',
      words: /HTML page, not Zoom's API: check 'base-url' and any proxy/,
    },
    {
      name: 'a 200 carrying an error',
      status: 200,
      type: 'application/json',
      body: '{"code":5301,"message":"failed"}',
      words: /not signed in to a Zoom desktop/,
    },
    {
      name: 'a 200 that confirms nothing',
      status: 200,
      type: 'application/json',
      body: '{}',
      words: /HTTP 200 instead of 204 No Content, so the update is not confirmed/,
    },
    {
      name: 'a redirect elsewhere',
      status: 302,
      type: 'text/plain',
      body: '',
      words: /redirected the request to "https:\/\/evil.example\/v2".*never sent on/,
    },
  ]

  for (const { name, status, type, body, words } of replies) {
    it(`explains ${name} without a stack trace`, async () => {
      zoom.fault((_req, res) => {
        res.writeHead(status, {
          'Content-Type': type,
          ...(status === 302 ? { Location: 'https://evil.example/v2' } : {}),
        })
        res.end(body)
        return true
      })
      // Too short a timeout to retry a 503: one request, explained.
      const result = await step({ status: 'Away', user: 'bob@example.com', timeout: '1' })

      expect(result.code).toBe(1)
      expect(zoom.requests).toHaveLength(1)
      expect(result.outputs['http-status']).toBe(String(status))
      expect(result.outputs.message).toMatch(words)
      expectNoStackTrace(result)
      expectNoSecret(result, DEMO_TOKEN)
    })
  }

  it('shows no piece of a token that Zoom quotes across the 200-character cut', async () => {
    // The quote is cut at 200 characters: here 10 of them are the token's.
    const message = `${'x'.repeat(190)}${DEMO_TOKEN}`
    zoom.fault((_req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify({ code: 9999, message }))
      return true
    })
    const result = await step({ status: 'Away', user: 'bob@example.com' })

    expect(result.code).toBe(1)
    expect(result.outputs.message).toContain(`Zoom said: "${'x'.repeat(190)}***"`)
    for (const shown of [result.stdout.replace(`::add-mask::${DEMO_TOKEN}\n`, ''), result.summary]) {
      expect(shown).not.toContain(DEMO_TOKEN.slice(0, 8))
    }
    expect(JSON.stringify(result.outputs)).not.toContain(DEMO_TOKEN.slice(0, 8))
    expectNoSecret(result, DEMO_TOKEN)
  })

  it("points at 'base-url', not the user, when the path is wrong", async () => {
    const result = await step({ status: 'Away', user: 'bob@example.com', 'base-url': `${zoom.origin}/v1` })

    expect(result.code).toBe(1)
    expect(zoom.updates()[0]?.path).toBe('/v1/users/bob@example.com/presence_status')
    expect(result.outputs['http-status']).toBe('404')
    expect(result.outputs.message).toMatch(
      /^Zoom answered HTTP 404, error code 404 for a path it does not know: check that 'base-url' is the API's root, such as https:\/\/api\.zoom\.us\/v2\./,
    )
  })

  it('explains a server that cannot be reached', async () => {
    const closed = zoom.baseUrl
    await zoom.close()
    const result = await runStep({ inputs: { status: 'Away', token: DEMO_TOKEN, 'base-url': closed, timeout: '1' } })
    zoom = await startZoomServer()

    expect(result.code).toBe(1)
    expect(result.outputs['http-status']).toBe('')
    expect(result.outputs.message).toMatch(/^No reply from Zoom: 127\.0\.0\.1:\d+ refused the connection/)
    expect(JSON.parse(result.outputs.results ?? '')).toMatchObject([{ ok: false, httpStatus: null }])
    expectNoStackTrace(result)
  })
})

describe("the runner's files", () => {
  it('keeps a confirmed update, and its outputs, when the job summary cannot be written', async () => {
    const result = await step(
      { status: 'Away', user: 'bob@example.com' },
      { GITHUB_STEP_SUMMARY: '/nonexistent/summary' },
    )

    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^::warning::The job summary could not be written: /m)
    expect(result.outputs['http-status']).toBe('204')
    expect(zoom.updates()).toHaveLength(1)
    expectNoStackTrace(result)
  })

  it('tells of a confirmed update before the outputs, so an output file that cannot be written hides nothing', async () => {
    const result = await step({ status: 'Away', user: 'bob@example.com' }, { GITHUB_OUTPUT: '/nonexistent/output' })

    expect(result.code).toBe(1)
    expect(zoom.updates().map((u) => u.reply)).toEqual([204])
    const told = result.stdout.indexOf('Set the presence of bob@example.com to Away.')
    expect(told).toBeGreaterThan(-1)
    expect(told).toBeLessThan(result.stdout.indexOf('::error::The action failed unexpectedly: '))
    expectNoStackTrace(result)
  })

  it('fails in one line, not a stack trace, when the state file cannot be written', async () => {
    const result = await step({ status: 'Away', user: 'bob@example.com' }, { GITHUB_STATE: '/nonexistent/state' })

    expect(result.code).toBe(1)
    expect(result.stdout.trim().split('\n')).toEqual([
      '::error::The action failed unexpectedly: Missing file at path: /nonexistent/state',
    ])
    expect(result.stderr).toBe('')
    expect(zoom.requests).toHaveLength(0)
  })
})

describe('the Zoom-compatible server', () => {
  // The end-to-end cases above rely on it behaving as Zoom does; these keep it honest.
  it('enforces the status list and the duration range itself', async () => {
    const put = (body: string) =>
      fetch(`${zoom.baseUrl}/users/me/presence_status`, {
        method: 'PUT',
        headers: { Authorization: `Bearer ${DEMO_TOKEN}`, 'Content-Type': 'application/json' },
        body,
      })
    const badStatus = await put('{"status":"Offline"}')
    const badDuration = await put('{"status":"Do_Not_Disturb","duration":"Available1221"}')
    const tooLong = await put('{"status":"Do_Not_Disturb","duration":1441}')

    expect(badStatus.status).toBe(400)
    expect(await badStatus.json()).toMatchObject({ code: 300, errors: [{ field: 'status' }] })
    expect(await badDuration.json()).toMatchObject({ code: 300, errors: [{ field: 'duration' }] })
    expect(await tooLong.json()).toMatchObject({ code: 300, errors: [{ field: 'duration' }] })
    expect((await put('{"status":"Do_Not_Disturb","duration":1440}')).status).toBe(204)
  })
})
