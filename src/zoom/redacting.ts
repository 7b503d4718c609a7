import type { Reply } from './reply.js'
import type { Transport } from './transport.js'

/**
 * Blanks every known secret out of each reply as it arrives, body and header
 * values alike, before anything decodes, quotes or cuts it: a secret cut in
 * two by a quote would no longer match, and half of it would show.
 */
export function redacting(send: Transport, redact: (text: string) => string): Transport {
  return async (request) => {
    const reply = await send(request)
    const headers: Reply['headers'] = {}
    for (const [name, value] of Object.entries(reply.headers)) {
      headers[name] = Array.isArray(value) ? value.map(redact) : value === undefined ? value : redact(value)
    }
    return { ...reply, headers, body: redact(reply.body) }
  }
}
