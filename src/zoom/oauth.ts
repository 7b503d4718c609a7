import type { Auth, Naming } from '../inputs.js'
import { basicCredentials, isSecretShaped } from '../secrets.js'
import { quote } from '../text.js'
import { explainNetworkError, parseJsonObject, type Reply, zoomCode } from './reply.js'
import type { Transport } from './transport.js'

/** The credentials of a Server-to-Server OAuth app, as the inputs give them. */
export type AccountCredentials = Extract<Auth, { kind: 'account' }>

/** A token could not be had; the message says why and what to do. */
export class TokenError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'TokenError'
  }
}

/**
 * Mints an access token with Server-to-Server OAuth's account_credentials
 * grant. Zoom issues no refresh token: a new grant is the only renewal.
 */
export async function mintToken(credentials: AccountCredentials, send: Transport, naming: Naming): Promise<string> {
  const { accountId, clientId, clientSecret, oauthUrl } = credentials
  let reply: Reply
  try {
    reply = await send({
      method: 'POST',
      url: oauthUrl,
      headers: {
        Authorization: `Basic ${basicCredentials(clientId, clientSecret)}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: new URLSearchParams({ grant_type: 'account_credentials', account_id: accountId }).toString(),
    })
  } catch (error) {
    throw new TokenError(explainNetworkError(error, { url: oauthUrl, input: 'oauth-url' }, naming).message)
  }
  const body = parseJsonObject(reply.body)
  const token = body.access_token
  if (reply.httpStatus === 200 && typeof token === 'string' && isSecretShaped(token)) return token
  throw new TokenError(explainTokenFailure(reply.httpStatus, body, naming))
}

/** What went wrong at the token endpoint, when it can be told. */
type Cause = 'deactivated' | 'credentials' | 'grant' | 'incomplete'

// Zoom's codes for the token endpoint: they decide before any wording does.
const CAUSE_OF_CODE: Record<number, Cause> = {
  4717: 'deactivated',
  4702: 'credentials',
  4704: 'credentials',
  4705: 'grant',
  4706: 'incomplete',
}

function causeOf(httpStatus: number, code: number | undefined, reason: string): Cause | undefined {
  const known = code === undefined ? undefined : CAUSE_OF_CODE[code]
  if (known) return known
  // Without a code it documents, Zoom's words (and a 401) tell.
  if (/disabled|deactivated/i.test(reason)) return 'deactivated'
  if (/client/i.test(reason) || httpStatus === 401) return 'credentials'
  if (/grant/i.test(reason)) return 'grant'
  if (/account|missing|required|invalid_request/i.test(reason)) return 'incomplete'
  return undefined
}

/** One sentence for each way Zoom's token endpoint says no, naming inputs as the front end does. */
export function explainTokenFailure(httpStatus: number, body: Record<string, unknown>, naming: Naming): string {
  const { ref } = naming
  const code = zoomCode(body.code)
  const error = typeof body.error === 'string' ? body.error : ''
  const said = [body.reason, body.message, body.error_description].find((v) => typeof v === 'string' && v.trim())
  const zoomSaid = typeof said === 'string' ? ` Zoom said: ${quote(said, 200)}` : ''

  let message: string
  switch (causeOf(httpStatus, code, `${error} ${String(said ?? '')}`)) {
    case 'deactivated':
      message =
        'Zoom refused to issue a token because the Server-to-Server OAuth app is deactivated: activate it in the Zoom App Marketplace.'
      break
    case 'credentials':
      message = `Zoom rejected the app's credentials: check that ${ref('client-id')} and ${ref('client-secret')} are those of a Server-to-Server OAuth app, copied in full.`
      break
    case 'grant':
      message =
        'Zoom refused the account_credentials grant: the credentials must belong to a Server-to-Server OAuth app, not a user-level OAuth app.'
      break
    case 'incomplete':
      message = `Zoom refused the token request as incomplete: check that ${ref('account-id')} is the app's Account ID from its App Credentials page.`
      break
    default:
      if (httpStatus === 200) {
        message = `Zoom's token endpoint answered without an access token: check ${ref('oauth-url')}.`
      } else if (httpStatus >= 500) {
        message = `Zoom's token endpoint had a server error (HTTP ${httpStatus}): re-run the job later.`
      } else if (httpStatus === 429) {
        message =
          "Zoom's token endpoint is rate-limiting this app (HTTP 429), as when many runs ask for tokens at once: re-run the job later."
      } else if (httpStatus >= 300 && httpStatus < 400) {
        message = `Zoom's token endpoint answered with a redirect (HTTP ${httpStatus}), which is not followed with the app's credentials: set ${ref('oauth-url')} to the token endpoint's own address, such as https://zoom.us/oauth/token.`
      } else {
        message = `Zoom's token endpoint refused to issue a token (HTTP ${httpStatus}${code === undefined ? '' : `, code ${code}`}): check ${ref('oauth-url')} and the app's credentials.`
      }
  }
  return `${message}${zoomSaid}`
}
