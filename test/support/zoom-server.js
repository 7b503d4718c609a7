// A Zoom-compatible presence API on 127.0.0.1, behaving as the API notes in
// the project's shared documents describe: bearer tokens with scopes, the
// settable statuses, the duration range, one update per user per minute, and
// Zoom's error bodies for unknown, foreign and signed-out users.
import { createServer } from 'node:http'
import { createServer as createTlsServer } from 'node:https'

export const SETTABLE = [
  'Available',
  'Away',
  'Do_Not_Disturb',
  'Do_No_Disturb',
  'In_Calendar_Event',
  'Presenting',
  'In_A_Zoom_Meeting',
  'On_A_Call',
  'Out_of_Office',
  'Busy',
]
const READ_SCOPES = ['user:read:presence_status', 'user:read:presence_status:admin', 'user:read', 'user:read:admin']
const UPDATE_SCOPES = [
  'user:update:presence_status',
  'user:update:presence_status:admin',
  'user:write',
  'user:write:admin',
]

/**
 * @typedef {{ id: string, email: string, signedIn?: boolean, inAccount?: boolean, status?: string, dndEndsAt?: number }} ZoomUser
 * @typedef {{ user: string, scopes?: string[], expired?: boolean }} TokenGrant
 * @typedef {{
 *   method: string, path: string, user: string, headers: import('node:http').IncomingHttpHeaders,
 *   contentType: string, body: string, fields: Record<string, string> | undefined,
 *   reply: number, at: number
 * }} Recorded
 * @typedef {{ accountId: string, clientId: string, clientSecret: string, user: string, scopes?: string[], disabled?: boolean }} OAuthApp
 * @typedef {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, recorded: Recorded) => boolean | Promise<boolean>} Fault
 * @typedef {{
 *   users?: ZoomUser[],
 *   tokens?: Record<string, TokenGrant>,
 *   rateLimitMs?: number,
 *   retryAfter?: 'none' | 'seconds' | 'date',
 *   now?: () => number,
 *   tls?: { key: string, cert: string },
 *   apps?: OAuthApp[],
 * }} Options
 */

/** Where the API lives on the server, as on Zoom's. */
const BASE_PATH = '/v2'

export const DEMO_TOKEN = 'demo-token-5f0b3c9e7a'
/** A Server-to-Server OAuth app of the demo account. @type {OAuthApp} */
export const DEMO_APP = {
  accountId: 'demo-account-Qw3rTy',
  clientId: 'demo-client-Zx81',
  clientSecret: 'demo-client-secret-9c41d2e8',
  user: 'KDcuGIm1QgePTO8WbOqwIQ',
  scopes: ['user:update:presence_status:admin', 'user:read:presence_status:admin'],
}

/** @returns {ZoomUser[]} */
export function demoUsers() {
  return [
    { id: 'KDcuGIm1QgePTO8WbOqwIQ', email: 'alice@example.com', status: 'Available' },
    { id: 'z8yBXksRRu2dy0ZQq5vBdw', email: 'bob@example.com', status: 'Away' },
    { id: 'Vv0ff1ineUser00000000A', email: 'carol@example.com', signedIn: false, status: 'Offline' },
    { id: 'Xo7herAccount000000000', email: 'dave@elsewhere.example', inAccount: false },
  ]
}

/**
 * Starts the server on an ephemeral loopback port.
 * @param {Options} [options]
 */
