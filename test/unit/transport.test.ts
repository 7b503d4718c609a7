import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { type Connection, httpTransport } from '../../src/zoom/transport.js'

let server: Server | undefined
let connection: Connection | undefined

afterEach(async () => {
  connection?.close()
  connection = undefined
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

function put(url: string, timeoutMs = 5_000) {
  connection ??= httpTransport()
  return connection.send({ method: 'PUT', url, headers: {}, body: '{}', timeoutMs })
}

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

  it('sends the requests to one origin over one kept-alive connection', async () => {
    const url = await serve((_req, res) => res.writeHead(204).end())
    let connections = 0
    server?.on('connection', () => connections++)

    for (let i = 0; i < 3; i++) await expect(put(url)).resolves.toMatchObject({ httpStatus: 204 })
    expect(connections).toBe(1)
  })

  it('ends a request that is still waiting when it is closed', async () => {
    const url = await serve(() => undefined)
    let connections = 0
    server?.on('connection', (socket) => {
      connections++
      socket.on('close', () => connections--)
    })
    const pending = put(url, 60_000)
    await new Promise((done) => setTimeout(done, 100))
    expect(connections).toBe(1)

    connection?.close()
    await expect(pending).rejects.toBeInstanceOf(Error)
    await new Promise((done) => setTimeout(done, 50))
    expect(connections).toBe(0)
  })
})
