import type { Settings } from './inputs.js'
import type { Log } from './log.js'
import { tokensFor } from './tokens.js'
import { updateAll, type Result } from './update.js'
import { retrying } from './zoom/retry.js'
import { httpTransport } from './zoom/transport.js'

/**
 * The whole job for any front end: get a token, update every user within
 * the time budget, and explain each outcome. `onSecret` hears of every
 * secret made on the way, before it is used.
 */
export async function setPresence(settings: Settings, log: Log, onSecret: (secret: string) => void): Promise<Result[]> {
  const send = retrying(httpTransport(), { budgetMs: settings.timeoutMs, requestTimeoutMs: settings.requestTimeoutMs }, log)
  const tokens = tokensFor(settings.auth, send, onSecret)
  if (settings.auth.kind === 'account') log.info('Getting an access token with the Server-to-Server OAuth credentials…')
  return updateAll(settings, { send, tokens, log })
}

/** The secrets among the settings, to mask before anything is logged. */
export function secretsOf(settings: Pick<Settings, 'auth'>): string[] {
  const { auth } = settings
  return auth.kind === 'token' ? [auth.token] : [auth.clientSecret]
}
