import { MAX_TIMEOUT_S } from '../inputs.js'
import type { Log } from '../log.js'
import { header, isDailyLimit, MAX_WAIT_MS, mayHaveArrived, proxyRefusal, type Reply, retryAfterMs } from './reply.js'
import { NotSent, type Sent, type Transport } from './transport.js'

/** When to try again, and how long the whole step may take. */
export interface RetryPolicy {
  /** Milliseconds the step may spend on requests and waits, in all. */
  budgetMs: number
  /** Milliseconds one request may take. */
  requestTimeoutMs: number
  /** First backoff after a server or network error; it doubles each time. */
  baseDelayMs?: number
  /** First backoff after a 429 that X-RateLimit-Type calls QPS: the account's per-second limit. */
  qpsDelayMs?: number
  /**
   * First backoff after any other 429 without Retry-After: most likely the
   * per-user limit of one update a minute, so it starts at seconds, not at one.
   */
  rateLimitDelayMs?: number
  /** No backoff grows beyond this; a user's limit frees up within a minute. */
  maxDelayMs?: number
  /** Attempts per request, the first one included. */
  maxAttempts?: number
  /** How the front end names the step's timeout, for the advice to raise it. */
  timeoutName?: string
  random?: () => number
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

/** What to do after one attempt. */
export type Next = { retry: true; delayMs: number; reason: string } | { retry: false; note?: string }

/** Time for a short request: with less than this left of the budget, none is sent. */
const MIN_REQUEST_MS = 1000
/**
 * The least wait after a 429, whatever Retry-After says: a server that
 * answers "0", a negative number or a past date would otherwise be asked
 * again at once, hundreds of times a second.
 */
export const MIN_RATE_LIMIT_WAIT_MS = 1000
/**
 * Zoom takes one update per user a minute: the minute that a 429 without
 * Retry-After meets began with the update before, so it is over a minute
 * after that 429 at the latest; a second more covers the request's own way there.
 */
const USER_MINUTE_MS = 61_000
const RETRYABLE_NETWORK = [
  'ECONNRESET',
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EPIPE',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'TIMEOUT',
]

/** Whether an error means no reply came and a retry may get one. */
export function isRetryableNetworkError(error: unknown): boolean {
  // A proxy that wants credentials or forbids the host answers the same again.
  const refused = proxyRefusal(error)
  if (refused !== undefined && refused < 500) return false
  const code = (error as { code?: unknown })?.code
  if (typeof code === 'string' && RETRYABLE_NETWORK.includes(code)) return true
  return /timeout/i.test(String((error as Error)?.message))
}

/** Exponential backoff with "equal jitter": half fixed, half random. */
export function backoffMs(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt - 1, 30))
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}

/**
 * The least time left of the budget for which a request is sent: a second,
 * or less when the budget or the request timeout are shorter than that.
 */
export function minRequestMs(policy: Pick<RetryPolicy, 'budgetMs' | 'requestTimeoutMs'>): number {
  return Math.min(MIN_REQUEST_MS, policy.requestTimeoutMs, policy.budgetMs / 2)
}

/**
 * Decides on a retry after `attempt` attempts. 429 and 5xx replies and
 * network errors are retried; other replies never are.
 */
