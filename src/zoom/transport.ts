import type { IncomingMessage } from 'node:http'
import { HttpClient } from '@actions/http-client'
import type { Reply } from './reply.js'

/** Enough of Zoom's error body to explain it; the rest is dropped unread. */
const MAX_BODY_BYTES = 64 * 1024
const DEFAULT_TIMEOUT_MS = 30_000
const USER_AGENT = 'zoom-presence'

export interface Sent {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
  /** Milliseconds the whole exchange may take, body included. */
  timeoutMs?: number
}

/** Sends one request; a reply of any status resolves, no reply rejects. */
export type Transport = (request: Sent) => Promise<Reply>

/** A request that was never sent, because the step's time budget ran out first. */
export class NotSent extends Error {
  constructor() {
    super('the timeout was used up before the request could start')
    this.name = 'NotSent'
  }
}

/** A transport whose connections stay open between requests, until it is closed. */
export interface Connection {
  send: Transport
  /** Ends every connection, finished or not, so that none keeps the process alive. */
  close(): void
}

/**
 * HTTP through the Actions toolkit's client, which honours the runner's
 * https_proxy and no_proxy. Redirects are not followed, so the token never
 * goes anywhere but base-url.
 *
 * Connections are kept alive and reused: several users' updates then cost
 * one TLS handshake per connection rather than one each. The toolkit's
 * client keeps a single agent, chosen by the first URL it is given, so there
 * is one client per origin (the token endpoint and the API differ).
 */
export function httpTransport(): Connection {
  const clients = new Map<string, HttpClient>()
  const clientFor = (url: string) => {
    const origin = new URL(url).origin
    let client = clients.get(origin)
    if (!client) {
      client = new HttpClient(USER_AGENT, [], { allowRedirects: false, allowRetries: false, keepAlive: true })
      clients.set(origin, client)
    }
    return client
  }
  const send: Transport = async ({ method, url, headers, body, timeoutMs = DEFAULT_TIMEOUT_MS }) => {
    const client = clientFor(url)
    // The deadline ends a server that never answers, or answers a byte at a time.
    let message: IncomingMessage | undefined
    let timer: NodeJS.Timeout | undefined
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        message?.destroy()
        reject(Object.assign(new Error(`Request timeout after ${timeoutMs} ms`), { code: 'ETIMEDOUT' }))
      }, timeoutMs)
    })
    const exchange = (async (): Promise<Reply> => {
      const response = await client.request(method, url, body ?? null, headers)
      message = response.message
      return {
        httpStatus: message.statusCode ?? 0,
        headers: message.headers,
        body: await readCapped(message, MAX_BODY_BYTES),
      }
    })()
    exchange.catch(() => undefined)
    try {
      return await Promise.race([exchange, deadline])
    } finally {
      clearTimeout(timer)
    }
  }
  return {
    send,
    close() {
      for (const client of clients.values()) client.dispose()
      clients.clear()
    },
  }
}

/**
 * Reads at most `limit` bytes of a body, then stops the download: what came
 * is the reply. A body the server cuts off before its end is no reply, and
 * rejects as a reset connection, so that it is retried.
 */
function readCapped(stream: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = () => resolve(Buffer.concat(chunks).toString('utf8'))
    const cutOff = (error?: Error) => {
      const why = error?.message ?? 'closed'
      reject(Object.assign(new Error(`The server cut the reply off before its end (${why})`), { code: 'ECONNRESET' }))
    }
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
      if (size >= limit) {
        done()
        stream.destroy()
      }
    })
    stream.on('end', done)
    // After 'end', or after the cap, the promise is settled and these do nothing.
    stream.on('error', cutOff)
    stream.on('close', () => cutOff())
  })
}
