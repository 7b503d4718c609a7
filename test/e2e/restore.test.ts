// restore and dry-run: the main step, then the post step with the state it
// saved, as a runner runs them.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { expectNoSecret, expectNoStackTrace } from '../support/assertions.js'
import { ROOT, runStep, type StepResult } from '../support/runner.js'
import { DEMO_APP, DEMO_TOKEN, startZoomServer } from '../support/zoom-server.js'

type Zoom = Awaited<ReturnType<typeof startZoomServer>>
let zoom: Zoom
const UPDATE_ONLY = 'update-only-token-00000001'

beforeEach(async () => {
  zoom = await startZoomServer({
    users: [
      { id: 'u-bob', email: 'bob@example.com', status: 'Away' },
      { id: 'u-meet', email: 'meet@example.com', status: 'In_A_Zoom_Meeting' },
      { id: 'u-call', email: 'call@example.com', status: 'On_A_Call' },
      { id: 'u-cal', email: 'cal@example.com', status: 'In_Calendar_Event' },
      { id: 'u-off', email: 'off@example.com', status: 'Offline' },
      { id: 'u-web', email: 'web@example.com', status: 'In_A_Webinar' },
      { id: 'u-dnd-open', email: 'dnd-open@example.com', status: 'Do_Not_Disturb' },
      { id: 'u-out', email: 'out@example.com', status: 'Busy', signedIn: false },
      { id: 'u-dnd', email: 'dnd@example.com', status: 'Do_Not_Disturb', dndEndsAt: Date.now() + 30 * 60_000 },
    ],
    tokens: {
      [DEMO_TOKEN]: { user: 'u-bob', scopes: ['user:update:presence_status:admin', 'user:read:presence_status:admin'] },
      [UPDATE_ONLY]: { user: 'u-bob', scopes: ['user:update:presence_status:admin'] },
    },
  })
})
afterEach(async () => {
  await zoom.close()
})

function inputsFor(inputs: Record<string, string>): Record<string, string> {
  return { status: 'Presenting', token: DEMO_TOKEN, 'base-url': zoom.baseUrl, restore: 'true', ...inputs }
}

/** Runs the main step; then, `jobMs` later as far as Zoom and the state can tell, the post step. */
async function job(inputs: Record<string, string>, jobMs: number): Promise<{ main: StepResult; post: StepResult }> {
  const main = await runStep({ inputs: inputsFor(inputs), env: { RUNNER_DEBUG: '1' } })
  return { main, post: await postAfter(main, inputs, jobMs) }
}

/** Runs the post step with what `main` saved, `jobMs` after it as far as Zoom and the state can tell. */
async function postAfter(main: StepResult, inputs: Record<string, string>, jobMs: number): Promise<StepResult> {
  // Instead of sleeping through the job, move the update into the past, for Zoom and for the state.
  zoom.backdate(jobMs)
  const state = { ...main.state }
  if (state.restore) {
    state.restore = JSON.stringify(
      JSON.parse(state.restore).map((s: { updatedAt: number; endsAt?: number }) => ({
        ...s,
        updatedAt: s.updatedAt - jobMs,
        endsAt: s.endsAt === undefined ? undefined : s.endsAt - jobMs,
      })),
    )
  }
  return runStep({ step: 'post', inputs: inputsFor(inputs), state, env: { RUNNER_DEBUG: '1' } })
}

/** Holds every request for `user` unanswered, as a hung connection does, until the server closes. */
function hang(user: string, requests: number): void {
  for (let i = 0; i < requests; i++) {
    zoom.fault((_req, _res, recorded) => (recorded.user === user ? new Promise<boolean>(() => undefined) : false))
  }
}

