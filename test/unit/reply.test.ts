import { describe, expect, it } from 'vitest'
import { COMMAND_NAMING } from '../../src/cli/main.js'
import { INPUT_NAMING } from '../../src/inputs.js'
import {
  decodeError,
  explainNetworkError as explainNetworkErrorAt,
  explainReply as explainReplyWith,
  type Reply,
  type Subject,
} from '../../src/zoom/reply.js'
import { NotSent } from '../../src/zoom/transport.js'

/** As the action explains them, naming its inputs. */
const explainReply = (reply: Reply, subject: Subject) => explainReplyWith(reply, subject, INPUT_NAMING)
const explainNetworkError = (error: unknown, url: string) =>
  explainNetworkErrorAt(error, { url, input: 'base-url' }, INPUT_NAMING)

function reply(httpStatus: number, body: unknown = '', headers: Reply['headers'] = {}): Reply {
  return { httpStatus, headers, body: typeof body === 'string' ? body : JSON.stringify(body) }
}

const ALICE: Subject = { user: 'alice@example.com', status: 'Presenting' }
const ME: Subject = { user: 'me', status: 'Busy' }

describe('decodeError', () => {
  it('decodes a Zoom error body', () => {
    expect(decodeError('{"code":5301,"message":"Request to update presence status failed."}')).toEqual({
      code: 5301,
      message: 'Request to update presence status failed.',
    })
  })

  it.each([
    ['an empty body', ''],
    ['whitespace', '  \n'],
    ['an HTML page', '<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>'],
    ['invalid JSON', '{"code": 124, "message": "Invalid access token.'],
    ['JSON with a trailing comma', '{"code": 124,}'],
    ['a JSON array', '[{"code": 124, "message": "x"}]'],
    ['JSON null', 'null'],
    ['a JSON string', '"Invalid access token"'],
    ['a JSON number', '124'],
    ['JSON true', 'true'],
    ['an empty object', '{}'],
  ])('gives an empty error for %s', (_what, body) => {
    expect(decodeError(body)).toEqual({})
  })

  it.each([
    ['"124"', 124],
    ['"0300"', 300],
    ['5301', 5301],
    ['-1', -1],
  ])('reads the code %s as %d', (raw, code) => {
    expect(decodeError(`{"code": ${raw}}`).code).toBe(code)
  })

  it.each([
    '"12a"',
    '" 124"',
    '""',
    '"1.5"',
    '1.5',
    '1e400',
    '99999999999999999999',
    'null',
    'true',
    '[124]',
    '{"n":1}',
  ])('drops the code %s', (raw) => {
    const decoded = decodeError(`{"code": ${raw}, "message": "kept"}`)
    expect(decoded).not.toHaveProperty('code')
    expect(decoded.message).toBe('kept')
  })

  it.each(['""', '"   "', '42', 'null', '{"text":"x"}', '["x"]'])('drops the message %s', (raw) => {
    const decoded = decodeError(`{"code": 124, "message": ${raw}}`)
    expect(decoded).toEqual({ code: 124 })
  })

  it('keeps only objects from errors, and only string fields and messages in them', () => {
    const decoded = decodeError(
      JSON.stringify({
        code: 300,
        message: 'Validation Failed.',
        errors: [
          null,
          'status',
          42,
          true,
          { field: 'status', message: 'Invalid field.' },
          { field: 7, message: ['x'] },
          { message: 'Value must be at most 1440.' },
          { field: 'duration' },
          {},
        ],
      }),
    )
    expect(decoded.code).toBe(300)
    expect(decoded.message).toBe('Validation Failed.')
    expect(decoded.errors).toEqual([
      { field: 'status', message: 'Invalid field.' },
      { field: undefined, message: undefined },
      { field: undefined, message: 'Value must be at most 1440.' },
      { field: 'duration', message: undefined },
      { field: undefined, message: undefined },
    ])
  })

  it.each(['"errors"', '{"field":"status"}', 'null', '3'])('ignores errors that are not an array: %s', (raw) => {
    expect(decodeError(`{"code": 300, "errors": ${raw}}`)).toEqual({ code: 300 })
  })
})

