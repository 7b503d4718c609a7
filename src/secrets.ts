import type { Auth } from './inputs.js'

/**
 * The inputs that hold secrets. All four are masked before anything is
 * logged: an account or client ID is no password, but with the secret it
 * names the app, and both front ends treat them alike.
 */
export const SECRET_INPUTS = ['token', 'account-id', 'client-id', 'client-secret'] as const
export type SecretInput = (typeof SECRET_INPUTS)[number]

// Zoom issues tokens (JWTs) and credentials in base64 and base64url
// characters. Nothing shorter is a real one, and a short value such as
// 'Away', once masked, would blank out ordinary words in the log.
const SECRET_SHAPE = /^[A-Za-z0-9\-_.~+/=]{16,}$/

/** What a token or credential may hold, for the problem that names one. */
export const SECRET_ALLOWED = 'at least 16 letters, digits and - _ . ~ + / ='

/** Whether a value could be a token or credential as Zoom issues them. */
export function isSecretShaped(value: string): boolean {
  return SECRET_SHAPE.test(value)
}

/** The Basic credentials the token endpoint is sent: the client ID and secret, in base64. */
export function basicCredentials(clientId: string, clientSecret: string): string {
  return Buffer.from(`${clientId}:${clientSecret}`).toString('base64')
}

/**
 * Secrets the action makes from the inputs: a server that echoes the
 * Authorization header back must not have it quoted, encoded or not.
 */
export function derivedSecrets(auth: Auth): string[] {
  if (auth.kind !== 'account') return []
  const basic = basicCredentials(auth.clientId, auth.clientSecret)
  // As servers may quote it back: whole, without its = padding, or URL-encoded.
  return [...new Set([basic, basic.replace(/=+$/, ''), encodeURIComponent(basic)])]
}

/** The secrets a run starts with; minted tokens join them later. */
export function secretsOf(auth: Auth): string[] {
  return auth.kind === 'token' ? [auth.token] : [auth.accountId, auth.clientId, auth.clientSecret]
}

/**
 * What to mask of a value given as a secret: the value when it has a
 * secret's shape, else each run of it that could be one (the token in
 * 'Bearer <token>'), so a mistyped secret is hidden and a short word is not.
 */
export function maskable(value: string): string[] {
  const trimmed = value.trim()
  if (isSecretShaped(trimmed)) return [trimmed]
  return trimmed.split(/[^A-Za-z0-9\-_.~+/=]+/).filter(isSecretShaped)
}
