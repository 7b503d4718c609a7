import { quote } from '../inputs.js'
import { NotSent } from './transport.js'

/** What came back from Zoom, read defensively. */
export interface Reply {
  httpStatus: number
  headers: Record<string, string | string[] | undefined>
  /** The body as text, possibly cut short: Zoom's errors are small. */
  body: string
  /** Why no more attempts were made, when that is worth telling. */
  note?: string
}

/** Zoom's error body: `{code, message}`, sometimes with field errors. */
export interface ZoomError {
  code?: number
  message?: string
  errors?: { field?: string; message?: string }[]
}

/** The outcome of one update, in terms a workflow author can act on. */
export interface Outcome {
  ok: boolean
  /** Undefined when no reply came. */
  httpStatus?: number
  zoomCode?: number
  message: string
}

export interface Subject {
  user: string
  status: string
  duration?: number
}

/** A JSON object from a body; anything else gives an empty object. */
export function parseJsonObject(text: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text)
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {}
  } catch {
    return {}
  }
}

/** Decodes an error body; empty, HTML and broken JSON give an empty error. */
export function decodeError(body: string): ZoomError {
  const { code, message, errors } = parseJsonObject(body)
  const decoded: ZoomError = {}
  const number = typeof code === 'string' && /^\d+$/.test(code) ? Number(code) : code
  if (typeof number === 'number' && Number.isSafeInteger(number)) decoded.code = number
  if (typeof message === 'string' && message.trim()) decoded.message = message
  if (Array.isArray(errors)) {
    decoded.errors = errors
      .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
      .map((e) => ({
        field: typeof e.field === 'string' ? e.field : undefined,
        message: typeof e.message === 'string' ? e.message : undefined,
      }))
  }
  return decoded
}

const UPDATE_SCOPES = 'user:update:presence_status:admin (or user:write:admin; without :admin for a user-level app)'