export async function startZoomServer(options = {}) {
  const users = options.users ?? demoUsers()
  const tokens = options.tokens ?? {
    [DEMO_TOKEN]: { user: users[0]?.id ?? 'me', scopes: ['user:update:presence_status:admin', 'user:read:admin'] },
  }
  const rateLimitMs = options.rateLimitMs ?? 60_000
  const retryAfter = options.retryAfter ?? 'none'
  const apps = options.apps ?? [DEMO_APP]
  /** @type {string[]} */
  const minted = []
  const now = options.now ?? Date.now
  /** @type {Recorded[]} */
  const requests = []
  /** @type {Map<string, number>} */
  const lastUpdate = new Map()
  /** @type {Fault[]} */
  const faults = []
  let inFlight = 0
  let peakInFlight = 0

  /** @type {import('node:http').RequestListener} */
  const handle = async (req, res) => {
    inFlight += 1
    peakInFlight = Math.max(peakInFlight, inFlight)
    res.on('close', () => {
      inFlight -= 1
    })
    const body = await readBody(req)
    const url = new URL(req.url ?? '/', 'http://zoom.local')
    const route = url.pathname.startsWith(`${BASE_PATH}/users/`)
      ? url.pathname.slice(BASE_PATH.length).match(/^\/users\/([^/]+)\/presence_status$/)
      : null
    /** @type {Recorded} */
    const recorded = {
      method: req.method ?? '',
      path: url.pathname + url.search,
      user: route?.[1] ? decodeURIComponent(route[1]) : '',
      headers: req.headers,
      contentType: req.headers['content-type'] ?? '',
      body,
      fields: undefined,
      reply: 0,
      at: now(),
    }
    requests.push(recorded)
    const send = (/** @type {number} */ status, /** @type {unknown} */ json, headers = {}) => {
      recorded.reply = status
      res.writeHead(
        status,
        json === undefined ? headers : { 'Content-Type': 'application/json;charset=UTF-8', ...headers },
      )
      res.end(json === undefined ? undefined : JSON.stringify(json))
    }

    const fault = faults.shift()
    if (fault && (await fault(req, res, recorded))) {
      recorded.reply = res.statusCode
      return
    }
    if (url.pathname === '/oauth/token') {
      if (req.method !== 'POST') return send(405, { reason: 'Method Not Allowed', error: 'invalid_request' })
      const [scheme, encoded] = (req.headers.authorization ?? '').split(' ')
      const [clientId, clientSecret] = Buffer.from(encoded ?? '', 'base64')
        .toString()
        .split(':')
      const app = apps.find((a) => scheme === 'Basic' && a.clientId === clientId && a.clientSecret === clientSecret)
      if (!app) return send(401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' })
      if (app.disabled) return send(400, { code: 4717, message: 'The app has been disabled.' })
      const form = new URLSearchParams(body)
      if (form.get('grant_type') !== 'account_credentials') {
        return send(400, { code: 4705, message: 'Unsupported grant type.' })
      }
      if (!form.get('account_id')) return send(400, { code: 4706, message: 'Missing required field: account_id.' })
      if (form.get('account_id') !== app.accountId) {
        return send(400, { reason: 'Invalid account_id', error: 'invalid_request' })
      }
      const accessToken = `minted-${minted.length + 1}-${Math.random().toString(36).slice(2)}`
      minted.push(accessToken)
      tokens[accessToken] = { user: app.user, scopes: app.scopes }
      return send(200, {
        access_token: accessToken,
        token_type: 'bearer',
        expires_in: 3600,
        scope: (app.scopes ?? []).join(' '),
        api_url: 'https://api.zoom.us',
      })
    }
    if (!route || (req.method !== 'PUT' && req.method !== 'GET')) {
      return send(404, { code: 404, message: 'Not found.' })
    }

    const auth = req.headers.authorization ?? ''
    const grant = auth.startsWith('Bearer ') ? tokens[auth.slice(7)] : undefined
    if (!grant) return send(401, { code: 124, message: 'Invalid access token.' })
    if (grant.expired) return send(401, { code: 124, message: 'Access token is expired.' })

    const wanted = recorded.user === 'me' ? grant.user : recorded.user
    const user = users.find((u) => u.id === wanted || u.email.toLowerCase() === wanted.toLowerCase())

    if (req.method === 'GET') {
      if (!(grant.scopes ?? []).some((s) => READ_SCOPES.includes(s))) {
        return send(401, {
          code: 4711,
          message: 'Invalid access token, does not contain scopes:[user:read:presence_status:admin].',
        })
      }
      if (!user) return send(404, { code: 1001, message: `User does not exist: ${recorded.user}.` })
      const status = user.status ?? 'Available'
      const dnd = status === 'Do_Not_Disturb' && user.dndEndsAt !== undefined
      return send(200, {
        status: readVocabulary(status),
        ...(dnd && {
          end_time: new Date(user.dndEndsAt ?? 0).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          remaining_time: Math.max(0, Math.round(((user.dndEndsAt ?? 0) - now()) / 60_000)),
        }),
      })
    }

    const scopes = grant.scopes ?? []
    if (!scopes.some((s) => UPDATE_SCOPES.includes(s))) {
      return send(401, {
        code: 4711,
        message: 'Invalid access token, does not contain scopes:[user:update:presence_status:admin].',
      })
    }
    if (!user) return send(404, { code: 1001, message: `User does not exist: ${recorded.user}.` })
    if (user.inAccount === false) {
      return send(400, {
        code: 5411,
        message: 'Unauthorized request. You do not have permission to update the presence status of this user.',
      })
    }

    const fields = await parseFields(recorded.contentType, body)
    recorded.fields = fields
    if (!fields) return send(400, { code: 300, message: 'Request Body should be a valid JSON object.' })
    const errors = []
    if (!SETTABLE.includes(fields.status ?? '')) errors.push({ field: 'status', message: 'Invalid field.' })
    if (fields.duration !== undefined && !/^\d+$/.test(fields.duration)) {
      errors.push({ field: 'duration', message: 'Invalid field.' })
    } else if (fields.duration !== undefined && (Number(fields.duration) < 1 || Number(fields.duration) > 1440)) {
      errors.push({ field: 'duration', message: 'The maximum duration is 1440 minutes.' })
    }
    if (errors.length > 0) return send(400, { code: 300, message: 'Validation Failed.', errors })

    if (user.signedIn === false) {
      return send(400, { code: 5301, message: 'Request to update the presence status of this user failed.' })
    }
    const last = lastUpdate.get(user.id)
    if (last !== undefined && now() - last < rateLimitMs) {
      const waitMs = rateLimitMs - (now() - last)
      // The per-user limit, not the account's per-second one (X-RateLimit-Type: QPS).
      /** @type {Record<string, string>} */
      const headers = { 'X-RateLimit-Category': 'Medium' }
      if (retryAfter === 'seconds') headers['Retry-After'] = String(Math.ceil(waitMs / 1000))
      // An HTTP date has whole seconds: round up, or the retry comes too early.
      if (retryAfter === 'date')
        headers['Retry-After'] = new Date(Math.ceil((now() + waitMs) / 1000) * 1000).toUTCString()
      return send(
        429,
        {
          code: 429,
          message:
            'Too many requests submitted to update the presence status of this user. Please wait for the request to be processed and try again later.',
        },
        headers,
      )
    }
    lastUpdate.set(user.id, now())
    user.status = fields.status === 'Do_No_Disturb' ? 'Do_Not_Disturb' : fields.status
    user.dndEndsAt = user.status === 'Do_Not_Disturb' ? now() + Number(fields.duration ?? 20) * 60_000 : undefined
    send(204, undefined)
  }
  const server = options.tls ? createTlsServer(options.tls, handle) : createServer(handle)

  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const origin = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`
  return {
    origin,
    baseUrl: `${origin}${BASE_PATH}`,
    port,
    users,
    tokens,
    requests,
    /** The PUT requests the server accepted or refused, in order. */
    updates: () => requests.filter((r) => r.method === 'PUT'),
    /** Moves every user's last update `ms` into the past, as if the job had run that long. */
    backdate: (/** @type {number} */ ms) => {
      for (const [id, at] of lastUpdate) lastUpdate.set(id, at - ms)
    },
    /** Access tokens issued by the OAuth endpoint, in order. */
    minted,
    /** Makes every token issued so far invalid, as a parallel run's new grant does. */
    revokeMinted: () => {
      for (const token of minted) delete tokens[token]
    },
    /** The most requests the server held unanswered at one time. */
    peakInFlight: () => peakInFlight,
    /** Queues a handler for the next request; it returns true when it answered. */
    fault: (/** @type {Fault} */ fault) => faults.push(fault),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve(undefined))
      }),
  }
}

/** @param {import('node:http').IncomingMessage} req */
function readBody(req) {
  return new Promise((resolve) => {
    /** @type {Buffer[]} */
    const chunks = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve(''))
  })
}

/**
 * The body's fields, by its content type; undefined when it cannot be read.
 * @param {string} contentType
 * @param {string} body
 * @returns {Promise<Record<string, string> | undefined>}
 */
async function parseFields(contentType, body) {
  try {
    if (contentType.startsWith('multipart/form-data')) {
      const form = await new Request('http://zoom.local', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body,
      }).formData()
      /** @type {Record<string, string>} */
      const fields = {}
      for (const [name, value] of form) fields[name] = String(value)
      return fields
    }
    if (contentType.startsWith('application/json')) {
      const json = JSON.parse(body)
      if (typeof json !== 'object' || json === null) return undefined
      return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, String(v)]))
    }
  } catch {
    return undefined
  }
  return undefined
}

/** Reads use other words than writes for three statuses. */
/** @param {string} status */
function readVocabulary(status) {
  /** @type {Record<string, string>} */
  const read = {
    In_A_Zoom_Meeting: 'In_A_Meeting',
    On_A_Call: 'In_A_Call',
    In_Calendar_Event: 'In_A_Calendar_Event',
  }
  return read[status] ?? status
}
