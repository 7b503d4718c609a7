import { HttpClient } from '@actions/http-client'
import type { Reply } from './reply.js'

/** Enough of Zoom's error body to explain it; the rest is dropped unread. */
const MAX_BODY_BYTES = 64 * 1024
const USER_AGENT = 'zoom-presence'

export interface TransportOptions {
  /** Milliseconds a request may wait for the server. */
  timeoutMs: number
}

export interface Sent {
  method: string
  url: string
  headers: Record<string, string>
  body?: string
}

/** Sends one request; a reply of any status resolves, no reply rejects. */
export type Transport = (request: Sent) => Promise<Reply>

/**
 * HTTP through the Actions toolkit's client, which honours the runner's
 * https_proxy and no_proxy. Redirects are not followed, so the token never
 * goes anywhere but base-url.
 */
export function httpTransport(options: TransportOptions): Transport {
  const client = new HttpClient(USER_AGENT, [], {
    allowRedirects: false,
    allowRetries: false,
    socketTimeout: options.timeoutMs,
  })
  return async ({ method, url, headers, body }) => {
    const response = await client.request(method, url, body ?? null, headers)
    const { message } = response
    return {
      httpStatus: message.statusCode ?? 0,
      headers: message.headers,
      body: await readCapped(message, MAX_BODY_BYTES),
    }
  }
}

/** Reads at most `limit` bytes of a body, then stops the download. */
function readCapped(stream: NodeJS.ReadableStream & { destroy(): void }, limit: number): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = () => resolve(Buffer.concat(chunks).toString('utf8'))
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      size += chunk.length
      if (size >= limit) {
        stream.destroy()
        done()
      }
    })
    stream.on('end', done)
    stream.on('error', done)
    stream.on('close', done)
  })
}