/** Explains Zoom's reply to one update. Only 204 No Content is success. */
export function explainReply(reply: Reply, subject: Subject): Outcome {
  const { httpStatus } = reply
  const who = subject.user === 'me' ? "the token's own user" : subject.user
  if (httpStatus === 204) {
    const until = subject.duration ? ` for ${subject.duration} minutes` : ''
    return { ok: true, httpStatus, message: `Set the presence of ${who} to ${subject.status}${until}.` }
  }

  const error = decodeError(reply.body)
  const { code } = error
  const zoomSaid = error.message ? ` Zoom said: ${quote(error.message, 200)}` : ''
  const note = reply.note ? ` ${reply.note}` : ''
  const outcome = (message: string): Outcome => ({
    ok: false,
    httpStatus,
    zoomCode: code,
    message: `${message}${zoomSaid}${note}`,
  })
  const scopeError = [104, 4700, 4711].includes(code ?? 0) || /does not contain scopes/i.test(error.message ?? '')

  if (httpStatus === 401 && scopeError) {
    return outcome(
      `The token lacks the scope to update presence: give the Zoom app the scope ${UPDATE_SCOPES} and issue a new token.`,
    )
  }
  if (httpStatus === 401 || code === 124) {
    if (/expired/i.test(error.message ?? '')) {
      return outcome(
        'The access token has expired (Zoom tokens live one hour): issue a new token and update the secret, or mint one in the workflow.',
      )
    }
    return outcome(
      "Zoom rejected the access token as invalid: check that the 'token' secret holds a current Zoom OAuth access token for this account.",
    )
  }
  const html = !error.message && /^\s*</.test(reply.body)
  if (html && httpStatus >= 400 && httpStatus < 500) {
    return outcome(
      `The server answered HTTP ${httpStatus} with an HTML page, not Zoom's API: check 'base-url' and any proxy between the runner and Zoom.`,
    )
  }
  if (httpStatus === 404 || code === 1001) {
    return outcome(
      `Zoom has no user ${quote(subject.user)}: check the user ID or email, and that the user belongs to the app's account.`,
    )
  }
  if (code === 5301) {
    return outcome(
      `Zoom could not update the presence of ${who}: most often the user is not signed in to a Zoom desktop or mobile client (presence cannot be set for web-only or signed-out users), or the client does not allow this change.`,
    )
  }
  if (code === 5411) {
    return outcome(
      `The token may not update the presence of ${who}: the app needs the admin scope ${UPDATE_SCOPES}, and the user must belong to the app's account.`,
    )
  }
  if (httpStatus === 429) {
    const daily = isDailyLimit(reply)
    return outcome(
      daily
        ? "Zoom's daily API limit for this account is used up: try again tomorrow, or spread updates over other accounts' apps."
        : `Zoom's rate limit was hit: a user's presence can be updated once a minute, so wait a minute before updating ${who} again.`,
    )
  }
  if (code === 300 || (httpStatus === 400 && error.errors?.length)) {
    const fields = (error.errors ?? []).map((e) => [e.field, e.message].filter(Boolean).join(': ')).filter(Boolean)
    const detail = fields.length ? ` (${quote(fields.join('; '), 200)})` : ''
    return outcome(`Zoom rejected the request as invalid${detail}: check the status and duration inputs.`)
  }
  if (httpStatus >= 500) {
    return outcome(
      `Zoom had a server error (HTTP ${httpStatus}): the problem is on Zoom's side, so re-run the job later.`,
    )
  }
  if (httpStatus >= 300 && httpStatus < 400) {
    const location = header(reply, 'location')
    const to = location ? ` to ${quote(location, 120)}` : ''
    return outcome(
      `The server redirected the request${to} (HTTP ${httpStatus}), and the token is never sent on: set 'base-url' to the API's final address.`,
    )
  }
  if (httpStatus >= 200 && httpStatus < 300) {
    const said = code !== undefined ? ` with error code ${code}` : ''
    return outcome(
      `Zoom answered HTTP ${httpStatus}${said} instead of 204 No Content, so the update is not confirmed: check the user's presence in Zoom.`,
    )
  }
  const said = code !== undefined ? `, error code ${code}` : ''
  return outcome(`Zoom refused the update (HTTP ${httpStatus}${said}).`)
}

/** Explains a request that got no reply at all, or was never sent. */
export function explainNetworkError(error: unknown, url: string): Outcome {
  if (error instanceof NotSent) return { ok: false, message: error.message }
  const host = safeHost(url)
  const code = (error as { code?: unknown })?.code
  const reason =
    code === 'ENOTFOUND' || code === 'EAI_AGAIN'
      ? `the host ${host} could not be found (DNS): check 'base-url' and the runner's network`
      : code === 'ECONNREFUSED'
        ? `${host} refused the connection: check 'base-url', and the proxy settings if the runner uses one`
        : code === 'ECONNRESET' || code === 'EPIPE'
          ? `the connection to ${host} was reset before Zoom answered`
          : code === 'ETIMEDOUT' || /timeout/i.test(String((error as Error)?.message))
            ? `${host} did not answer in time`
            : typeof code === 'string' && /CERT|SSL|TLS|VERIFY|SELF_SIGNED/.test(code)
              ? `the TLS certificate of ${host} was not accepted (${code}): check 'base-url' and any TLS-inspecting proxy`
              : `the request to ${host} failed (${typeof code === 'string' ? code : 'network error'})`
  return { ok: false, message: `No reply from Zoom: ${reason}. Re-run the job once the server can be reached.` }
}

function safeHost(url: string): string {
  try {
    return new URL(url).host
  } catch {
    return 'the server'
  }
}

export function header(reply: Reply, name: string): string | undefined {
  const value = reply.headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** Zoom's daily limit, named by X-RateLimit-Type or in the message: not worth waiting for. */
export function isDailyLimit(reply: Reply): boolean {
  return /daily/i.test(header(reply, 'x-ratelimit-type') ?? '') || /daily/i.test(decodeError(reply.body).message ?? '')
}
