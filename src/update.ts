import pLimit from 'p-limit'
import type { Naming, Settings } from './inputs.js'
import type { Log } from './log.js'
import type { Status } from './status.js'
import type { Tokens } from './tokens.js'
import { TokenError } from './zoom/oauth.js'
import {
  decodeError,
  explainNetworkError,
  explainReply,
  mayHaveArrived,
  type Outcome,
  type Reply,
} from './zoom/reply.js'
import { encodeBody, presenceRequest } from './zoom/request.js'
import type { Transport } from './zoom/transport.js'

/** One user's update, as the `results` output lists it. */
export interface Result {
  user: string
  status: string
  ok: boolean
  httpStatus: number | null
  zoomCode: number | null
  message: string
  /** With restore: the status read before the update. */
  previousStatus?: string
  /** With restore: the status could not be read, so no update was sent. */
  unread?: boolean
  /** A failed update that may have reached Zoom all the same, so may have changed the status. */
  mayHaveLanded?: boolean
}

export interface Zoom {
  send: Transport
  tokens: Tokens
  log: Log
  /** Ends the step's connections to Zoom. */
  close(): void
}

/** What one update sends: the status, and minutes for Do Not Disturb. */
export type Change = Pick<Settings, 'status' | 'duration' | 'baseUrl' | 'bodyFormat' | 'naming'>

/**
 * Requests to Zoom in flight at once. Zoom counts this endpoint in its
 * Medium class, per account across all apps: 2 a second on free accounts,
 * 20 on Pro, 60 on Business and up. No one number suits them all: four in
 * flight update 50 users at 100 ms a request in 13 rounds, under 2 s, and at
 * 200 ms a request send 20 a second, the Pro rate. Faster replies, a free
 * account, or other apps sharing the account's limit can still meet a 429;
 * that is retried, after Retry-After when Zoom gives one.
 */
export const CONCURRENCY = 4

/** A slot among the CONCURRENCY requests in flight; every user's work of one step shares one. */
export type Limiter = <R>(task: () => Promise<R>) => Promise<R>

export function userLimiter(): Limiter {
  return pLimit(CONCURRENCY)
}

/** Runs `task` for every user, a few at a time; results keep the users' order. */
export function forEachUser<T, R>(users: T[], task: (user: T) => Promise<R>): Promise<R[]> {
  const limit = userLimiter()
  return Promise.all(users.map((user) => limit(() => task(user))))
}

/**
 * Calls Zoom with the shared token. When Zoom calls a minted token invalid
 * (401, code 124), as a parallel run's grant makes it, renews it once.
 * Throws TokenError when no token can be had, and when no reply comes.
 */
export async function withToken(zoom: Zoom, user: string, call: (token: string) => Promise<Reply>): Promise<Reply> {
  const token = await zoom.tokens.get()
  const reply = await call(token)
  if (reply.httpStatus !== 401 || decodeError(reply.body).code !== 124) return reply
  const fresh = await zoom.tokens.renew(token)
  if (!fresh) return reply
  zoom.log.info(`Zoom called the token invalid for ${user}; retrying once with a new token.`)
  return call(fresh)
}

/** Explains why a call got no reply from Zoom, or no token to make it with. */
export function failureOf(error: unknown, url: string, log: Log, naming: Naming): Outcome {
  if (error instanceof TokenError) return { ok: false, message: error.message }
  log.debug(`No reply from ${url}: ${(error as Error)?.message ?? String(error)}`)
  return explainNetworkError(error, { url, input: 'base-url' }, naming)
}

/** Sends one user's presence update and explains what Zoom made of it. */
export async function updateUser(user: string, change: Change, zoom: Zoom): Promise<Result> {
  const { status, duration, baseUrl, bodyFormat, naming } = change
  const request = presenceRequest(baseUrl, user, status, duration)
  const { contentType, body } = encodeBody(request.fields, bodyFormat)
  let outcome: Outcome
  let mayHaveLanded = false
  try {
    const reply = await withToken(zoom, user, (token) => {
      zoom.log.debug(
        `${request.method} ${request.url} (${contentType.split(';')[0]}) ${JSON.stringify(request.fields)}`,
      )
      return zoom.send({
        method: request.method,
        url: request.url,
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType, Accept: 'application/json' },
        body,
      })
    })
    zoom.log.debug(
      `Zoom answered HTTP ${reply.httpStatus} for ${user} ${reply.body.length > 0 ? `with ${reply.body.length} characters` : 'with no body'}`,
    )
    const subject = { user, status, duration: request.fields.duration, minted: zoom.tokens.minted }
    outcome = explainReply(reply, subject, naming)
    mayHaveLanded = reply.httpStatus >= 500 || reply.earlierUnanswered === true
  } catch (error) {
    outcome = failureOf(error, request.url, zoom.log, naming)
    mayHaveLanded = mayHaveArrived(error) || (error as { earlierUnanswered?: boolean })?.earlierUnanswered === true
  }
  const result = resultOf(user, status, outcome)
  return !result.ok && mayHaveLanded ? { ...result, mayHaveLanded } : result
}

export function resultOf(user: string, status: Status | string, outcome: Outcome): Result {
  return {
    user,
    status,
    ok: outcome.ok,
    httpStatus: outcome.httpStatus ?? null,
    zoomCode: outcome.zoomCode ?? null,
    message: outcome.message,
  }
}
