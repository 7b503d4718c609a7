import pLimit from 'p-limit'
import type { Settings } from './inputs.js'
import type { Log } from './log.js'
import type { Tokens } from './tokens.js'
import { TokenError } from './zoom/oauth.js'
import { decodeError, explainNetworkError, explainReply, type Outcome, type Reply } from './zoom/reply.js'
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
}

export interface Zoom {
  send: Transport
  tokens: Tokens
  log: Log
}

/**
 * Updates at most this many users at once. Zoom counts the endpoint in its
 * Medium class per account (20 requests a second on Pro); four in flight at
 * Zoom's usual latency stays near that, and a 429 is retried anyway.
 */
export const CONCURRENCY = 4

/** Updates every user, a few at a time, sharing one token; one result per user, in order. */
export async function updateAll(settings: Settings, zoom: Zoom): Promise<Result[]> {
  const limit = pLimit(CONCURRENCY)
  return Promise.all(settings.users.map((user) => limit(() => updateUser(user, settings, zoom))))
}

/** Sends one user's presence update and explains what Zoom made of it. */
export async function updateUser(user: string, settings: Settings, zoom: Zoom): Promise<Result> {
  const { status, duration, baseUrl, bodyFormat } = settings
  const request = presenceRequest(baseUrl, user, status, duration)
  const { contentType, body } = await encodeBody(request.fields, bodyFormat)
  const put = (token: string) => {
    zoom.log.debug(`${request.method} ${request.url} (${contentType.split(';')[0]}) ${JSON.stringify(request.fields)}`)
    return zoom.send({
      method: request.method,
      url: request.url,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType, Accept: 'application/json' },
      body,
    })
  }
  let outcome: Outcome
  try {
    const token = await zoom.tokens.get()
    let reply = await put(token)
    if (isInvalidToken(reply)) {
      const fresh = await zoom.tokens.renew(token)
      if (fresh) {
        zoom.log.info(`Zoom called the token invalid while updating ${user}; retrying once with a new token.`)
        reply = await put(fresh)
      }
    }
    zoom.log.debug(`Zoom answered HTTP ${reply.httpStatus} for ${user} ${reply.body.length > 0 ? `with ${reply.body.length} characters` : 'with no body'}`)
    outcome = explainReply(reply, { user, status, duration: request.fields.duration })
  } catch (error) {
    if (error instanceof TokenError) {
      outcome = { ok: false, message: error.message }
    } else {
      zoom.log.debug(`No reply for ${user}: ${(error as Error)?.message ?? String(error)}`)
      outcome = explainNetworkError(error, request.url)
    }
  }
  return {
    user,
    status,
    ok: outcome.ok,
    httpStatus: outcome.httpStatus ?? null,
    zoomCode: outcome.zoomCode ?? null,
    message: outcome.message,
  }
}

function isInvalidToken(reply: Reply): boolean {
  return reply.httpStatus === 401 && decodeError(reply.body).code === 124
}
