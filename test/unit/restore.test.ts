import { describe, expect, it } from 'vitest'
import { type Auth, INPUT_NAMING, type Settings } from '../../src/inputs.js'
import type { Log } from '../../src/log.js'
import { type Clock, parseSaved, RATE_WINDOW_MS, restoreAll, restorePlan, type Saved } from '../../src/restore.js'
import { tokensFor } from '../../src/tokens.js'
import { CONCURRENCY, type Zoom } from '../../src/update.js'
import { presenceFrom } from '../../src/zoom/read.js'
import type { Sent } from '../../src/zoom/transport.js'

const NOW = Date.parse('2026-03-02T10:00:00Z')
const BASE = 'https://api.zoom.us/v2'
const OAUTH = 'https://zoom.us/oauth/token'

function settings(auth: Auth = { kind: 'token', token: 'zm-token-0123456789' }): Settings {
  return {
    status: 'Presenting',
    duration: undefined,
    users: [],
    auth,
    baseUrl: BASE,
    bodyFormat: 'json',
    failOnError: true,
    timeoutMs: 90_000,
    requestTimeoutMs: 30_000,
    restore: true,
    dryRun: false,
    naming: INPUT_NAMING,
  }
}

/** A clock at NOW whose sleeps end only when released. */
function heldClock() {
  const sleeping: (() => void)[] = []
  const clock: Clock = {
    now: () => NOW,
    sleep: () => new Promise<void>((done) => sleeping.push(done)),
  }
  return {
    clock,
    sleeping,
    release: () => {
      for (const done of sleeping.splice(0)) done()
    },
  }
}

/** A Zoom that accepts every update and grants every token, recording what was sent. */
function fakeZoom(auth = settings().auth) {
  const sent: Sent[] = []
  const warnings: string[] = []
  const log: Log = { info: () => undefined, debug: () => undefined, warning: (m) => warnings.push(m) }
  const send = async (request: Sent) => {
    sent.push(request)
    if (request.url === OAUTH) {
      return { httpStatus: 200, headers: {}, body: JSON.stringify({ access_token: 'minted-token-0123456789' }) }
    }
    return { httpStatus: 204, headers: {}, body: '' }
  }
  const zoom: Zoom = { send, tokens: tokensFor(auth, send, () => undefined, INPUT_NAMING), log, close: () => undefined }
  return { zoom, sent, warnings }
}

/** Lets pending promise callbacks run. */
const settle = () => new Promise((done) => setTimeout(done, 20))

const saved = (user: string, overrides: Partial<Saved> = {}): Saved => ({
  user,
  read: 'Away',
  status: 'Away',
  updatedAt: NOW - 2 * RATE_WINDOW_MS,
  ...overrides,
})

