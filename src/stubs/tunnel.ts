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
type MakeAgent = (options: unknown) => unknown
type Tunnel = Record<'httpOverHttp' | 'httpsOverHttp' | 'httpOverHttps' | 'httpsOverHttps', MakeAgent>

let tunnel: Tunnel | undefined
const load = (): Tunnel => (tunnel ??= require('tunnel/lib/tunnel.js') as Tunnel)

export const httpOverHttp: MakeAgent = (options) => load().httpOverHttp(options)
export const httpsOverHttp: MakeAgent = (options) => load().httpsOverHttp(options)
export const httpOverHttps: MakeAgent = (options) => load().httpOverHttps(options)
export const httpsOverHttps: MakeAgent = (options) => load().httpsOverHttps(options)
