import { describe, expect, it } from 'vitest'
import { COMMAND_NAMING } from '../../src/cli/main.js'
import { INPUT_NAMING } from '../../src/inputs.js'
import { explainTokenFailure } from '../../src/zoom/oauth.js'

describe('explainTokenFailure names the inputs as each front end calls them', () => {
  const cases: [number, Record<string, unknown>, string[]][] = [
    [401, { reason: 'Invalid client_id or client_secret', error: 'invalid_client' }, ['client-id', 'client-secret']],
    [400, { code: 4706, message: 'Missing required field: account_id.' }, ['account-id']],
    [200, { token_type: 'bearer' }, ['oauth-url']],
    [418, { code: 1 }, ['oauth-url']],
    [302, {}, ['oauth-url']],
  ]

  it.each(cases)('HTTP %d %j, for the action', (status, body, inputs) => {
    const message = explainTokenFailure(status, body, INPUT_NAMING)
    for (const input of inputs) expect(message).toContain(`'${input}'`)
    expect(message).not.toMatch(/ZOOM_|--/)
  })

  it.each(cases)('HTTP %d %j, for the command', (status, body, inputs) => {
    const message = explainTokenFailure(status, body, COMMAND_NAMING)
    const named: Record<string, string> = {
      'client-id': 'ZOOM_CLIENT_ID',
      'client-secret': 'ZOOM_CLIENT_SECRET',
      'account-id': 'ZOOM_ACCOUNT_ID',
      'oauth-url': '--oauth-url',
    }
    for (const input of inputs) expect(message).toContain(named[input] ?? input)
    expect(message).not.toMatch(/'[a-z-]+'/)
  })
})

describe('explainTokenFailure reads Zoom codes before Zoom words', () => {
  const explain = (status: number, body: Record<string, unknown>) => explainTokenFailure(status, body, INPUT_NAMING)
  const DEACTIVATED = /app is deactivated: activate it/
  const CREDENTIALS = /^Zoom rejected the app's credentials/
  const GRANT = /^Zoom refused the account_credentials grant/
  const INCOMPLETE = /^Zoom refused the token request as incomplete/

  // Each message alone would be read as another cause.
  it.each([
    [4717, 'Invalid client_id for this account', DEACTIVATED],
    [4702, 'The grant is disabled', CREDENTIALS],
    [4704, 'Missing grant: app disabled', CREDENTIALS],
    [4705, 'Unsupported grant type for this client', GRANT],
    [4706, 'Invalid client: account missing', INCOMPLETE],
  ])('code %d, whatever Zoom says ("%s")', (code, message, cause) => {
    expect(explain(400, { code, message })).toMatch(cause)
    expect(explain(401, { code: String(code), reason: message })).toMatch(cause)
  })

  it.each([
    [{ reason: 'The app has been disabled' }, DEACTIVATED],
    [{ reason: 'Invalid client_id or client_secret', error: 'invalid_client' }, CREDENTIALS],
    [{ error: 'unsupported_grant_type' }, GRANT],
    [{ reason: 'Invalid account_id', error: 'invalid_request' }, INCOMPLETE],
    [{ code: 4700, message: 'Missing required field' }, INCOMPLETE],
  ])('reads the words when there is no known code: %j', (body, cause) => {
    expect(explain(400, body)).toMatch(cause)
  })

  it('reads a bare 401 as rejected credentials', () => {
    expect(explain(401, {})).toMatch(CREDENTIALS)
  })

  it('names a code it does not know, and none that is not a number', () => {
    expect(explain(418, { code: 9999 })).toMatch(
      /^Zoom's token endpoint refused to issue a token \(HTTP 418, code 9999\)/,
    )
    expect(explain(418, { code: null })).toMatch(/^Zoom's token endpoint refused to issue a token \(HTTP 418\)/)
    expect(explain(503, {})).toMatch(/server error \(HTTP 503\)/)
  })
})

describe('explainTokenFailure, for a busy or moved token endpoint', () => {
  it('calls a 429 a rate limit, not a matter of credentials', () => {
    const message = explainTokenFailure(429, { reason: 'Too many requests' }, INPUT_NAMING)
    expect(message).toMatch(/^Zoom's token endpoint is rate-limiting this app \(HTTP 429\).*re-run the job later\./)
    expect(message).not.toContain('credentials:')
  })

  it('says a redirect is not followed with the credentials', () => {
    expect(explainTokenFailure(301, {}, INPUT_NAMING)).toBe(
      "Zoom's token endpoint answered with a redirect (HTTP 301), which is not followed with the app's credentials: set 'oauth-url' to the token endpoint's own address, such as https://zoom.us/oauth/token.",
    )
  })
})