describe('explainReply', () => {
  it('counts only 204 No Content as success', () => {
    const outcome = explainReply(reply(204), ALICE)
    expect(outcome.ok).toBe(true)
    expect(outcome.httpStatus).toBe(204)
    expect(outcome.zoomCode).toBeUndefined()
    expect(outcome.message).toBe('Set the presence of alice@example.com to Presenting.')
  })

  it("names me as the token's own user and gives the DND duration on success", () => {
    const outcome = explainReply(reply(204), { user: 'me', status: 'Do_Not_Disturb', duration: 45 })
    expect(outcome.ok).toBe(true)
    expect(outcome.message).toBe("Set the presence of the token's own user to Do_Not_Disturb for 45 minutes.")
  })

  it('explains 400/5301 as a user not signed in to a client', () => {
    const outcome = explainReply(
      reply(400, { code: 5301, message: 'Request to update presence status failed.' }),
      ALICE,
    )
    expect(outcome).toMatchObject({ ok: false, httpStatus: 400, zoomCode: 5301 })
    expect(outcome.message).toContain('alice@example.com')
    expect(outcome.message).toContain('not signed in')
    expect(outcome.message).toContain('desktop or mobile client')
    expect(outcome.message).toContain('Zoom said: "Request to update presence status failed."')
  })

  it('explains 400/5411 as a missing admin scope or a user outside the account', () => {
    const outcome = explainReply(reply(400, { code: 5411, message: 'No permission.' }), ME)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 400, zoomCode: 5411 })
    expect(outcome.message).toContain("the token's own user")
    expect(outcome.message).toContain('admin scope')
    expect(outcome.message).toContain('user:update:presence_status:admin')
    expect(outcome.message).toContain("belong to the app's account")
  })

  it('explains 400/300 with the fields Zoom named', () => {
    const outcome = explainReply(
      reply(400, {
        code: 300,
        message: 'Validation Failed.',
        errors: [
          { field: 'status', message: 'Invalid field.' },
          { field: 'duration', message: 'Value must be less than or equal to 1440.' },
          null,
          {},
        ],
      }),
      ALICE,
    )
    expect(outcome).toMatchObject({ ok: false, httpStatus: 400, zoomCode: 300 })
    expect(outcome.message).toContain('rejected the request as invalid')
    expect(outcome.message).toContain('status: Invalid field.')
    expect(outcome.message).toContain('duration: Value must be less than or equal to 1440.')
    expect(outcome.message).toContain("check 'status' and 'duration'")
    expect(outcome.message).toContain('Zoom said: "Validation Failed."')
  })

  it('explains 300 with no usable field errors without an empty detail', () => {
    const outcome = explainReply(reply(400, { code: 300, errors: [null, 3, {}] }), ALICE)
    expect(outcome.zoomCode).toBe(300)
    expect(outcome.message).toBe("Zoom rejected the request as invalid: check 'status' and 'duration'.")
  })

  it('explains 401/124 as an invalid token', () => {
    const outcome = explainReply(reply(401, { code: 124, message: 'Invalid access token.' }), ME)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 401, zoomCode: 124 })
    expect(outcome.message).toContain('rejected the access token as invalid')
    expect(outcome.message).toContain("check that 'token' holds a current Zoom OAuth access token")
    expect(outcome.message).not.toMatch(/expired/i)
  })

  it('explains 401/124 "Access token is expired." as an expired token', () => {
    const outcome = explainReply(reply(401, { code: 124, message: 'Access token is expired.' }), ME)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 401, zoomCode: 124 })
    expect(outcome.message).toContain('has expired')
    expect(outcome.message).toContain('one hour')
    expect(outcome.message).not.toContain('as invalid')
  })

  it('names the credentials, not a token input, when Zoom refuses a minted token', () => {
    const outcome = explainReply(reply(401, { code: 124, message: 'Invalid access token.' }), {
      ...ME,
      minted: true,
    })
    expect(outcome).toMatchObject({ ok: false, httpStatus: 401, zoomCode: 124 })
    expect(outcome.message).toContain("Zoom rejected the access tokens minted with the app's credentials")
    expect(outcome.message).toContain("'account-id'")
    expect(outcome.message).not.toContain("'token'")
  })

  it('tells where a new token goes when the given one has expired', () => {
    const outcome = explainReply(reply(401, { code: 124, message: 'Access token is expired.' }), ME)
    expect(outcome.message).toContain(
      `issue a new one and pass it ${INPUT_NAMING.tokenSource}, or use Server-to-Server OAuth`,
    )
    expect(outcome.message).toContain('secrets.ZOOM_TOKEN')
  })

  it('does not say "a fresh one too" of a minted token refused without code 124, which is not renewed', () => {
    const refused = explainReply(reply(401, { message: 'Unauthorized.' }), { ...ME, minted: true })
    expect(refused.message).toMatch(/^Zoom rejected the access token minted with the app's credentials: check/)
  })

  it.each(['100000', 'Wed, 01 Jan 2099 00:00:00 GMT'])(
    'does not tell to wait a minute when Retry-After (%s) asks for far longer',
    (retryAfter) => {
      const outcome = explainReply(reply(429, { code: 429, message: 'Too many.' }, { 'retry-after': retryAfter }), ME)
      expect(outcome.message).toMatch(
        /^Zoom's rate limit was hit, and Zoom asked for a wait longer than a user's one minute/,
      )
      expect(outcome.message).not.toContain('wait a minute')
    },
  )

  it('tells to wait a minute when Retry-After is within it', () => {
    const outcome = explainReply(reply(429, { code: 429, message: 'Too many.' }, { 'retry-after': '30' }), ME)
    expect(outcome.message).toContain('so wait a minute before updating')
  })

  it('explains a bare 401 as an invalid token', () => {
    const outcome = explainReply(reply(401, ''), ME)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 401, zoomCode: undefined })
    expect(outcome.message).toContain('rejected the access token as invalid')
  })

  it.each([104, 4700, 4711])('explains 401/%d as a missing scope', (code) => {
    const outcome = explainReply(reply(401, { code, message: 'Invalid access token.' }), ME)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 401, zoomCode: code })
    expect(outcome.message).toContain('lacks the scope')
    expect(outcome.message).toContain('user:update:presence_status:admin')
    expect(outcome.message).toContain('issue a new token')
    expect(outcome.message).not.toContain('as invalid')
  })

  it.each([
    [400, 4711],
    [403, 4700],
    [400, 104],
  ])('explains %d/%d as a missing scope too, not as bad input', (status, code) => {
    const outcome = explainReply(reply(status, { code, message: 'Invalid access token.' }), ME)
    expect(outcome).toMatchObject({ ok: false, httpStatus: status, zoomCode: code })
    expect(outcome.message).toContain('lacks the scope')
    expect(outcome.message).not.toContain("check 'user'")
  })

  it('does not call a server error a missing scope, whatever its code', () => {
    const outcome = explainReply(reply(500, { code: 4711, message: 'Internal error.' }), ME)
    expect(outcome.message).not.toContain('lacks the scope')
  })

  it('explains 401 "does not contain scopes" as a missing scope whatever the code', () => {
    const outcome = explainReply(
      reply(401, { code: 124, message: 'Invalid access token, does not contain scopes:[user:write:admin].' }),
      ME,
    )
    expect(outcome).toMatchObject({ ok: false, httpStatus: 401, zoomCode: 124 })
    expect(outcome.message).toContain('lacks the scope')
    expect(outcome.message).toContain('does not contain scopes')
  })

  it('explains 404/1001 as an unknown user, quoting the user', () => {
    const outcome = explainReply(reply(404, { code: 1001, message: 'User does not exist: ghost@example.com.' }), {
      user: 'ghost@example.com',
      status: 'Away',
    })
    expect(outcome).toMatchObject({ ok: false, httpStatus: 404, zoomCode: 1001 })
    expect(outcome.message).toContain('Zoom has no user "ghost@example.com"')
    expect(outcome.message).toContain("app's account")
  })

  it('explains 404 "User does not exist" without a code as an unknown user', () => {
    const outcome = explainReply(reply(404, { message: 'User does not exist: ghost@example.com.' }), ALICE)
    expect(outcome.message).toMatch(/^Zoom has no user "alice@example.com"/)
  })

  it.each([
    ['Zoom code 404', { code: 404, message: 'Not found.' }, ', error code 404'],
    ['no body', '', ''],
    ['another code', { code: 2300, message: 'This API endpoint does not exist.' }, ', error code 2300'],
  ])("does not blame the user for a 404 with %s: it points at 'base-url'", (_what, body, said) => {
    const outcome = explainReply(reply(404, body), ALICE)
    expect(outcome.message).not.toContain('Zoom has no user')
    expect(outcome.message).toMatch(
      new RegExp(
        `^Zoom answered HTTP 404${said} for a path it does not know: check that 'base-url' is the API's root, such as https://api\\.zoom\\.us/v2\\.`,
      ),
    )
  })

  it('does not blame the user for an HTML 404 page', () => {
    const outcome = explainReply(reply(404, '<html><body>Not Found</body></html>'), ALICE)
    expect(outcome.message).not.toContain('Zoom has no user')
  })

  it("explains a 429 with X-RateLimit-Type QPS as the account's per-second limit", () => {
    const outcome = explainReply(
      reply(
        429,
        { code: 429, message: 'You have reached the maximum per-second rate limit for this API.' },
        { 'retry-after': '1', 'x-ratelimit-type': 'QPS' },
      ),
      ALICE,
    )
    expect(outcome).toMatchObject({ ok: false, httpStatus: 429 })
    expect(outcome.message).toContain("Zoom's per-second rate limit for this account was hit (X-RateLimit-Type: QPS)")
    expect(outcome.message).toContain('re-run the job later')
    expect(outcome.message).not.toContain('once a minute')
    expect(outcome.message).not.toMatch(/daily/i)
  })

  it('explains a 429 with QPS whose words name this user as the once-a-minute limit', () => {
    const outcome = explainReply(
      reply(
        429,
        { code: 429, message: 'Too many requests submitted to update the presence status of this user.' },
        { 'x-ratelimit-type': 'QPS' },
      ),
      ALICE,
    )
    expect(outcome.message).toContain('once a minute')
    expect(outcome.message).toContain('alice@example.com')
    expect(outcome.message).not.toContain('per-second')
  })

  it('explains a bare 429 as the once-a-minute limit', () => {
    const outcome = explainReply(reply(429), ALICE)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 429, zoomCode: undefined })
    expect(outcome.message).toContain('once a minute')
  })

  it.each([
    ['a string', 'Daily-limit'],
    ['an array', ['Daily-limit']],
  ])('explains 429 with X-RateLimit-Type Daily-limit as %s as the daily limit', (_what, value) => {
    const outcome = explainReply(reply(429, '', { 'x-ratelimit-type': value }), ALICE)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 429 })
    expect(outcome.message).toContain('daily API limit')
    expect(outcome.message).toContain('tomorrow')
    expect(outcome.message).not.toContain('once a minute')
  })

  it.each([500, 502, 503, 504])("explains %d as a server error on Zoom's side", (status) => {
    const outcome = explainReply(reply(status, { code: status, message: 'Internal error' }), ALICE)
    expect(outcome).toMatchObject({ ok: false, httpStatus: status })
    expect(outcome.message).toContain(`server error (HTTP ${status})`)
    expect(outcome.message).toContain('re-run the job later')
  })

  it('explains a 302 with Location, saying the token was not sent on', () => {
    const outcome = explainReply(reply(302, '', { location: 'https://zoom.us/login?next=%2Fv2' }), ALICE)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 302, zoomCode: undefined })
    expect(outcome.message).toContain('redirected the request to "https://zoom.us/login?next=%2Fv2"')
    expect(outcome.message).toContain('(HTTP 302)')
    expect(outcome.message).toContain('token is never sent on')
    expect(outcome.message).toContain("'base-url'")
  })

  it('explains a 301 without Location', () => {
    const outcome = explainReply(reply(301), ALICE)
    expect(outcome.ok).toBe(false)
    expect(outcome.message).toContain('redirected the request (HTTP 301)')
  })

  it('does not count a 200 with an error body as success', () => {
    const outcome = explainReply(reply(200, { code: 3000, message: 'Something went wrong.' }), ALICE)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 200, zoomCode: 3000 })
    expect(outcome.message).toContain('HTTP 200 with error code 3000 instead of 204 No Content')
    expect(outcome.message).toContain('not confirmed')
  })

  it('does not count a 200 with an empty body as success', () => {
    const outcome = explainReply(reply(200, ''), ALICE)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 200, zoomCode: undefined })
    expect(outcome.message).toContain('HTTP 200 instead of 204 No Content')
  })

  it('does not count a 200 that carries 5301 as success', () => {
    const outcome = explainReply(reply(200, { code: 5301, message: 'failed' }), ALICE)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 200, zoomCode: 5301 })
  })

  it('explains an HTML 502 page as a server error', () => {
    const outcome = explainReply(
      reply(502, '<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>', {
        'content-type': 'text/html',
      }),
      ALICE,
    )
    expect(outcome).toMatchObject({ ok: false, httpStatus: 502, zoomCode: undefined })
    expect(outcome.message).toContain('HTTP 502')
    expect(outcome.message).not.toContain('Zoom said')
  })

  it('explains an HTML page with a client-error status as not being Zoom', () => {
    const outcome = explainReply(reply(403, '\n  <!DOCTYPE html><html>Access denied by proxy</html>'), ALICE)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 403, zoomCode: undefined })
    expect(outcome.message).toContain('HTTP 403 with an HTML page')
    expect(outcome.message).toContain('proxy')
  })

  it('explains an unknown 418 with its code, what Zoom said and what to check', () => {
    const outcome = explainReply(reply(418, { code: 9999, message: "I'm a teapot" }), ALICE)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 418, zoomCode: 9999 })
    expect(outcome.message).toBe(
      "Zoom refused the update (HTTP 418, error code 9999): check 'user', 'status' and 'duration' against what Zoom said, and that 'base-url' is Zoom's API. Zoom said: \"I'm a teapot\"",
    )
  })

  it('explains an unknown 418 with no body, saying what to check', () => {
    const outcome = explainReply(reply(418), ALICE)
    expect(outcome).toEqual({
      ok: false,
      httpStatus: 418,
      zoomCode: undefined,
      message:
        "Zoom refused the update (HTTP 418) without saying why: check 'user', 'status' and 'duration', and that 'base-url' is Zoom's API; if they are right, re-run the job later.",
    })
  })

  it("quotes Zoom's message on one line and cuts it short", () => {
    const outcome = explainReply(reply(418, { message: `line one\nline two ${'z'.repeat(500)}` }), ALICE)
    expect(outcome.message).toContain('Zoom said: "line one line two')
    expect(outcome.message).not.toContain('\n')
    expect(outcome.message).not.toContain('z'.repeat(201))
    expect(outcome.message).toMatch(/…"$/)
  })

  it('survives broken JSON on an error status', () => {
    const outcome = explainReply(reply(400, '{"code": 5301, "message": '), ALICE)
    expect(outcome).toMatchObject({ ok: false, httpStatus: 400, zoomCode: undefined })
    expect(outcome.message).toMatch(/^Zoom refused the update \(HTTP 400\) without saying why: check 'user'/)
  })
})

