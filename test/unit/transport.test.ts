import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { httpTransport } from '../../src/zoom/transport.js'

let server: Server | undefined

afterEach(async () => {
  server?.closeAllConnections()
  await new Promise((done) => server?.close(done) ?? done(undefined))
  server = undefined
})

/** A server on 127.0.0.1 that answers every request with `answer`; resolves to its URL. */
async function serve(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer((req, res) => {
    req.resume()
    req.on('end', () => answer(req, res))
  })
  await new Promise((done) => server?.listen(0, '127.0.0.1', () => done(undefined)))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v2/users/me/presence_status`
}

const put = (url: string) => httpTransport()({ method: 'PUT', url, headers: {}, body: '{}', timeoutMs: 5_000 })

describe('httpTransport', () => {
  it('resolves with the whole of a small reply', async () => {
    const url = await serve((_req, res) => res.writeHead(400, { 'X-Test': 'yes' }).end('{"code":300}'))
    await expect(put(url)).resolves.toMatchObject({
      httpStatus: 400,
      body: '{"code":300}',
      headers: { 'x-test': 'yes' },
    })
  })

  it.each([
    ['with a Content-Length', { 'Content-Length': '1000' }],
    ['in chunks', {}],
  ])('rejects as a reset connection when the server cuts the body off %s', async (_how, headers) => {
    const url = await serve((req, res) => {
      res.writeHead(400, { 'Content-Type': 'application/json', ...headers })
      res.write('{"code": 5301, "mess', () => setTimeout(() => req.socket.destroy(), 20))
    })
    await expect(put(url)).rejects.toMatchObject({ code: 'ECONNRESET' })
  })

  it('stops reading a huge body at 64 KiB and resolves with what came', async () => {
    const total = 8 * 1024 * 1024
    const chunk = 'x'.repeat(64 * 1024)
    let written = 0
    let finished = false
    let closed: Promise<unknown> | undefined
    const url = await serve((_req, res) => {
      closed = new Promise((done) => res.on('close', done))
      res.on('finish', () => {
        finished = true
      })
      res.writeHead(400, { 'Content-Length': String(total) })
      // Paced, so that the client's stop shows before the kernel's buffers take it all.
      const more = () => {
        if (res.destroyed) return
        written += chunk.length
        if (written >= total) res.end(chunk)
        else res.write(chunk, () => setTimeout(more, 2))
      }
      more()
    })
    const { httpStatus, body } = await put(url)
    await closed

    expect(httpStatus).toBe(400)
    expect(body.length).toBeGreaterThanOrEqual(64 * 1024)
    expect(body.length).toBeLessThan(total)
    // The server was cut off early, not left to write the rest to no one.
    expect(finished).toBe(false)
    expect(written).toBeLessThan(total / 4)
  })
})