describe('restore', () => {
  it('reads the status, saves it, and after a short job waits out the rest of the minute to put it back', async () => {
    const { main, post } = await job({ user: 'bob@example.com', duration: '30' }, 57_000)

    expect(main.code).toBe(0)
    expect(main.outputs['previous-status']).toBe('Away')
    expect(main.state.isPost).toBe('true')
    expect(JSON.parse(main.state.restore ?? '')).toMatchObject([
      { user: 'bob@example.com', read: 'Away', status: 'Away' },
    ])
    expect(zoom.requests.slice(0, 2).map((r) => r.method)).toEqual(['GET', 'PUT'])

    expect(post.code).toBe(0)
    const restoring = zoom.updates()[1]
    expect(restoring?.fields).toEqual({ status: 'Away' })
    expect(restoring?.reply).toBe(204)
    const wait = Number(post.stdout.match(/Waiting ([\d.]+) s before restoring bob@example.com/)?.[1])
    expect(wait).toBeGreaterThan(1.5)
    expect(wait).toBeLessThanOrEqual(3.1)
    expect(post.durationMs).toBeGreaterThan(wait * 1000 - 100)
    expect(zoom.users.find((u) => u.id === 'u-bob')?.status).toBe('Away')
    expect(post.summary).toContain('Zoom presence restored')
    expect(post.summary).toContain('<td>bob@example.com</td><td>Away</td><td>✅ updated</td>')
    // The requests and the wait fold into a group; the outcome follows it.
    expect(post.stdout).toMatch(
      /^::group::Restoring the presence of bob@example.com\n(?:(?!::endgroup::).*\n)*?Waiting [\d.]+ s before restoring bob@example.com.*\n(?:.*\n)*?::endgroup::\nSet the presence of bob@example.com to Away\.$/m,
    )
    expect(main.stdout).toMatch(
      /^::group::Reading the current status, then updating it\n(?:.*\n)*?::debug::GET .*\n(?:.*\n)*?::endgroup::\n(?:.*\n)*?Set the presence of bob@example.com to Presenting\.$/m,
    )
    // No later step can read a post step's outputs; the main step's warnings are not repeated.
    expect(post.outputs).toEqual({})
    expect(main.stdout).toMatch(/^::warning::Input 'duration' applies to Do_Not_Disturb only/m)
    expect(post.stdout).not.toContain('::warning::')
    expectNoSecret(post, DEMO_TOKEN)
  })

  it('lands the restore on the minute, getting the token while it waits', async () => {
    const inputs = {
      user: 'bob@example.com',
      token: '',
      'account-id': DEMO_APP.accountId,
      'client-id': DEMO_APP.clientId,
      'client-secret': DEMO_APP.clientSecret,
      'oauth-url': `${zoom.origin}/oauth/token`,
    }
    const jobMs = 55_000
    const main = await runStep({ inputs: inputsFor(inputs) })
    // The post step's first request, for its token, is answered 2 s late.
    zoom.fault(() => new Promise((done) => setTimeout(() => done(false), 2_000)))
    const post = await postAfter(main, inputs, jobMs)

    expect(post.code).toBe(0)
    expect(zoom.requests.map((r) => `${r.method} ${r.path} ${r.reply}`)).toEqual([
      'POST /oauth/token 200',
      'GET /v2/users/bob@example.com/presence_status 200',
      'PUT /v2/users/bob@example.com/presence_status 204',
      'POST /oauth/token 200',
      'PUT /v2/users/bob@example.com/presence_status 204',
    ])
    const [update, restoring] = zoom.updates()
    // By Zoom's clock, moved back by the job's length as the state was.
    const sinceUpdate = (restoring?.at ?? 0) - ((update?.at ?? 0) - jobMs)
    expect(sinceUpdate).toBeGreaterThanOrEqual(60_000)
    expect(sinceUpdate).toBeLessThan(60_000 + 1_000)
    expect(restoring?.fields).toEqual({ status: 'Away' })
  })

  it('does not wait at all after a job longer than a minute', async () => {
    const { post } = await job({ user: 'bob@example.com' }, 120_000)

    expect(post.code).toBe(0)
    expect(post.stdout).not.toContain('Waiting')
    expect(post.durationMs).toBeLessThan(2_000)
    expect(zoom.updates().map((u) => u.reply)).toEqual([204, 204])
  })

  it('maps the read vocabulary to the write one and skips an Offline user, and one it cannot read, with a warning', async () => {
    const users = 'meet@example.com, call@example.com, cal@example.com, off@example.com, web@example.com'
    const { main, post } = await job({ user: users }, 120_000)

    expect(main.code).toBe(0)
    // Warned before the job goes on, not only when the post step finds it cannot restore.
    expect(main.stdout).toMatch(
      /^::warning::Zoom reads the status of off@example.com as Offline, which cannot be set: once updated, it cannot be put back after the job\.$/m,
    )
    expect(main.stdout).toMatch(/^::warning::Zoom reads the status of web@example.com as In_A_Webinar/m)
    expect(main.stdout).not.toMatch(/^::warning::Zoom reads the status of meet@example.com/m)
    expect(main.outputs['previous-status']).toBe('In_A_Zoom_Meeting')
    const previous = JSON.parse(main.outputs.results ?? '').map((r: { user: string; previousStatus: string }) => [
      r.user,
      r.previousStatus,
    ])
    expect(previous).toEqual([
      ['meet@example.com', 'In_A_Zoom_Meeting'],
      ['call@example.com', 'On_A_Call'],
      ['cal@example.com', 'In_Calendar_Event'],
      ['off@example.com', 'Offline'],
      ['web@example.com', 'In_A_Webinar'],
    ])

    expect(post.code).toBe(0)
    expect(post.stdout).toMatch(
      /^::warning::Cannot restore the presence of off@example.com: Zoom read it as Offline, which cannot be set; skipped\.$/m,
    )
    expect(post.stdout).toMatch(
      /^::warning::Cannot restore the presence of web@example.com: Zoom read it as In_A_Webinar, which cannot be set; skipped\.$/m,
    )
    const restored = zoom
      .updates()
      .slice(5)
      .map((u) => `${u.user} ${u.fields?.status} ${u.reply}`)
      .sort()
    expect(restored).toEqual([
      'cal@example.com In_Calendar_Event 204',
      'call@example.com On_A_Call 204',
      'meet@example.com In_A_Zoom_Meeting 204',
    ])
  })

  it('restores Do Not Disturb for the minutes it had left', async () => {
    const { main, post } = await job({ user: 'dnd@example.com', status: 'Available' }, 120_000)

    expect(main.outputs['previous-status']).toBe('Do_Not_Disturb')
    expect(post.code).toBe(0)
    const restoring = zoom.updates()[1]
    expect(restoring?.fields?.status).toBe('Do_Not_Disturb')
    // 30 minutes were left when it was read; the job "took" two of them.
    expect(Number(restoring?.fields?.duration)).toBeGreaterThanOrEqual(27)
    expect(Number(restoring?.fields?.duration)).toBeLessThanOrEqual(28)
  })

  it("restores Do Not Disturb without an end for Zoom's default, not for the main step's duration", async () => {
    // As for any user but the token's own, Zoom's read gives no end time.
    const { main, post } = await job(
      { user: 'dnd-open@example.com', status: 'Do_Not_Disturb', duration: '45' },
      120_000,
    )

    expect(zoom.updates()[0]?.fields).toEqual({ status: 'Do_Not_Disturb', duration: '45' })
    expect(main.outputs['previous-status']).toBe('Do_Not_Disturb')
    expect(post.code).toBe(0)
    expect(zoom.updates()[1]?.fields).toEqual({ status: 'Do_Not_Disturb' })
    expect(post.stdout).toMatch(
      /^::warning::Zoom did not say when Do Not Disturb of dnd-open@example.com was to end, so it is restored for Zoom's default of 20 minutes\.$/m,
    )
  })

  it('stops before changing anything when the token may not read presence', async () => {
    const main = await runStep({ inputs: inputsFor({ user: 'bob@example.com', token: UPDATE_ONLY }) })

    expect(main.code).toBe(1)
    expect(zoom.updates()).toHaveLength(0)
    expect(zoom.requests.map((r) => `${r.method} ${r.reply}`)).toEqual(['GET 401'])
    expect(main.outputs.message).toContain('The token lacks the scope to read presence, which restore needs')
    expect(main.outputs.message).toContain('user:read:presence_status:admin')
    expect(main.state.restore).toBeUndefined()
    expectNoStackTrace(main)
  })

  it('declares a post step that runs whether the job passed, failed or was cancelled', () => {
    const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'))
    expect(action.runs.post).toBe(action.runs.main)
    expect(action.runs['post-if']).toBe('always()')
  })

  it('restores the users it updated after a failed main step, and only those', async () => {
    // nobody cannot be read, so is not changed; out is read but its update fails.
    const { main, post } = await job({ user: 'bob@example.com, nobody@example.com, out@example.com' }, 120_000)

    expect(main.code).toBe(1)
    expect(JSON.parse(main.state.restore ?? '[]').map((s: { user: string }) => s.user)).toEqual(['bob@example.com'])
    expect(main.outputs.message).toMatch(
      /^1 of 3 users could not be read, so were not changed \(nobody@example.com\); 1 of 2 updates failed \(out@example.com\); 1 succeeded\. /,
    )
    expect(post.code).toBe(0)
    const restoring = zoom.updates().slice(2)
    expect(restoring.map((u) => `${u.user} ${u.fields?.status} ${u.reply}`)).toEqual(['bob@example.com Away 204'])
    expect(zoom.users.find((u) => u.id === 'u-bob')?.status).toBe('Away')
  })

  for (const signal of ['SIGTERM', 'SIGKILL'] as const) {
    it(`restores the users already updated when the main step is cancelled (${signal})`, async () => {
      const inputs = { user: 'bob@example.com, meet@example.com' }
      hang('meet@example.com', 3)
      const main = await runStep({
        inputs: inputsFor(inputs),
        env: { RUNNER_DEBUG: '1' },
        killWhen: { stdout: /Zoom answered HTTP 204 for bob@example.com/, signal },
        timeoutMs: 10_000,
      })

      expect(main.code).toBeNull()
      expect(zoom.updates().map((u) => `${u.user} ${u.reply}`)).toEqual(['bob@example.com 204'])
      expect(JSON.parse(main.state.restore ?? '[]')).toMatchObject([{ user: 'bob@example.com', status: 'Away' }])

      const post = await postAfter(main, inputs, 120_000)
      expect(post.code).toBe(0)
      expect(zoom.updates().map((u) => `${u.user} ${u.fields?.status} ${u.reply}`)).toEqual([
        'bob@example.com Presenting 204',
        'bob@example.com Away 204',
      ])
    })
  }

  it('puts back a user whose update Zoom applied but whose reply was lost', async () => {
    const inputs = { user: 'bob@example.com', timeout: '4' }
    zoom.fault(() => false)
    // Zoom applies the update, and the connection drops before its 204 is sent.
    zoom.fault((req, res) => {
      res.end = (() => {
        req.socket.destroy()
        return res
      }) as typeof res.end
      return false
    })
    const { main, post } = await job(inputs, 120_000)

    // The retry meets Zoom's once-a-minute limit, which the lost update set.
    expect(main.code).toBe(1)
    expect(main.outputs['http-status']).toBe('429')
    expect(JSON.parse(main.state.restore ?? '[]')).toMatchObject([{ user: 'bob@example.com', status: 'Away' }])
    expect(post.code).toBe(0)
    expect(zoom.updates().map((u) => `${u.fields?.status} ${u.reply}`)).toEqual([
      'Presenting 204',
      'Presenting 429',
      'Away 204',
    ])
    expect(zoom.users.find((u) => u.id === 'u-bob')?.status).toBe('Away')
  })

  it('puts back no user whose update Zoom refused', async () => {
    const { main, post } = await job({ user: 'bob@example.com, out@example.com' }, 120_000)

    expect(main.code).toBe(1)
    expect(JSON.parse(main.state.restore ?? '[]')).toMatchObject([{ user: 'bob@example.com' }])
    expect(post.code).toBe(0)
    expect(
      zoom
        .updates()
        .filter((u) => u.user === 'out@example.com')
        .map((u) => u.reply),
    ).toEqual([400])
  })

  it('keeps a post step that needs no wait within its timeout, against a Zoom that never answers', async () => {
    // Updated ten minutes ago: no minute to wait out, so no time beyond the timeout either.
    const state = {
      isPost: 'true',
      restore: JSON.stringify([
        { user: 'bob@example.com', read: 'Away', status: 'Away', updatedAt: Date.now() - 600_000 },
      ]),
    }
    for (let i = 0; i < 6; i++) zoom.fault(() => new Promise<boolean>(() => undefined))
    const post = await runStep({
      step: 'post',
      inputs: inputsFor({ user: 'bob@example.com', timeout: '3', 'request-timeout': '1' }),
      state,
      env: { RUNNER_DEBUG: '1' },
      timeoutMs: 30_000,
    })

    expect(post.code).toBe(1)
    expect(post.stdout).not.toContain('Waiting')
    expect(post.stdout).toMatch(/^::error::No reply from Zoom: 127\.0\.0\.1:\d+ did not answer in time/m)
    expect(post.durationMs).toBeLessThan(3_000 + 1_500)
  })

  it('does nothing in the post step when restore was not asked for', async () => {
    const { main, post } = await job({ user: 'bob@example.com', restore: 'false' }, 0)

    expect(main.code).toBe(0)
    expect(main.state.restore).toBeUndefined()
    expect(post.code).toBe(0)
    expect(post.stdout).toBe('')
    expect(zoom.requests).toHaveLength(1)
  })
})

