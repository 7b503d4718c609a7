// A forward proxy on 127.0.0.1 that tunnels CONNECT requests, as a
// self-hosted runner's proxy does. `routes` maps a requested host:port to
// the loopback port that stands in for it, so tests can use a real host name.
import { createServer } from 'node:http'
import { connect } from 'node:net'

/** @param {Record<string, number>} routes */
export async function startProxy(routes) {
  /** @type {string[]} */
  const tunnels = []
  /** @type {(string | undefined)[]} */
  const authorizations = []
  /** @type {Set<import('node:net').Socket | import('node:stream').Duplex>} */
  const sockets = new Set()
  const server = createServer((_req, res) => {
    res.writeHead(501).end()
  })
  server.on('connect', (req, client, head) => {
    const target = req.url ?? ''
    tunnels.push(target)
    authorizations.push(req.headers['proxy-authorization'])
    const port = routes[target]
    if (port === undefined) {
      client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n')
      return
    }
    const upstream = connect(port, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.write(head)
      upstream.pipe(client)
      client.pipe(upstream)
    })
    // A tunnel leaves the server's own bookkeeping, so close() ends it by hand.
    sockets.add(client).add(upstream)
    upstream.on('error', () => client.destroy())
    client.on('error', () => upstream.destroy())
  })
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    /** Every CONNECT target asked for, in order. */
    tunnels,
    /** The Proxy-Authorization header of each CONNECT, in order. */
    authorizations,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve(undefined))
      }),
  }
}