describe('restoreAll', () => {
  it('lets a user who need not wait go ahead of those still waiting out their minute', async () => {
    const waiting = Array.from({ length: CONCURRENCY }, (_, i) => saved(`wait${i}@example.com`, { updatedAt: NOW }))
    const { zoom, sent } = fakeZoom()
    const { clock, sleeping, release } = heldClock()
    const done = restoreAll([...waiting, saved('now@example.com')], settings(), zoom, clock)
    await settle()

    expect(sleeping).toHaveLength(CONCURRENCY)
    expect(sent.map((r) => r.url)).toEqual([`${BASE}/users/now@example.com/presence_status`])
    release()
    expect((await done).map((r) => r.ok)).toEqual(Array(CONCURRENCY + 1).fill(true))
    expect(sent).toHaveLength(CONCURRENCY + 1)
  })

  it('gets the token while the users wait', async () => {
    const auth: Auth = { kind: 'account', accountId: 'acc', clientId: 'id', clientSecret: 'secret', oauthUrl: OAUTH }
    const { zoom, sent } = fakeZoom(auth)
    const { clock, release } = heldClock()
    const done = restoreAll([saved('bob@example.com', { updatedAt: NOW - 1_000 })], settings(auth), zoom, clock)
    await settle()

    expect(sent.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${OAUTH}`])
    release()
    await done
    expect(sent.map((r) => r.method)).toEqual(['POST', 'PUT'])
  })

  it('gets no token when every user is skipped', async () => {
    const auth: Auth = { kind: 'account', accountId: 'acc', clientId: 'id', clientSecret: 'secret', oauthUrl: OAUTH }
    const { zoom, sent, warnings } = fakeZoom(auth)
    const results = await restoreAll(
      [saved('off@example.com', { read: 'Offline', status: undefined })],
      settings(auth),
      zoom,
      heldClock().clock,
    )

    expect(results).toEqual([])
    expect(sent).toEqual([])
    expect(warnings).toEqual([
      'Cannot restore the presence of off@example.com: Zoom read it as Offline, which cannot be set; skipped.',
    ])
  })

  it('skips Do Not Disturb that would have ended by the time it is restored', async () => {
    const { zoom, sent, warnings } = fakeZoom()
    // Updated 30 s ago, so the restore waits 30 s; Do Not Disturb ends in 20 s.
    const dnd = saved('dnd@example.com', {
      read: 'Do_Not_Disturb',
      status: 'Do_Not_Disturb',
      updatedAt: NOW - 30_000,
      endsAt: NOW + 20_000,
    })
    const results = await restoreAll([dnd], settings(), zoom, heldClock().clock)

    expect(results).toEqual([])
    expect(sent).toEqual([])
    expect(warnings).toEqual(['Did not restore Do Not Disturb for dnd@example.com: it would have ended by now.'])
  })

  it('restores Do Not Disturb for the minutes left when the restore lands', async () => {
    const { zoom, sent } = fakeZoom()
    const dnd = saved('dnd@example.com', {
      read: 'Do_Not_Disturb',
      status: 'Do_Not_Disturb',
      endsAt: NOW + 10 * 60_000 + 1,
    })
    await restoreAll([dnd], { ...settings(), duration: 45 }, zoom, heldClock().clock)

    expect(JSON.parse(sent[0]?.body ?? '')).toEqual({ status: 'Do_Not_Disturb', duration: 11 })
  })
})

describe('parseSaved', () => {
  it('keeps what the main step saved, and drops anything malformed or no user', () => {
    const good = { user: 'bob@example.com', read: 'Away', status: 'Away', updatedAt: NOW }
    const text = JSON.stringify([good, { ...good, user: '..' }, { ...good, user: 'a/b' }, { user: 'x' }, null, 7])
    expect(parseSaved(text)).toEqual([{ ...good, endsAt: undefined }])
    expect(parseSaved('not json')).toEqual([])
    expect(parseSaved('{"user":"bob@example.com"}')).toEqual([])
  })
})

describe('restorePlan', () => {
  it('waits the rest of the minute, and never more, even for a time saved ahead of this clock', () => {
    expect(restorePlan(saved('a@example.com', { updatedAt: NOW - 45_000 }), NOW)).toEqual({
      change: { status: 'Away' },
      waitMs: 15_000,
    })
    expect(restorePlan(saved('a@example.com', { updatedAt: NOW + 10 * 60_000 }), NOW)).toEqual({
      change: { status: 'Away' },
      waitMs: RATE_WINDOW_MS,
    })
  })

  it('restores Do Not Disturb with days left for the most Zoom sets at once, and says so', () => {
    const plan = restorePlan(
      saved('dnd@example.com', { read: 'Do_Not_Disturb', status: 'Do_Not_Disturb', endsAt: NOW + 5 * 86_400_000 }),
      NOW,
    )
    expect(plan).toEqual({
      change: { status: 'Do_Not_Disturb', duration: 1440 },
      waitMs: 0,
      note: 'Do Not Disturb of dnd@example.com had 7200 minutes left, more than the 1440 Zoom can set at once: it is restored for 1440.',
    })
  })
})

describe('presenceFrom', () => {
  const reply = (body: object) => ({ httpStatus: 200, headers: {}, body: JSON.stringify(body) })

  it('takes the end of Do Not Disturb from end_time', () => {
    const read = presenceFrom(
      reply({ status: 'Do_Not_Disturb', end_time: '2026-03-02T10:30:00Z', remaining_time: 5 }),
      'me',
      NOW,
      INPUT_NAMING,
    )
    expect(read).toEqual({
      presence: { read: 'Do_Not_Disturb', settable: 'Do_Not_Disturb', endsAt: NOW + 30 * 60_000 },
    })
  })

  it('falls back to remaining_time, in minutes, without end_time', () => {
    const read = presenceFrom(reply({ status: 'Do_Not_Disturb', remaining_time: 25 }), 'me', NOW, INPUT_NAMING)
    expect(read).toEqual({
      presence: { read: 'Do_Not_Disturb', settable: 'Do_Not_Disturb', endsAt: NOW + 25 * 60_000 },
    })
  })

  it('leaves the end unknown when Zoom gives neither', () => {
    const read = presenceFrom(reply({ status: 'Do_Not_Disturb' }), 'bob@example.com', NOW, INPUT_NAMING)
    expect(read).toEqual({ presence: { read: 'Do_Not_Disturb', settable: 'Do_Not_Disturb', endsAt: undefined } })
  })

  it("maps the spec's spelling Do_No_Disturb to the status it can write back", () => {
    const read = presenceFrom(reply({ status: 'Do_No_Disturb' }), 'bob@example.com', NOW, INPUT_NAMING)
    expect(read).toMatchObject({ presence: { read: 'Do_No_Disturb', settable: 'Do_Not_Disturb' } })
  })

  it.each([401, 400, 403])('explains a missing read scope sent with HTTP %d before anything changes', (status) => {
    const refused = { httpStatus: status, headers: {}, body: JSON.stringify({ code: 4711, message: 'No scope.' }) }
    const read = presenceFrom(refused, 'bob@example.com', NOW, INPUT_NAMING)
    expect(read).toMatchObject({ failure: { ok: false, httpStatus: status, zoomCode: 4711 } })
    expect('failure' in read && read.failure.message).toContain('lacks the scope to read presence')
  })

  it('knows no status to write for a read value it has never seen', () => {
    const read = presenceFrom(reply({ status: 'In_A_Webinar' }), 'bob@example.com', NOW, INPUT_NAMING)
    expect(read).toEqual({ presence: { read: 'In_A_Webinar', settable: undefined, endsAt: undefined } })
  })
})