describe('dry run', () => {
  it('checks the inputs, logs what would be sent, sets outputs and summary, and sends nothing', async () => {
    const result = await runStep({
      inputs: inputsFor({ 'dry-run': 'true', status: 'dnd', duration: '15', user: 'bob@example.com,meet@example.com' }),
    })

    expect(result.code).toBe(0)
    expect(zoom.requests).toHaveLength(0)
    expect(result.stdout).toContain(
      `Dry run: would send PUT ${zoom.baseUrl}/users/bob@example.com/presence_status as multipart/form-data with status=Do_Not_Disturb, duration=15`,
    )
    expect(result.stdout).toContain(
      `Dry run: would first read GET ${zoom.baseUrl}/users/meet@example.com/presence_status`,
    )
    expect(result.outputs.status).toBe('Do_Not_Disturb')
    expect(result.outputs['http-status']).toBe('')
    expect(JSON.parse(result.outputs.results ?? '')).toMatchObject([
      { user: 'bob@example.com', ok: true, httpStatus: null },
      { user: 'meet@example.com', ok: true, httpStatus: null },
    ])
    expect(result.outputs.message).toBe(
      'Dry run: would set the presence of 2 users to Do_Not_Disturb; nothing was sent.',
    )
    expect(result.summary).toContain('🔍 dry run, not sent')
    expect(result.state.restore).toBeUndefined()
    expectNoSecret(result, DEMO_TOKEN)

    const post = await runStep({ step: 'post', inputs: inputsFor({ 'dry-run': 'true' }), state: result.state })
    expect(post.code).toBe(0)
    expect(zoom.requests).toHaveLength(0)
  })

  it('gets no token with account credentials, and names the JSON body', async () => {
    const result = await runStep({
      inputs: inputsFor({
        'dry-run': 'true',
        user: 'bob@example.com',
        'body-format': 'json',
        token: '',
        'account-id': DEMO_APP.accountId,
        'client-id': DEMO_APP.clientId,
        'client-secret': DEMO_APP.clientSecret,
        'oauth-url': `${zoom.origin}/oauth/token`,
      }),
      env: { RUNNER_DEBUG: '1' },
    })

    expect(result.code).toBe(0)
    expect(zoom.requests).toEqual([])
    expect(result.stdout).not.toContain('Getting an access token')
    expect(result.stdout).toContain(
      `Dry run: would send PUT ${zoom.baseUrl}/users/bob@example.com/presence_status as application/json with status=Presenting`,
    )
    expectNoSecret(result, DEMO_APP.clientSecret)
  })

  it('still refuses bad input', async () => {
    const result = await runStep({ inputs: inputsFor({ 'dry-run': 'true', duration: '0', status: 'dnd' }) })

    expect(result.code).toBe(1)
    expect(result.stdout).toContain(`Input 'duration' is "0"`)
  })
})
