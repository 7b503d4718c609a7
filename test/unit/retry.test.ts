import { describe, expect, it } from 'vitest'
import type { Log } from '../../src/log.js'
import { type Reply, retryAfterMs } from '../../src/zoom/reply.js'
import { backoffMs, isRetryableNetworkError, nextStep, type RetryPolicy, retrying } from '../../src/zoom/retry.js'
import { NotSent, type Sent } from '../../src/zoom/transport.js'

const REQUEST: Sent = {
  method: 'PUT',
  url: 'https://api.zoom.us/v2/users/bob@example.com/presence_status',
  headers: {},
}

/** A clock that only moves when the code under test sleeps or a request takes time. */
function fakeClock() {
  let now = Date.UTC(2026, 0, 5, 12)
  const slept: number[] = []
  return {
    slept,
    now: () => now,
    advance: (ms: number) => {
      now += ms
    },
    sleep: async (ms: number) => {
      slept.push(ms)
      now += ms
    },
  }
}

function recordingLog(): Log & { lines: string[] } {
  const lines: string[] = []
  return { lines, info: (m) => lines.push(m), debug: () => undefined, warning: (m) => lines.push(m) }
}

/** A transport that answers each request with the next reply (or error), taking `takesMs`. */
function scripted(clock: ReturnType<typeof fakeClock>, answers: (Reply | Error)[], takesMs = 100) {
  const sent: Sent[] = []
  const send = async (request: Sent): Promise<Reply> => {
    sent.push(request)
    clock.advance(takesMs)
    const answer = answers[Math.min(sent.length - 1, answers.length - 1)]
    if (answer instanceof Error) throw answer
    if (!answer) throw new Error('no answer scripted')
    return answer
  }
  return { sent, send }
}

const reply = (httpStatus: number, headers: Record<string, string> = {}): Reply => ({ httpStatus, headers, body: '' })
const timeout = () => Object.assign(new Error('Request timeout after 1000 ms'), { code: 'ETIMEDOUT' })

function policy(clock: ReturnType<typeof fakeClock>, rules: Partial<RetryPolicy> = {}): RetryPolicy {
  return { budgetMs: 90_000, requestTimeoutMs: 30_000, random: () => 0.5, now: clock.now, sleep: clock.sleep, ...rules }
}

describe('the time budget', () => {
  it('gives each request the budget that is left, at most the request timeout', async () => {
    const clock = fakeClock()
    const { sent, send } = scripted(clock, [reply(204)], 4_000)
    const call = retrying(send, policy(clock, { budgetMs: 10_000, requestTimeoutMs: 5_000 }), recordingLog())
    await call(REQUEST)
    await call(REQUEST)
    await call(REQUEST)

    expect(sent.map((r) => r.timeoutMs)).toEqual([5_000, 5_000, 2_000])
  })

  it('sends nothing once less than a second of the budget is left', async () => {
    const clock = fakeClock()
    const { sent, send } = scripted(clock, [timeout()], 1_000)
    const call = retrying(send, policy(clock, { budgetMs: 2_500 }), recordingLog())

    await expect(call(REQUEST)).rejects.toMatchObject({ code: 'ETIMEDOUT' })
    // 1.5 s left: one more request goes out; 0.5 s left: none does.
    await expect(call(REQUEST)).rejects.toMatchObject({ code: 'ETIMEDOUT' })
    const notSent = call(REQUEST)
    await expect(notSent).rejects.toBeInstanceOf(NotSent)
    await expect(notSent).rejects.toThrow(/timeout was used up/)
    expect(sent).toHaveLength(2)
  })

  it('still sends when the budget itself is shorter than a second', async () => {
    const clock = fakeClock()
    const { sent, send } = scripted(clock, [reply(204)], 100)
    const call = retrying(send, policy(clock, { budgetMs: 500 }), recordingLog())

    await expect(call(REQUEST)).resolves.toMatchObject({ httpStatus: 204 })
    expect(sent.map((r) => r.timeoutMs)).toEqual([500])
  })
})

