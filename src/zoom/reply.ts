import { DEFAULT_BASE_URL, listOf, type Naming } from '../inputs.js'
import { quote } from '../text.js'
import { NotSent } from './transport.js'

/** What came back from Zoom, read defensively. */
export interface Reply {
  httpStatus: number
  headers: Record<string, string | string[] | undefined>
  /** The body as text, possibly cut short: Zoom's errors are small. */
  body: string
  /** Why no more attempts were made, when that is worth telling. */
  note?: string
  /** An earlier attempt of the same request may have reached Zoom unanswered. */
  earlierUnanswered?: boolean
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
  /** The token was minted from account credentials, not given. */
  minted?: boolean
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

/** Zoom's error code, as a number or a string of digits; anything else gives undefined. */
export function zoomCode(value: unknown): number | undefined {
  const number = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value
  return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined
}

/** Decodes an error body; empty, HTML and broken JSON give an empty error. */
export function decodeError(body: string): ZoomError {
  const { code, message, errors } = parseJsonObject(body)
  const decoded: ZoomError = {}
  const number = zoomCode(code)
  if (number !== undefined) decoded.code = number
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

/**
 * Zoom's ways of saying the token lacks a scope, by code or in words. Zoom
 * documents them with 401; the code decides, whatever 4xx status carries it.
 */
export function isScopeError(httpStatus: number, error: ZoomError): boolean {
  const refused = httpStatus >= 400 && httpStatus < 500
  return (
    refused && ([104, 4700, 4711].includes(error.code ?? 0) || /does not contain scopes/i.test(error.message ?? ''))
  )
}

const UPDATE_SCOPES = 'user:update:presence_status:admin (or user:write:admin; without :admin for a user-level app)'

/**
 * Explains Zoom's reply to one update. Only 204 No Content is success.
 * `naming` names the inputs as the front end calls them.
 */
export function explainReply(reply: Reply, subject: Subject, naming: Naming): Outcome {
  const { ref } = naming
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
  if (isScopeError(httpStatus, error)) {
    return outcome(
      `The token lacks the scope to update presence: give the Zoom app the scope ${UPDATE_SCOPES} and issue a new token.`,
    )
  }
  if (httpStatus === 401 || code === 124) {
    if (subject.minted) {
      // Code 124 has been renewed once already: the app's own tokens are refused.
      const which =
        httpStatus === 401 && code === 124
          ? "the access tokens minted with the app's credentials, a fresh one too"
          : "the access token minted with the app's credentials"
      return outcome(
        `Zoom rejected ${which}: check that ${ref('account-id')} is the account of the users, and that ${ref('base-url')} is the API of the same Zoom cloud as ${ref('oauth-url')}.`,
      )
    }
    if (/expired/i.test(error.message ?? '')) {
      return outcome(
        `The access token has expired (Zoom tokens live one hour): issue a new one and pass it ${naming.tokenSource}, or use Server-to-Server OAuth credentials, with which a token is minted for every run.`,
      )
    }
    return outcome(
      `Zoom rejected the access token as invalid: check that ${ref('token')} holds a current Zoom OAuth access token for this account.`,
    )
  }
  const html = !error.message && /^\s*</.test(reply.body)
  if (html && httpStatus >= 400 && httpStatus < 500) {
    return outcome(
      `The server answered HTTP ${httpStatus} with an HTML page, not Zoom's API: check ${ref('base-url')} and any proxy between the runner and Zoom.`,
    )
  }
  if (
    code === 1001 ||
    (httpStatus === 404 && /user (does not|doesn't|not) exist|no such user/i.test(error.message ?? ''))
  ) {
    return outcome(
      `Zoom has no user ${quote(subject.user)}: check the user ID or email, and that the user belongs to the app's account.`,
    )
  }
  if (httpStatus === 404) {
    // Not Zoom's code for an unknown user: the path itself is unknown.
    const said = code !== undefined ? `, error code ${code}` : ''
    return outcome(
      `Zoom answered HTTP 404${said} for a path it does not know: check that ${ref('base-url')} is the API's root, such as ${DEFAULT_BASE_URL}.`,
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
    if (isDailyLimit(reply)) {
      return outcome(
        "Zoom's daily API limit for this account is used up: try again tomorrow, or spread updates over other accounts' apps.",
      )
    }
    if (isPerSecondLimit(reply, error)) {
      return outcome(
        "Zoom's per-second rate limit for this account was hit (X-RateLimit-Type: QPS), which every app of the account shares: re-run the job later, or spread the account's API calls out.",
      )
    }
    const askedMs = retryAfterMs(header(reply, 'retry-after'), Date.now())
    if (askedMs !== undefined && askedMs > 60_000) {
      // Longer than a user's minute: some limit of the account's.
      return outcome(
        // The note, when there is one, says whether raising the timeout helps.
        `Zoom's rate limit was hit, and Zoom asked for a wait longer than a user's one minute: a limit of the account's${reply.note ? '.' : ', so re-run the job later.'}`,
      )
    }
    return outcome(
      `Zoom's rate limit was hit: a user's presence can be updated once a minute, so wait a minute before updating ${who} again.`,
    )
  }
  if (code === 300 || (httpStatus === 400 && error.errors?.length)) {
    const fields = (error.errors ?? []).map((e) => [e.field, e.message].filter(Boolean).join(': ')).filter(Boolean)
    const detail = fields.length ? ` (${quote(fields.join('; '), 200)})` : ''
    return outcome(`Zoom rejected the request as invalid${detail}: check ${ref('status')} and ${ref('duration')}.`)
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
      `The server redirected the request${to} (HTTP ${httpStatus}), and the token is never sent on: set ${ref('base-url')} to the API's final address.`,
    )
  }
  if (httpStatus >= 200 && httpStatus < 300) {
    const said = code !== undefined ? ` with error code ${code}` : ''
    return outcome(
      `Zoom answered HTTP ${httpStatus}${said} instead of 204 No Content, so the update is not confirmed: check the user's presence in Zoom.`,
    )
  }
  const said = code !== undefined ? `, error code ${code}` : ''
  const check = `check ${listOf(['user', 'status', 'duration'].map(ref))}`
  const api = `that ${ref('base-url')} is Zoom's API`
  return outcome(
    error.message
      ? `Zoom refused the update (HTTP ${httpStatus}${said}): ${check} against what Zoom said, and ${api}.`
      : `Zoom refused the update (HTTP ${httpStatus}${said}) without saying why: ${check}, and ${api}; if they are right, re-run the job later.`,
  )
}

/** Where a request went: its URL, and the input that set it. */
export interface Endpoint {
  url: string
  input: 'base-url' | 'oauth-url'
}

/** Explains a request that got no reply at all, or was never sent, naming the input to check. */
export function explainNetworkError(error: unknown, endpoint: Endpoint, naming: Naming): Outcome {
  if (error instanceof NotSent) {
    return {
      ok: false,
      message: `Not sent: the timeout was used up before this request could start; raise ${naming.ref('timeout')} to give every user time.`,
    }
  }
  const host = safeHost(endpoint.url)
  const input = naming.ref(endpoint.input)
  const server = endpoint.input === 'oauth-url' ? "Zoom's OAuth server" : 'Zoom'
  const code = (error as { code?: unknown })?.code
  const proxyStatus = proxyRefusal(error)
  const reason =
    proxyStatus !== undefined
      ? `the proxy refused to open a tunnel to ${host} (HTTP ${proxyStatus}): check https_proxy, the credentials it may need, and no_proxy`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `the host ${host} could not be found (DNS): check ${input} and the runner's network`
        : code === 'ECONNREFUSED'
          ? `${host} refused the connection: check ${input}, and the proxy settings if the runner uses one`
          : code === 'ECONNRESET' || code === 'EPIPE'
            ? `the connection to ${host} was reset before ${server} answered`
            : code === 'ETIMEDOUT' || /timeout/i.test(String((error as Error)?.message))
              ? `${host} did not answer in time`
              : typeof code === 'string' && /CERT|SSL|TLS|VERIFY|SELF_SIGNED/.test(code)
                ? `the TLS certificate of ${host} was not accepted (${code}): check ${input} and any TLS-inspecting proxy`
                : code === 'EPROTO'
                  ? `the TLS handshake with ${host} failed (EPROTO), as when an http server or proxy answers where https was expected: check ${input} and https_proxy`
                  : `the request to ${host} failed (${typeof code === 'string' ? code : 'network error'})`
  return { ok: false, message: `No reply from ${server}: ${reason}. Re-run the job once the server can be reached.` }
}

/**
 * Whether a request that got no reply may still have reached the server:
 * a connection lost or timed out after it was sent. One never sent (a host
 * not found, a refused connection or tunnel, a certificate) did not.
 */
export function mayHaveArrived(error: unknown): boolean {
  if (error instanceof NotSent || proxyRefusal(error) !== undefined) return false
  const code = (error as { code?: unknown })?.code
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'ECONNABORTED' || code === 'ETIMEDOUT') return true
  return code === undefined && /timeout/i.test(String((error as Error)?.message))
}

/**
 * The HTTP status with which a proxy refused CONNECT (407 for credentials,
 * 403 for a host it does not allow): the toolkit's tunnel reports it as a
 * reset connection, with the status only in its words.
 */
export function proxyRefusal(error: unknown): number | undefined {
  const match = String((error as Error)?.message).match(/tunneling socket could not be established, statusCode=(\d{3})/)
  return match ? Number(match[1]) : undefined
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

/**
 * Zoom's per-second limit for the account, named by X-RateLimit-Type: QPS,
 * unless Zoom's words blame the user's own once-a-minute limit.
 */
function isPerSecondLimit(reply: Reply, error: ZoomError): boolean {
  if (/this user|per user/i.test(error.message ?? '')) return false
  return /^qps$/i.test(header(reply, 'x-ratelimit-type')?.trim() ?? '') || /per.second/i.test(error.message ?? '')
}

/** Zoom's daily limit, named by X-RateLimit-Type or in the message: not worth waiting for. */
export function isDailyLimit(reply: Reply): boolean {
  return /daily/i.test(header(reply, 'x-ratelimit-type') ?? '') || /daily/i.test(decodeError(reply.body).message ?? '')
}

/** Waits of a day or more are all one: beyond any budget. */
export const MAX_WAIT_MS = 86_400_000

/**
 * Milliseconds Zoom asks to wait: Retry-After as seconds, or as an HTTP or
 * ISO date. Undefined when absent or unreadable.
 */
export function retryAfterMs(value: string | undefined, now: number): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  // A day stands for any longer wait: either way it is beyond any budget.
  if (/^\d+(\.\d+)?$/.test(text)) return Math.min(MAX_WAIT_MS, Math.ceil(Number(text) * 1000))
  const at = Date.parse(text)
  return Number.isNaN(at) ? undefined : Math.min(MAX_WAIT_MS, Math.max(0, at - now))
}
