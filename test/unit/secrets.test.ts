import { describe, expect, it } from 'vitest'
import { isSecretShaped, maskable, SECRET_INPUTS, secretsOf } from '../../src/secrets.js'

describe('secrets', () => {
  it('names all four secret inputs', () => {
    expect([...SECRET_INPUTS]).toEqual(['token', 'account-id', 'client-id', 'client-secret'])
  })

  it('knows the shape of what Zoom issues', () => {
    expect(isSecretShaped('eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJ4In0.abc-_~+/=')).toBe(true)
    expect(isSecretShaped('a'.repeat(16))).toBe(true)
    expect(isSecretShaped('a'.repeat(15))).toBe(false)
    expect(isSecretShaped(`${'a'.repeat(16)}"`)).toBe(false)
    expect(isSecretShaped(`${'a'.repeat(16)}\\`)).toBe(false)
  })

  it('masks a secret whole, the secret-shaped runs of a mistyped one, and never a short word', () => {
    const token = 'eyJhbGciOiJIUzUxMiJ9.payload-part'
    expect(maskable(` ${token}\n`)).toEqual([token])
    expect(maskable(`Bearer ${token}`)).toEqual([token])
    expect(maskable(`"${token}"`)).toEqual([token])
    expect(maskable('Away')).toEqual([])
    expect(maskable('')).toEqual([])
  })

  it('lists the secrets a run starts with', () => {
    expect(secretsOf({ kind: 'token', token: 't'.repeat(16) })).toEqual(['t'.repeat(16)])
    expect(
      secretsOf({ kind: 'account', accountId: 'a', clientId: 'b', clientSecret: 'c', oauthUrl: 'https://x' }),
    ).toEqual(['a', 'b', 'c'])
  })
})
