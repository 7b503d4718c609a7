import { syncBuiltinESMExports } from 'node:module'
import { delay, HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { INPUT_NAMING, type Settings } from '../../src/inputs.js'
import type { Log } from '../../src/log.js'
import { setPresence } from '../../src/presence.js'
import { publicResult } from '../../src/report.js'
import { tokensFor } from '../../src/tokens.js'
import { type Result, updateUser } from '../../src/update.js'
import { httpTransport, type Sent, type Transport } from '../../src/zoom/transport.js'

const TOKEN = 'zm-secret-Token.abc123_XYZ-9f8e7d6c5b4a'
const BASE = 'https://api.zoom.us/v2'
const PRESENCE = `${BASE}/users/:user/presence_status`

/** What the fake Zoom saw of one request. */
interface Seen {
  method: string
  url: string
  pathname: string
  headers: Headers
  contentType: string
  form?: Record<string, string>
  json?: unknown
  text?: string
}

const seen: Seen[] = []

async function record(request: Request): Promise<Seen> {
  const url = new URL(request.url)
  const contentType = request.headers.get('content-type') ?? ''
  const entry: Seen = {
    method: request.method,
    url: request.url,
    pathname: url.pathname,
    headers: request.headers,
    contentType,
  }
  if (contentType.startsWith('multipart/form-data')) {
    const form = await request.formData()
    entry.form = {}
    for (const [name, value] of form.entries()) {
      expect(typeof value, `field ${name} is text`).toBe('string')
      entry.form[name] = value as string
    }
  } else if (contentType.startsWith('application/json')) {
    entry.json = await request.json()
  } else {
    entry.text = await request.text()
  }
  seen.push(entry)
  return entry
}

const server = setupServer(
  http.put(PRESENCE, async ({ request }) => {
    await record(request)
    return new HttpResponse(null, { status: 204 })
  }),
)

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY']
const savedProxy: Record<string, string | undefined> = {}

beforeAll(() => {
  // Requests must reach the interceptor, not a proxy the runner may set.
  for (const name of PROXY_VARIABLES) {
    savedProxy[name] = process.env[name]
    delete process.env[name]
  }
  server.listen({ onUnhandledRequest: 'error' })
  // @actions/http-client reads http/https through ESM namespaces: let them see msw's patches.
  syncBuiltinESMExports()
})

afterEach(() => {
  server.resetHandlers()
})

beforeEach(() => {
  seen.length = 0
})

afterAll(() => {
  server.close()
  syncBuiltinESMExports()
  for (const name of PROXY_VARIABLES) {
    if (savedProxy[name] === undefined) delete process.env[name]
    else process.env[name] = savedProxy[name]
  }
})

type Overrides = Partial<Settings> & { user?: string }

function settings({ user = 'me', ...overrides }: Overrides = {}): Settings {
  return {
    status: 'Presenting',
    duration: undefined,
    users: [user],
    auth: { kind: 'token', token: TOKEN },
    baseUrl: BASE,
    bodyFormat: 'multipart',
    failOnError: true,
    timeoutMs: 90_000,
    requestTimeoutMs: 30_000,
    restore: false,
    dryRun: false,
    naming: INPUT_NAMING,
    ...overrides,
  }
}

interface Logged {
  level: keyof Log
  message: string
}

function collectingLog(): { log: Log; lines: Logged[] } {
  const lines: Logged[] = []
  const log: Log = {
    info: (message) => lines.push({ level: 'info', message }),
    debug: (message) => lines.push({ level: 'debug', message }),
    warning: (message) => lines.push({ level: 'warning', message }),
  }
  return { log, lines }
}

async function run(overrides: Overrides = {}, timeoutMs = 5_000) {
  const { log, lines } = collectingLog()
  const connection = httpTransport()
  const sent: Sent[] = []
  const send: Transport = (request) => {
    sent.push(request)
    return connection.send({ ...request, timeoutMs })
  }
  const tokens = tokensFor({ kind: 'token', token: TOKEN }, send, () => undefined, INPUT_NAMING)
  try {
    const result = await updateUser(overrides.user ?? 'me', settings(overrides), {
      send,
      tokens,
      log,
      close: connection.close,
    })
    return { result, lines, sent }
  } finally {
    connection.close()
  }
}

function expectNoToken(lines: Logged[], result: unknown) {
  const everything = [...lines.map((l) => l.message), JSON.stringify(result)].join('\n')
  expect(everything).not.toContain(TOKEN)
  expect(everything).not.toContain(TOKEN.slice(0, 16))
  expect(everything).not.toMatch(/Bearer/i)
}

describe('updatePresence over HTTP', () => {
  it('sends a multipart PUT with the status and reports success on 204', async () => {
    const { result, lines } = await run()
    expect(seen).toHaveLength(1)
    const [request] = seen
    expect(request!.method).toBe('PUT')
    expect(request!.url).toBe('https://api.zoom.us/v2/users/me/presence_status')
    expect(request!.contentType).toMatch(/^multipart\/form-data; boundary=/)
    expect(request!.form).toEqual({ status: 'Presenting' })
    expect(result).toEqual({
      user: 'me',
      status: 'Presenting',
      ok: true,
      httpStatus: 204,
      zoomCode: null,
      message: "Set the presence of the token's own user to Presenting.",
    })
    expectNoToken(lines, result)
  })

  it('sends the duration as a form field for Do Not Disturb', async () => {
    const { result } = await run({ status: 'Do_Not_Disturb', duration: 90 })
    expect(seen[0]!.form).toEqual({ status: 'Do_Not_Disturb', duration: '90' })
    expect(result.ok).toBe(true)
    expect(result.message).toContain('for 90 minutes')
  })

  it('never sends a duration with another status', async () => {
    await run({ status: 'Away', duration: 90 })
    expect(seen[0]!.form).toEqual({ status: 'Away' })
  })

  it('sends JSON when body-format is json, with the duration as a number', async () => {
    const { result } = await run({ status: 'Do_Not_Disturb', duration: 30, bodyFormat: 'json' })
    expect(seen).toHaveLength(1)
    expect(seen[0]!.contentType).toBe('application/json')
    expect(seen[0]!.json).toEqual({ status: 'Do_Not_Disturb', duration: 30 })
    expect(typeof (seen[0]!.json as { duration: unknown }).duration).toBe('number')
    expect(result.ok).toBe(true)
  })

  it('sends JSON without a duration for another status', async () => {
    await run({ status: 'Busy', duration: 30, bodyFormat: 'json' })
    expect(seen[0]!.json).toEqual({ status: 'Busy' })
  })

  it('authorises with the bearer token and asks for JSON', async () => {
    await run()
    const { headers } = seen[0]!
    expect(headers.get('authorization')).toBe(`Bearer ${TOKEN}`)
    expect(headers.get('accept')).toBe('application/json')
    expect(headers.get('user-agent')).toContain('zoom-presence')
  })

  it('puts the user in the path as one encoded segment', async () => {
    const user = 'bob+zoom/team@example.com'
    const { result } = await run({ user })
    expect(seen).toHaveLength(1)
    expect(seen[0]!.pathname).toBe('/v2/users/bob%2Bzoom%2Fteam@example.com/presence_status')
    expect(result).toMatchObject({ user, ok: true, httpStatus: 204 })
    expect(result.message).toContain(user)
  })

  it('keeps ? # and % in an email inside the path', async () => {
    await run({ user: 'a?b#c%d@example.com' })
    expect(seen[0]!.pathname).toBe('/v2/users/a%3Fb%23c%25d@example.com/presence_status')
    expect(new URL(seen[0]!.url).search).toBe('')
  })

  it('keeps the base path of a loopback base-url', async () => {
    server.use(
      http.put('http://127.0.0.1:8080/zoom/v2/users/:user/presence_status', async ({ request }) => {
        await record(request)
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const { result } = await run({ baseUrl: 'http://127.0.0.1:8080/zoom/v2' })
    expect(seen[0]!.url).toBe('http://127.0.0.1:8080/zoom/v2/users/me/presence_status')
    expect(result.ok).toBe(true)
  })

  it('reports 400/5301 with its Zoom code and explanation', async () => {
    server.use(
      http.put(PRESENCE, async ({ request }) => {
        await record(request)
        return HttpResponse.json({ code: 5301, message: 'Request to update presence status failed.' }, { status: 400 })
      }),
    )
    const { result, lines } = await run({ user: 'alice@example.com' })
    expect(result).toMatchObject({
      user: 'alice@example.com',
      status: 'Presenting',
      ok: false,
      httpStatus: 400,
      zoomCode: 5301,
    })
    expect(result.message).toContain('not signed in')
    expect(result.message).toContain('Request to update presence status failed.')
    expectNoToken(lines, result)
  })

  it('reports 401/124 as an invalid token without echoing it', async () => {
    server.use(
      http.put(PRESENCE, () => HttpResponse.json({ code: 124, message: 'Invalid access token.' }, { status: 401 })),
    )
    const { result, lines } = await run()
    expect(result).toMatchObject({ ok: false, httpStatus: 401, zoomCode: 124 })
    expect(result.message).toContain('as invalid')
    expectNoToken(lines, result)
  })

  it('reads the daily rate-limit header from a real reply', async () => {
    server.use(
      http.put(PRESENCE, () =>
        HttpResponse.json(
          { code: 429, message: 'You have reached the maximum daily rate limit for this API.' },
          { status: 429, headers: { 'X-RateLimit-Type': 'Daily-limit', 'Retry-After': '86400' } },
        ),
      ),
    )
    const { result } = await run()
    expect(result).toMatchObject({ ok: false, httpStatus: 429 })
    expect(result.message).toContain('daily API limit')
  })

  it('does not follow a redirect, so the token goes nowhere else', async () => {
    let elsewhere = 0
    server.use(
      http.put(
        PRESENCE,
        () => new HttpResponse(null, { status: 307, headers: { Location: 'https://evil.example.com/collect' } }),
      ),
      http.all('https://evil.example.com/*', () => {
        elsewhere += 1
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const { result } = await run()
    expect(elsewhere).toBe(0)
    expect(result).toMatchObject({ ok: false, httpStatus: 307, zoomCode: null })
    expect(result.message).toContain('https://evil.example.com/collect')
  })

  it('does not count a 200 as success', async () => {
    server.use(http.put(PRESENCE, () => HttpResponse.json({ status: 'Available' }, { status: 200 })))
    const { result } = await run()
    expect(result).toMatchObject({ ok: false, httpStatus: 200, zoomCode: null })
  })

  it('reports a network error as no reply', async () => {
    server.use(http.put(PRESENCE, () => HttpResponse.error()))
    const { result, lines } = await run({ user: 'alice@example.com' })
    expect(result.ok).toBe(false)
    expect(result.httpStatus).toBeNull()
    expect(result.zoomCode).toBeNull()
    expect(result.user).toBe('alice@example.com')
    expect(result.message).toContain('No reply from Zoom')
    expect(result.message).toContain('api.zoom.us')
    expect(lines.some((l) => l.message.startsWith('No reply'))).toBe(true)
    expectNoToken(lines, result)
  })

  it('gives up when the server does not answer in time', async () => {
    server.use(
      http.put(PRESENCE, async () => {
        await delay(3_000)
        return new HttpResponse(null, { status: 204 })
      }),
    )
    const started = Date.now()
    const { result } = await run({}, 200)
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(result).toMatchObject({ ok: false, httpStatus: null, zoomCode: null })
    expect(result.message).toContain('did not answer in time')
  })

  it('sends the token in the header only, never in the URL or body', async () => {
    const { sent } = await run({ status: 'Do_Not_Disturb', duration: 5 })
    expect(sent).toHaveLength(1)
    expect(sent[0]!.url).not.toContain(TOKEN)
    expect(sent[0]!.body ?? '').not.toContain(TOKEN)
    expect(seen[0]!.url).not.toContain(TOKEN)
  })

  it('logs the request and reply, never the token', async () => {
    server.use(
      http.put(PRESENCE, () =>
        HttpResponse.json({ code: 124, message: `Invalid access token: ${TOKEN.slice(0, 4)}…` }, { status: 401 }),
      ),
    )
    const { result, lines } = await run({ status: 'Do_Not_Disturb', duration: 15, user: 'bob@example.com' })
    const messages = lines.map((l) => l.message)
    expect(messages.some((m) => m.includes('PUT https://api.zoom.us/v2/users/bob@example.com/presence_status'))).toBe(
      true,
    )
    expect(messages.some((m) => m.includes('"duration":15'))).toBe(true)
    expect(messages.some((m) => m.includes('HTTP 401'))).toBe(true)
    expect(lines.length).toBeGreaterThan(0)
    expectNoToken(lines, result)
  })
})

describe('several users with account credentials', () => {
  it('asks for a token once when Zoom refuses it, and fails every user with that reason', async () => {
    let grants = 0
    server.use(
      http.post('https://zoom.us/oauth/token', () => {
        grants += 1
        return HttpResponse.json(
          { reason: 'Invalid client_id or client_secret', error: 'invalid_client' },
          { status: 401 },
        )
      }),
    )
    const { log } = collectingLog()
    const users = ['alice@example.com', 'bob@example.com', 'carol@example.com', 'dave@example.com', 'erin@example.com']
    const { results } = await setPresence(
      settings({
        users,
        auth: {
          kind: 'account',
          accountId: 'acc-1',
          clientId: 'id-1',
          clientSecret: 'secret-1',
          oauthUrl: 'https://zoom.us/oauth/token',
        },
      }),
      log,
      () => undefined,
    )

    expect(grants).toBe(1)
    expect(seen).toHaveLength(0)
    expect(results.map((r) => r.user)).toEqual(users)
    expect(new Set(results.map((r) => `${r.ok} ${r.message}`)).size).toBe(1)
    expect(results[0]?.ok).toBe(false)
  })
})

describe('what restore saves', () => {
  const away = () => http.get(PRESENCE, () => HttpResponse.json({ status: 'Away' }))

  /** Runs one restoring update, and what it saved at each step. */
  async function restoring(overrides: Overrides = {}) {
    const states: string[][] = []
    const run = await setPresence(
      settings({ user: 'bob@example.com', restore: true, ...overrides }),
      collectingLog().log,
      () => undefined,
      { onSaved: (saved) => states.push(saved.map((s) => s.user)) },
    )
    return { ...run, states }
  }

  it('saves the user before the update is sent, and keeps it once Zoom confirms', async () => {
    server.use(away())
    const { results, saved, states } = await restoring()

    expect(results[0]?.ok).toBe(true)
    expect(states).toEqual([['bob@example.com'], ['bob@example.com']])
    expect(saved.map((s) => s.status)).toEqual(['Away'])
  })

  it('puts back no user whom another run updated within the minute: a first 429 changed nothing', async () => {
    server.use(
      away(),
      http.put(PRESENCE, () => HttpResponse.json({ code: 429, message: 'Too many.' }, { status: 429 })),
    )
    const { results, saved, states } = await restoring({ timeoutMs: 5_000 })

    expect(results[0]).toMatchObject({ ok: false, httpStatus: 429 })
    expect(states).toEqual([['bob@example.com'], []])
    expect(saved).toEqual([])
  })

  it('puts back no user whose update was never sent, the timeout used up by the read', async () => {
    server.use(
      http.get(PRESENCE, async () => {
        await delay(1_300)
        return HttpResponse.json({ status: 'Away' })
      }),
    )
    const { results, saved } = await restoring({ timeoutMs: 2_000 })

    expect(results[0]?.message).toMatch(/^Not sent: the timeout was used up/)
    expect(seen).toHaveLength(0)
    expect(saved).toEqual([])
  })

  it('keeps a user whose update got a server error: Zoom may have made it', async () => {
    server.use(
      away(),
      http.put(PRESENCE, () => new HttpResponse(null, { status: 503 })),
    )
    const { results, saved } = await restoring({ timeoutMs: 1_500 })

    expect(results[0]).toMatchObject({ ok: false, httpStatus: 503 })
    expect(saved.map((s) => s.user)).toEqual(['bob@example.com'])
    // Only the run needs to know: the results output does not list it.
    expect(Object.keys(publicResult(results[0] as Result))).not.toContain('mayHaveLanded')
  })
})