describe('Retry-After', () => {
  it.each(['0', '-1', 'Thu, 01 Jan 1970 00:00:00 GMT', '2000-01-01T00:00:00Z'])(
    'never waits less than a second, nor more often than the attempt limit, for %j',
    async (value) => {
      const clock = fakeClock()
      const { sent, send } = scripted(clock, [reply(429, { 'retry-after': value })], 50)
      const call = retrying(send, policy(clock), recordingLog())
      const last = await call(REQUEST)

      expect(sent).toHaveLength(6)
      expect(clock.slept).toHaveLength(5)
      for (const ms of clock.slept) expect(ms).toBeGreaterThanOrEqual(1_000)
      // Never less than the backoff after an error: 0.75 s, 1.5 s, 3 s, 6 s, 12 s at random 0.5.
      expect(clock.slept).toEqual([1_000, 1_500, 3_000, 6_000, 12_000])
      expect(last.httpStatus).toBe(429)
      expect(last.note).toBe('Not retried: gave up after 6 attempts.')
    },
  )

  it('waits as long as Zoom asks when that is longer than the floor', async () => {
    const clock = fakeClock()
    const { sent, send } = scripted(clock, [reply(429, { 'retry-after': '7' }), reply(204)], 50)
    const log = recordingLog()
    await retrying(send, policy(clock), log)(REQUEST)

    expect(sent).toHaveLength(2)
    expect(clock.slept).toEqual([7_000])
  })
})

describe('429 without Retry-After', () => {
  const perUser = reply(429, { 'x-ratelimit-category': 'Medium' })

  it('waits in steps sized to the per-user minute, not past its end, then backs off as before', async () => {
    for (const [random, expected] of [
      // One wait is cut to end the minute 61 s after the first 429; a 429 after that is another limit.
      [0, [7_500, 15_000, 30_000, 8_350, 30_000]],
      [0.999, [14_993, 29_985, 15_922, 59_970, 59_970]],
    ] as const) {
      const clock = fakeClock()
      const { sent, send } = scripted(clock, [perUser], 50)
      const call = retrying(send, policy(clock, { budgetMs: 3_600_000, random: () => random }), recordingLog())
      await call(REQUEST)

      expect(clock.slept).toEqual(expected)
      expect(sent).toHaveLength(6)
    }
  })

  it('passes the minute in four requests, a second after it ends, within the default 90 s', async () => {
    const clock = fakeClock()
    // Zoom frees the user 60 s after the previous update, which came just before this one.
    const started = clock.now()
    const send = async (request: Sent): Promise<Reply> => {
      sent.push(request)
      clock.advance(50)
      return clock.now() - started >= 60_000 ? reply(204) : perUser
    }
    const sent: Sent[] = []
    const result = await retrying(send, policy(clock, { random: () => 0.5 }), recordingLog())(REQUEST)

    expect(result.httpStatus).toBe(204)
    expect(clock.slept).toEqual([11_250, 22_500, 27_150])
    expect(sent).toHaveLength(4)
    // Not 79 s, as growing waits alone would take: the minute ends 61 s after the first 429.
    expect(clock.now() - started).toBe(61_100)
  })

  it('fails at once when the first wait does not fit the budget, saying so', async () => {
    const clock = fakeClock()
    const { sent, send } = scripted(clock, [perUser], 50)
    const result = await retrying(send, policy(clock, { budgetMs: 5_000 }), recordingLog())(REQUEST)

    expect(sent).toHaveLength(1)
    expect(clock.slept).toEqual([])
    expect(result.note).toBe(
      "Zoom sent no Retry-After, and the next try would wait 11 s for the user's one update a minute; that and one more request do not fit in the 5.0 s left of the timeout, so it did not wait: raise 'timeout' to let it wait.",
    )
  })

  it("does not wait for a Retry-After beyond the budget, and says how long Zoom asked, in the front end's words", async () => {
    const clock = fakeClock()
    const { sent, send } = scripted(clock, [reply(429, { 'retry-after': '999999999999' })], 50)
    const rules = { budgetMs: 90_000, timeoutName: '--timeout' }
    const result = await retrying(send, policy(clock, rules), recordingLog())(REQUEST)

    expect(sent).toHaveLength(1)
    expect(clock.slept).toEqual([])
    expect(result.note).toBe(
      'Zoom asked to wait a day or more (Retry-After); that and one more request do not fit in the 90 s left of the timeout, so it did not wait: that is longer than any --timeout allows (3600 s), so re-run the job later.',
    )
  })

  it('waits only a second or two when X-RateLimit-Type names the per-second limit', async () => {
    for (const [random, expected] of [
      [0, [1_000, 2_000, 4_000]],
      [0.999, [1_999, 3_998, 7_996]],
    ] as const) {
      const clock = fakeClock()
      const { send } = scripted(
        clock,
        [
          reply(429, { 'x-ratelimit-type': 'QPS' }),
          reply(429, { 'x-ratelimit-type': 'qps' }),
          reply(429, { 'x-ratelimit-type': 'QPS' }),
          reply(204),
        ],
        50,
      )
      const result = await retrying(send, policy(clock, { random: () => random }), recordingLog())(REQUEST)

      expect(result.httpStatus).toBe(204)
      expect(clock.slept).toEqual(expected)
    }
  })
})

