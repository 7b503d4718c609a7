import { describe, expect, it } from 'vitest'
import { INPUT_NAMING } from '../../src/inputs.js'
import { redactor } from '../../src/log.js'
import { redacting } from '../../src/zoom/redacting.js'
import { explainReply, type Reply } from '../../src/zoom/reply.js'

const TOKEN = 'eyJhbGciOiJIUzUxMiJ9.eyJzdWIiOiJ4In0/sig+nature'

function answering(reply: Reply) {
  return async () => reply
}

describe('redacting', () => {
  it('blanks a secret out of the body and every header value before it is read', async () => {
    const send = redacting(
      answering({
        httpStatus: 302,
        headers: { location: `https://evil.example/?t=${TOKEN}`, 'set-cookie': [`a=${TOKEN}`, 'b=1'], none: undefined },
        body: `{"message":"${TOKEN}"}`,
      }),
      redactor([TOKEN]),
    )
    const reply = await send({ method: 'GET', url: 'https://x', headers: {} })
    expect(reply).toEqual({
      httpStatus: 302,
      headers: { location: 'https://evil.example/?t=***', 'set-cookie': ['a=***', 'b=1'], none: undefined },
      body: '{"message":"***"}',
    })
  })

  it('blanks a secret that JSON wrote with its / escaped', async () => {
    const body = JSON.stringify({ message: `token ${TOKEN}` }).replaceAll('/', '\\/')
    expect(body).not.toContain(TOKEN)
    const send = redacting(answering({ httpStatus: 400, headers: {}, body }), redactor([TOKEN]))
    const reply = await send({ method: 'GET', url: 'https://x', headers: {} })
    expect(explainReply(reply, { user: 'me', status: 'Away' }, INPUT_NAMING).message).toContain(
      'Zoom said: "token ***"',
    )
  })

  it('knows secrets added after it was made, as a minted token is', async () => {
    const secrets: string[] = []
    const send = redacting(answering({ httpStatus: 400, headers: {}, body: TOKEN }), redactor(secrets))
    expect((await send({ method: 'GET', url: 'https://x', headers: {} })).body).toBe(TOKEN)
    secrets.push(TOKEN)
    expect((await send({ method: 'GET', url: 'https://x', headers: {} })).body).toBe('***')
  })

  it('leaves no piece of a secret that holds another', () => {
    const inner = 'abcdefghijklmnop'
    expect(redactor([inner, `${inner}-and-more-of-it`])(`x ${inner}-and-more-of-it y`)).toBe('x *** y')
  })
})
