/**
 * Stands in for the `undici` package in the bundle: tsconfig.json's `paths`
 * sends `import ... from 'undici'` here, and ncc follows `paths`.
 *
 * @actions/http-client imports undici for one thing, the ProxyAgent that
 * `HttpClient.getAgentDispatcher()` builds for callers of `fetch()`. Neither
 * this action nor @actions/core calls that method: every request goes through
 * `HttpClient.request()`, whose proxy support (https_proxy, no_proxy) is
 * node:http with the `tunnel` package, and is bundled as it is. Bundling
 * undici for the unreachable method made up 900 KiB of a 1.1 MB bundle, and
 * its loading most of the action's start-up time.
 *
 * Should a later change call `getAgentDispatcher()`, it fails here, loudly.
 */
export class ProxyAgent {
  constructor() {
    throw new Error(
      "zoom-presence's bundle leaves out undici: HttpClient.getAgentDispatcher() is not available (see src/stubs/undici.ts)",
    )
  }
}