describe('explainNetworkError', () => {
  const PRESENCE_URL = 'https://api.zoom.us/v2/users/me/presence_status'
  const withCode = (code: string, message = `connect ${code}`) => Object.assign(new Error(message), { code })

  it('explains ECONNREFUSED', () => {
    const outcome = explainNetworkError(withCode('ECONNREFUSED'), PRESENCE_URL)
    expect(outcome.ok).toBe(false)
    expect(outcome.httpStatus).toBeUndefined()
    expect(outcome.zoomCode).toBeUndefined()
    expect(outcome.message).toContain('No reply from Zoom')
    expect(outcome.message).toContain('api.zoom.us refused the connection')
    expect(outcome.message).toContain('proxy')
  })

  it.each(['ENOTFOUND', 'EAI_AGAIN'])('explains %s as DNS', (code) => {
    const outcome = explainNetworkError(withCode(code), PRESENCE_URL)
    expect(outcome.ok).toBe(false)
    expect(outcome.message).toContain('the host api.zoom.us could not be found (DNS)')
  })

  it.each(['ECONNRESET', 'EPIPE'])('explains %s as a reset connection', (code) => {
    const outcome = explainNetworkError(withCode(code), PRESENCE_URL)
    expect(outcome.ok).toBe(false)
    expect(outcome.message).toContain('the connection to api.zoom.us was reset')
  })

  it.each([407, 403])('explains a proxy that refuses the tunnel with %d, not as a reset connection', (status) => {
    // As the toolkit's tunnel reports it.
    const error = withCode('ECONNRESET', `tunneling socket could not be established, statusCode=${status}`)
    const outcome = explainNetworkError(error, PRESENCE_URL)
    expect(outcome.message).toBe(
      `No reply from Zoom: the proxy refused to open a tunnel to api.zoom.us (HTTP ${status}): check https_proxy, the credentials it may need, and no_proxy. Re-run the job once the server can be reached.`,
    )
  })

  it('explains EPROTO as a failed TLS handshake, not as a certificate', () => {
    const outcome = explainNetworkError(withCode('EPROTO', 'write EPROTO wrong version number'), PRESENCE_URL)
    expect(outcome.message).toContain('the TLS handshake with api.zoom.us failed (EPROTO)')
    expect(outcome.message).toContain("check 'base-url' and https_proxy")
    expect(outcome.message).not.toContain('certificate')
  })

  it('explains the HTTP client timeout, which has no code', () => {
    const outcome = explainNetworkError(new Error('Request timeout: /v2/users/me/presence_status'), PRESENCE_URL)
    expect(outcome.ok).toBe(false)
    expect(outcome.message).toContain('api.zoom.us did not answer in time')
  })

  it('explains ETIMEDOUT', () => {
    const outcome = explainNetworkError(withCode('ETIMEDOUT', 'connect ETIMEDOUT 1.2.3.4:443'), PRESENCE_URL)
    expect(outcome.message).toContain('did not answer in time')
  })

  it.each([
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER',
  ])('explains %s as a refused certificate, naming the code', (code) => {
    const outcome = explainNetworkError(withCode(code, 'certificate problem'), PRESENCE_URL)
    expect(outcome.ok).toBe(false)
    expect(outcome.message).toContain(`the TLS certificate of api.zoom.us was not accepted (${code})`)
  })

  // Doubtful: Node's code for an incomplete chain names neither CERT, SSL nor TLS,
  // so it gets the generic wording (which still names the code).
  it('explains UNABLE_TO_VERIFY_LEAF_SIGNATURE as a refused certificate', () => {
    const outcome = explainNetworkError(withCode('UNABLE_TO_VERIFY_LEAF_SIGNATURE'), PRESENCE_URL)
    expect(outcome.message).toContain('TLS certificate')
  })

  it('names an unknown code', () => {
    const outcome = explainNetworkError(withCode('EHOSTUNREACH'), PRESENCE_URL)
    expect(outcome.ok).toBe(false)
    expect(outcome.message).toBe(
      'No reply from Zoom: the request to api.zoom.us failed (EHOSTUNREACH). Re-run the job once the server can be reached.',
    )
  })

  it.each([
    ['an error without a code', new Error('socket hang up')],
    ['null', null],
    ['undefined', undefined],
    ['a string', 'boom'],
    ['a numeric code', { code: 42 }],
  ])('survives %s', (_what, error) => {
    const outcome = explainNetworkError(error, PRESENCE_URL)
    expect(outcome.ok).toBe(false)
    expect(outcome.message).toContain('the request to api.zoom.us failed (network error)')
  })

  it('keeps the port in the host and survives a URL that does not parse', () => {
    expect(
      explainNetworkError(withCode('ECONNREFUSED'), 'http://127.0.0.1:8080/v2/users/me/presence_status').message,
    ).toContain('127.0.0.1:8080 refused the connection')
    expect(explainNetworkError(withCode('ECONNREFUSED'), 'not a url').message).toContain(
      'the server refused the connection',
    )
  })
})