export function nextStep(
  attempt: number,
  outcome: { reply: Reply } | { error: unknown },
  policy: Required<Omit<RetryPolicy, 'sleep'>>,
  remainingMs: number,
  sinceFirst429Ms = 0,
): Next {
  let delayMs: number
  let reason: string
  let waiting: 'asked' | 'user-limit' | undefined
  if ('error' in outcome) {
    if (!isRetryableNetworkError(outcome.error)) return { retry: false }
    const code = (outcome.error as { code?: unknown })?.code
    reason = `no reply (${typeof code === 'string' ? code : 'timeout'})`
    delayMs = backoffMs(attempt, policy.baseDelayMs, policy.maxDelayMs, policy.random)
  } else if (outcome.reply.httpStatus === 429) {
    if (isDailyLimit(outcome.reply)) return { retry: false }
    const requested = retryAfterMs(header(outcome.reply, 'retry-after'), policy.now())
    reason = 'Zoom answered 429 Too Many Requests'
    if (requested !== undefined) {
      // Never less than the backoff after an error: a wait of nothing is a busy loop.
      const floor = backoffMs(attempt, policy.baseDelayMs, policy.maxDelayMs, policy.random)
      delayMs = Math.max(requested, floor, MIN_RATE_LIMIT_WAIT_MS)
      if (delayMs === requested) waiting = 'asked'
    } else if (/^qps$/i.test(header(outcome.reply, 'x-ratelimit-type')?.trim() ?? '')) {
      delayMs = backoffMs(attempt, policy.qpsDelayMs, policy.maxDelayMs, policy.random)
    } else {
      waiting = 'user-limit'
      delayMs = backoffMs(attempt, policy.rateLimitDelayMs, policy.maxDelayMs, policy.random)
      // No need to wait past the end of the user's minute; once it is over, a
      // 429 is some other limit, and the backoff goes on as it was.
      const minuteLeftMs = USER_MINUTE_MS - sinceFirst429Ms
      if (minuteLeftMs >= MIN_RATE_LIMIT_WAIT_MS) delayMs = Math.min(delayMs, minuteLeftMs)
    }
  } else if (outcome.reply.httpStatus >= 500) {
    reason = `Zoom answered HTTP ${outcome.reply.httpStatus}`
    delayMs = backoffMs(attempt, policy.baseDelayMs, policy.maxDelayMs, policy.random)
  } else {
    return { retry: false }
  }
  if (attempt >= policy.maxAttempts) {
    return { retry: false, note: `Not retried: gave up after ${attempt} attempts.` }
  }
  // A retry needs time to wait and then time for at least a short request.
  if (delayMs + minRequestMs(policy) > remainingMs) {
    const left = seconds(Math.max(0, remainingMs))
    const wait = delayMs >= MAX_WAIT_MS ? 'a day or more' : seconds(delayMs)
    // No timeout can be raised past MAX_TIMEOUT_S: then only a later run helps.
    const raise =
      delayMs + minRequestMs(policy) > MAX_TIMEOUT_S * 1000
        ? `that is longer than any ${policy.timeoutName} allows (${MAX_TIMEOUT_S} s), so re-run the job later`
        : `raise ${policy.timeoutName} to let it wait`
    const notes = {
      asked: `Zoom asked to wait ${wait} (Retry-After); that and one more request do not fit in the ${left} left of the timeout, so it did not wait: ${raise}.`,
      'user-limit': `Zoom sent no Retry-After, and the next try would wait ${wait} for the user's one update a minute; that and one more request do not fit in the ${left} left of the timeout, so it did not wait: ${raise}.`,
    }
    return {
      retry: false,
      note: waiting ? notes[waiting] : `Not retried: only ${left} of the timeout was left.`,
    }
  }
  return { retry: true, delayMs, reason }
}

/**
 * Wraps a transport so that each request is retried as `nextStep` decides,
 * within one time budget shared by every request it sends. A request that
 * would start with too little of the budget left is not sent: it rejects
 * with NotSent.
 */
export function retrying(send: Transport, options: RetryPolicy, log: Log): Transport {
  const policy = {
    baseDelayMs: 1000,
    qpsDelayMs: 2000,
    // With equal jitter 7.5-15 s, then 15-30 s, then 30-60 s: past the minute
    // in three or four requests, where a start of one second takes seven.
    rateLimitDelayMs: 15_000,
    maxDelayMs: 60_000,
    maxAttempts: 6,
    timeoutName: "'timeout'",
    random: Math.random,
    now: Date.now,
    ...options,
  }
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)))
  const deadline = policy.now() + policy.budgetMs
  const minimum = minRequestMs(policy)
  return async (request: Sent) => {
    let last: { reply: Reply } | { error: unknown } | undefined
    let first429At: number | undefined
    // Whether an attempt before `last` may have reached Zoom without an answer.
    let unanswered = false
    for (let attempt = 1; ; attempt++) {
      const remainingMs = deadline - policy.now()
      // nextStep left `minimum` after the wait; a timer that fires late eats a little of it.
      if (remainingMs < (last ? minimum / 2 : minimum)) {
        if (!last) {
          throw new NotSent()
        }
        return settle(
          last,
          `Not retried: only ${seconds(Math.max(0, remainingMs))} of the timeout was left.`,
          unanswered,
        )
      }
      if (last) unanswered ||= 'error' in last ? mayHaveArrived(last.error) : last.reply.httpStatus >= 500
      const timeoutMs = Math.min(policy.requestTimeoutMs, remainingMs)
      try {
        last = { reply: await send({ ...request, timeoutMs }) }
      } catch (error) {
        last = { error }
      }
      if ('reply' in last && last.reply.httpStatus === 429) first429At ??= policy.now()
      const since429 = first429At === undefined ? 0 : policy.now() - first429At
      const next = nextStep(attempt, last, policy, deadline - policy.now(), since429)
      if (!next.retry) return settle(last, next.note, unanswered)
      log.info(`${describe(request)}: ${next.reason}; retrying in ${seconds(next.delayMs)} (attempt ${attempt + 1}).`)
      await sleep(next.delayMs)
    }
  }
}

/**
 * The last attempt's reply, with why no more were made and whether an
 * earlier attempt may have reached Zoom unanswered; or its error.
 */
function settle(outcome: { reply: Reply } | { error: unknown }, note: string | undefined, unanswered: boolean): Reply {
  if ('error' in outcome) {
    if (unanswered && typeof outcome.error === 'object' && outcome.error !== null) {
      Object.assign(outcome.error, { earlierUnanswered: true })
    }
    throw outcome.error
  }
  return { ...outcome.reply, ...(note ? { note } : {}), ...(unanswered ? { earlierUnanswered: true } : {}) }
}

/** Method and path, which tell apart the requests in flight; the query is left out. */
function describe(request: Sent): string {
  try {
    return `${request.method} ${new URL(request.url).pathname}`
  } catch {
    return request.method
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`
}