describe('the log', () => {
  it('names the request, the reason and the delay of each retry', async () => {
    const clock = fakeClock()
    const { send } = scripted(clock, [reply(503), timeout(), reply(204)], 50)
    const log = recordingLog()
    await retrying(send, policy(clock, { random: () => 0 }), log)({ ...REQUEST, url: `${REQUEST.url}?x=1` })

    expect(log.lines).toEqual([
      'PUT /v2/users/bob@example.com/presence_status: Zoom answered HTTP 503; retrying in 0.5 s (attempt 2).',
      'PUT /v2/users/bob@example.com/presence_status: no reply (ETIMEDOUT); retrying in 1.0 s (attempt 3).',
    ])
  })
})

describe('retryAfterMs', () => {
  const now = Date.UTC(2026, 0, 5, 12, 0, 0)
  it.each([
    ['2', 2_000],
    ['0', 0],
    ['1.5', 1_500],
    [' 120 ', 120_000],
    ['0.0001', 1],
    [`1${'0'.repeat(400)}`, 86_400_000],
    ['Mon, 05 Jan 2026 12:00:07 GMT', 7_000],
    ['Monday, 05-Jan-26 12:00:09 GMT', 9_000],
    ['2026-01-05T12:00:30Z', 30_000],
    ['2026-01-05T12:00:00.250Z', 250],
    ['Mon, 05 Jan 2026 11:59:00 GMT', 0],
    ['2025-12-31T00:00:00Z', 0],
    ['Sat, 05 Jan 2030 12:00:00 GMT', 86_400_000],
  ])('reads %j as %i ms', (value, ms) => {
    expect(retryAfterMs(value, now)).toBe(ms)
  })

  it.each([undefined, '', '  ', 'soon', '1e3', '0x10', 'NaN', 'Infinity', '5 s'])(
    'reads %j as no wait given',
    (value) => {
      expect(retryAfterMs(value, now)).toBeUndefined()
    },
  )
})

describe('jitter', () => {
  it('follows the random number, between half the ceiling and the ceiling', () => {
    expect(backoffMs(3, 1_000, 60_000, () => 0)).toBe(2_000)
    expect(backoffMs(3, 1_000, 60_000, () => 0.5)).toBe(3_000)
    expect(backoffMs(3, 1_000, 60_000, () => 0.999)).toBe(3_998)
    expect(backoffMs(20, 1_000, 60_000, () => 0)).toBe(30_000)
    expect(backoffMs(20, 1_000, 60_000, () => 0.999)).toBe(59_970)
  })

  it('spreads the retries after a server error by the random number', () => {
    const delays = [0, 0.999].map((random) => {
      const rules = {
        budgetMs: 90_000,
        requestTimeoutMs: 30_000,
        baseDelayMs: 1_000,
        qpsDelayMs: 2_000,
        rateLimitDelayMs: 15_000,
        maxDelayMs: 60_000,
        maxAttempts: 6,
        timeoutName: "'timeout'",
        random: () => random,
        now: () => 0,
      }
      return nextStep(2, { reply: reply(503) }, rules, 90_000)
    })
    expect(delays).toEqual([
      { retry: true, delayMs: 1_000, reason: 'Zoom answered HTTP 503' },
      { retry: true, delayMs: 1_999, reason: 'Zoom answered HTTP 503' },
    ])
  })
})

describe('isRetryableNetworkError', () => {
  const tunnel = (status: number) =>
    Object.assign(new Error(`tunneling socket could not be established, statusCode=${status}`), { code: 'ECONNRESET' })

  it('retries lost connections, DNS failures and refusals, which a later try may get past', () => {
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT']) {
      expect(isRetryableNetworkError(Object.assign(new Error(code), { code }))).toBe(true)
    }
    expect(isRetryableNetworkError(tunnel(502))).toBe(true)
  })

  it('does not retry a proxy that wants credentials or forbids the host', () => {
    expect(isRetryableNetworkError(tunnel(407))).toBe(false)
    expect(isRetryableNetworkError(tunnel(403))).toBe(false)
  })
})