describe('each front end names its own inputs', () => {
  const BAD_TOKEN = reply(401, { code: 124, message: 'Invalid access token.' })
  const INVALID = reply(400, { code: 300, errors: [{ field: 'status', message: 'Invalid field.' }] })
  const REDIRECT = reply(302, '', { location: 'https://zoom.us/login' })
  const HTML = reply(403, '<html>proxy</html>')
  const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })
  const dns = Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' })
  const tls = Object.assign(new Error('bad cert'), { code: 'CERT_HAS_EXPIRED' })
  const api = { url: 'https://api.zoom.us/v2/users/me/presence_status', input: 'base-url' } as const
  const oauth = { url: 'https://zoom.us/oauth/token', input: 'oauth-url' } as const

  it('the action speaks of its inputs', () => {
    expect(explainReplyWith(BAD_TOKEN, ME, INPUT_NAMING).message).toContain("check that 'token' holds")
    expect(explainReplyWith(INVALID, ME, INPUT_NAMING).message).toContain("check 'status' and 'duration'")
    expect(explainReplyWith(REDIRECT, ME, INPUT_NAMING).message).toContain("set 'base-url' to")
    expect(explainReplyWith(HTML, ME, INPUT_NAMING).message).toContain("check 'base-url' and any proxy")
    expect(explainNetworkErrorAt(refused, api, INPUT_NAMING).message).toBe(
      "No reply from Zoom: api.zoom.us refused the connection: check 'base-url', and the proxy settings if the runner uses one. Re-run the job once the server can be reached.",
    )
  })

  it('the command speaks of its options and environment variables', () => {
    for (const [outcome, words] of [
      [
        explainReplyWith(BAD_TOKEN, ME, COMMAND_NAMING),
        'check that ZOOM_TOKEN holds a current Zoom OAuth access token',
      ],
      [explainReplyWith(INVALID, ME, COMMAND_NAMING), 'check --status and --duration'],
      [explainReplyWith(REDIRECT, ME, COMMAND_NAMING), 'set --base-url to'],
      [explainReplyWith(HTML, ME, COMMAND_NAMING), 'check --base-url and any proxy'],
      [explainNetworkErrorAt(refused, api, COMMAND_NAMING), 'check --base-url, and the proxy settings'],
      [explainNetworkErrorAt(dns, api, COMMAND_NAMING), "check --base-url and the runner's network"],
      [explainNetworkErrorAt(tls, api, COMMAND_NAMING), 'check --base-url and any TLS-inspecting proxy'],
    ] as const) {
      expect(outcome.message).toContain(words)
      expect(outcome.message).not.toMatch(/'[a-z-]+'/)
    }
  })

  it('says a request that was never sent needs more of the timeout', () => {
    expect(explainNetworkErrorAt(new NotSent(), api, INPUT_NAMING).message).toBe(
      "Not sent: the timeout was used up before this request could start; raise 'timeout' to give every user time.",
    )
    expect(explainNetworkErrorAt(new NotSent(), api, COMMAND_NAMING).message).toContain('raise --timeout')
  })

  it("blames 'oauth-url' when the token endpoint gives no reply", () => {
    for (const error of [refused, dns, tls]) {
      const { message } = explainNetworkErrorAt(error, oauth, INPUT_NAMING)
      expect(message).toMatch(/^No reply from Zoom's OAuth server: /)
      expect(message).toContain("check 'oauth-url'")
      expect(message).not.toContain('base-url')
      expect(explainNetworkErrorAt(error, oauth, COMMAND_NAMING).message).toContain('check --oauth-url')
    }
  })
})
