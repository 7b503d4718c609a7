import type { Auth, Naming } from './inputs.js'
import { mintToken } from './zoom/oauth.js'
import type { Transport } from './zoom/transport.js'

/** The access token every update shares, and its one renewal. */
export interface Tokens {
  /** Whether the tokens are minted from account credentials, not given. */
  minted: boolean
  get(): Promise<string>
  /**
   * A fresh token after Zoom called `stale` invalid (a parallel run can
   * revoke a minted token), or undefined when renewing is not possible.
   */
  renew(stale: string): Promise<string | undefined>
}

/**
 * Tokens from the inputs: the given one as it is, or one minted from the
 * account credentials, renewed at most once per step.
 */
export function tokensFor(auth: Auth, send: Transport, onToken: (token: string) => void, naming: Naming): Tokens {
  if (auth.kind === 'token') {
    return { minted: false, get: async () => auth.token, renew: async () => undefined }
  }
  const mint = async () => {
    const token = await mintToken(auth, send, naming)
    onToken(token)
    return token
  }
  let current: Promise<string> | undefined
  let renewed = false
  return {
    minted: true,
    get: () => (current ??= mint()),
    async renew(stale) {
      const token = await current
      // Another user's update may have renewed it already.
      if (token !== stale) return token
      if (renewed) return undefined
      renewed = true
      current = mint()
      return current
    },
  }
}
