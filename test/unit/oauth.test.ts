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
