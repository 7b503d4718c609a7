/**
 * Stands in for the `tunnel` package in the bundle, and loads it on first
 * use: tsconfig.json's `paths` sends `import ... from 'tunnel'` here, and ncc
 * follows `paths`.
 *
 * @actions/http-client builds its proxy agent with tunnel, but imports it at
 * start-up, and tunnel in turn loads node:assert: time and memory every run
 * pays, although only a run behind a proxy (https_proxy) uses them. Here the
 * four functions http-client calls load the real module, bundled as it is,
 * when the first request through a proxy is prepared; test/e2e/faults.test.ts
 * ("through a proxy") runs that path.
 *
 * `require` is webpack's inside the bundle: it points at tunnel's own file,
 * which `paths` leaves alone, and evaluates it only when called.
 */
import { basicCredentials } from '../secrets.js'

type MakeAgent = (options: unknown) => unknown
type Tunnel = Record<'httpOverHttp' | 'httpsOverHttp' | 'httpOverHttps' | 'httpsOverHttps', MakeAgent>

let tunnel: Tunnel | undefined
const load = (): Tunnel => (tunnel ??= require('tunnel/lib/tunnel.js') as Tunnel)

interface ProxyOptions {
  proxy?: { proxyAuth?: string }
}
type Request = (options: { headers?: Record<string, string> }, ...rest: unknown[]) => unknown

/**
 * tunnel encodes a proxy's user and password with `new Buffer()`, which puts
 * a deprecation warning in the log of every run behind such a proxy. The
 * agent is given no credentials; its CONNECT request gets the header instead.
 */
function agent(kind: keyof Tunnel): MakeAgent {
  return (options) => {
    const { proxy } = (options ?? {}) as ProxyOptions
    if (!proxy?.proxyAuth) return load()[kind](options)
    // The toolkit passes the user and password as the proxy URL spells them, percent-encoded.
    const [user = '', ...password] = proxy.proxyAuth.split(':')
    const authorization = `Basic ${basicCredentials(decoded(user), decoded(password.join(':')))}`
    const made = load()[kind]({ ...(options as object), proxy: { ...proxy, proxyAuth: undefined } }) as {
      request: Request
    }
    const connect = made.request
    made.request = (request, ...rest) =>
      connect({ ...request, headers: { ...request.headers, 'Proxy-Authorization': authorization } }, ...rest)
    return made
  }
}

function decoded(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}

export const httpOverHttp = agent('httpOverHttp')
export const httpsOverHttp = agent('httpsOverHttp')
export const httpOverHttps = agent('httpOverHttps')
export const httpsOverHttps = agent('httpsOverHttps')
