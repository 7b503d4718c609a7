import { isSecretShaped, SECRET_ALLOWED } from './secrets.js'
import { parseStatus, STATUSES, type Status } from './status.js'
import { quote } from './text.js'
import { ME, userProblem } from './user.js'

export const BODY_FORMATS = ['multipart', 'json'] as const
export type BodyFormat = (typeof BODY_FORMATS)[number]

export const DEFAULT_BASE_URL = 'https://api.zoom.us/v2'
export const DEFAULT_OAUTH_URL = 'https://zoom.us/oauth/token'
export const MAX_DURATION = 1440
export const DEFAULT_TIMEOUT_S = 90
export const DEFAULT_REQUEST_TIMEOUT_S = 30
export const MAX_TIMEOUT_S = 3600

/** Everything one run needs, parsed and checked. */
export interface Settings {
  status: Status
  /** Minutes of Do Not Disturb; undefined leaves Zoom's default. */
  duration: number | undefined
  /** One or more users, each updated on its own. */
  users: string[]
  auth: Auth
  baseUrl: string
  bodyFormat: BodyFormat
  failOnError: boolean
  /** Milliseconds the whole step may spend on requests and waits. */
  timeoutMs: number
  /** Milliseconds one request may take. */
  requestTimeoutMs: number
  /** Read each status first, so the post step can put it back. */
  restore: boolean
  /** Check and log everything, send nothing. */
  dryRun: boolean
  /** How explanations name the inputs: as the front end that read them calls them. */
  naming: Naming
}

/** How the action gets its access token. */
export type Auth =
  | { kind: 'token'; token: string }
  | { kind: 'account'; accountId: string; clientId: string; clientSecret: string; oauthUrl: string }

const CREDENTIALS = ['account-id', 'client-id', 'client-secret'] as const

/** How problems name inputs: the action speaks of inputs, a command of options and variables. */
export interface Naming {
  /** Names one or more inputs at the start of a sentence. */
  subject(names: string[]): string
  /** Names an input inside a sentence. */
  ref(name: string): string
  /** Where a token is given, for the hint when none is. */
  tokenSource: string
}

export const INPUT_NAMING: Naming = {
  subject: (names) => `${names.length > 1 ? 'Inputs' : 'Input'} ${listOf(names.map((n) => `'${n}'`))}`,
  ref: (name) => `'${name}'`,
  // A workflow expression, shown to the user as it is, not a template.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the text is a GitHub expression
  tokenSource: 'from a secret, for example token: ${{ secrets.ZOOM_TOKEN }}',
}

/** `a`, `a and b`, `a, b and c`. */
export function listOf(items: string[]): string {
  return items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items.at(-1)}` : (items[0] ?? '')
}

/** Reads one input by its action.yml name; missing inputs read as ''. */
export type InputReader = (name: string) => string

/** Every problem with the inputs at once, so one run shows them all. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'))
    this.name = 'InputError'
  }
}

export interface Parsed {
  settings: Settings
  warnings: string[]
}

/**
 * Parses and checks the inputs before anything is sent.
 * Throws an InputError naming each input that is wrong and what it allows.
 */
export function parseInputs(read: InputReader, naming: Naming = INPUT_NAMING): Parsed {
  const it = (name: string) => naming.subject([name])
  const problems: string[] = []
  const warnings: string[] = []
  const input = (name: string) => read(name).trim()

  const rawStatus = input('status')
  const status = parseStatus(rawStatus)
  if (!rawStatus) {
    problems.push(`${it('status')} is required: use one of ${STATUSES.join(', ')}.`)
  } else if (!status) {
    problems.push(
      `${it('status')} is ${quote(rawStatus)}, which is not a status Zoom can set: ` +
        `use one of ${STATUSES.join(', ')} (any case; spaces or hyphens for underscores; dnd).`,
    )
  }

  let duration: number | undefined
  const rawDuration = input('duration')
  if (rawDuration) {
    const minutes = /^\d{1,5}$/.test(rawDuration) ? Number(rawDuration) : NaN
    if (!(minutes >= 1 && minutes <= MAX_DURATION)) {
      problems.push(
        `${it('duration')} is ${quote(rawDuration)}: ` +
          `use a whole number of minutes from 1 to ${MAX_DURATION}, or leave it empty for Zoom's default of 20.`,
      )
    } else if (status && status !== 'Do_Not_Disturb') {
      warnings.push(`${it('duration')} applies to Do_Not_Disturb only; it is not sent with status ${status}.`)
    } else {
      duration = minutes
    }
  }

  const users = parseUsers(read('user'), problems, naming)
  const auth = parseAuth(input, problems, naming)
  if (auth?.kind === 'account' && users.includes(ME)) {
    warnings.push(
      `${it('user')} is 'me', which Zoom advises against with account credentials: name the user by ID or email.`,
    )
  }

  const baseUrl = parseHttpsUrl('base-url', input('base-url') || DEFAULT_BASE_URL, problems, naming)

  const rawFormat = input('body-format').toLowerCase() || 'multipart'
  const bodyFormat = BODY_FORMATS.find((f) => f === rawFormat)
  if (!bodyFormat) {
    problems.push(`${it('body-format')} is ${quote(rawFormat)}: use ${BODY_FORMATS.join(' or ')}.`)
  }

  const failOnError = parseBoolean(it('fail-on-error'), input('fail-on-error'), true, problems)
  const restore = parseBoolean(it('restore'), input('restore'), false, problems)
  const dryRun = parseBoolean(it('dry-run'), input('dry-run'), false, problems)
  const timeoutMs = parseSeconds(it('timeout'), input('timeout'), DEFAULT_TIMEOUT_S, problems)
  const requestTimeoutMs = parseSeconds(
    it('request-timeout'),
    input('request-timeout'),
    DEFAULT_REQUEST_TIMEOUT_S,
    problems,
  )

  if (problems.length > 0 || !status || !bodyFormat || baseUrl === undefined || !auth) {
    throw new InputError(problems)
  }
  return {
    settings: {
      status,
      duration,
      users,
      auth,
      baseUrl,
      bodyFormat,
      failOnError,
      timeoutMs,
      requestTimeoutMs,
      restore,
      dryRun,
      naming,
    },
    warnings,
  }
}

/**
 * Users listed by commas or new lines, blanks and repeats dropped (emails
 * and `me` compare without case); a list with none is a problem.
 */
function parseUsers(value: string, problems: string[], naming: Naming): string[] {
  const users = new Map<string, string>()
  const before = problems.length
  for (const entry of value.split(/[,\r\n]+/)) {
    const user = entry.trim()
    if (!user) continue
    const problem = userProblem(user)
    if (problem) {
      problems.push(
        `${naming.subject(['user'])} ${quote(user)} ${problem}: use a Zoom user ID, an email address or 'me' (several separated by commas or new lines).`,
      )
      continue
    }
    // `Me` or `ME` is meant as `me`: send Zoom the word it documents.
    if (user.toLowerCase() === ME) {
      users.set(ME, ME)
      continue
    }
    const key = user.includes('@') ? user.toLowerCase() : user
    if (!users.has(key)) users.set(key, user)
  }
  // The runner gives 'me', the default, when the workflow names no user: an
  // empty list is a variable or secret that came out empty, and must not
  // quietly update the token's own user instead of the people it meant.
  if (users.size === 0 && problems.length === before) {
    problems.push(
      `${naming.subject(['user'])} is empty: name a Zoom user ID or email (several separated by commas or new lines), or 'me' for the token's own user.`,
    )
  }
  return [...users.values()]
}

/** Either a token, or all three Server-to-Server OAuth credentials. */
function parseAuth(input: (name: string) => string, problems: string[], naming: Naming): Auth | undefined {
  const { ref, subject } = naming
  const token = input('token')
  const given = CREDENTIALS.filter((name) => input(name))
  const oauthUrl = parseHttpsUrl('oauth-url', input('oauth-url') || DEFAULT_OAUTH_URL, problems, naming)
  const credentials = `${ref('account-id')}, ${ref('client-id')} and ${ref('client-secret')}`
  if (token && given.length > 0) {
    problems.push(
      `${subject(['token', ...given])} were given together: pass either ${ref('token')}, or ${credentials} of a Server-to-Server OAuth app, not both.`,
    )
    return undefined
  }
  if (given.length > 0 && given.length < CREDENTIALS.length) {
    const missing = CREDENTIALS.filter((name) => !given.includes(name))
    problems.push(
      `${subject(missing)} ${missing.length > 1 ? 'are' : 'is'} missing: Server-to-Server OAuth needs ${credentials} together.`,
    )
    return undefined
  }
  if (given.length === CREDENTIALS.length) {
    const [accountId, clientId, clientSecret] = CREDENTIALS.map((name) => input(name))
    for (const [name, value] of [
      ['account-id', accountId],
      ['client-id', clientId],
      ['client-secret', clientSecret],
    ] as const) {
      if (!isSecretShaped(value ?? '')) {
        // Never quote the value: it is a secret.
        problems.push(
          `${subject([name])} is not a credential as Zoom issues them: pass the value alone, as the app's App Credentials page shows it (${SECRET_ALLOWED}).`,
        )
      }
    }
    if (!accountId || !clientId || !clientSecret || !oauthUrl) return undefined
    return { kind: 'account', accountId, clientId, clientSecret, oauthUrl }
  }
  if (!token) {
    problems.push(
      `${subject(['token'])} is required, unless ${credentials} are given: ` +
        `pass a Zoom OAuth access token ${naming.tokenSource}.`,
    )
    return undefined
  }
  if (!isSecretShaped(token)) {
    // Never quote the value: it is a secret.
    problems.push(
      `${subject(['token'])} is not an access token as Zoom issues them: ` +
        `pass the token alone, without 'Bearer ' or quotes (${SECRET_ALLOWED}).`,
    )
    return undefined
  }
  return { kind: 'token', token }
}

/** An https URL (http for loopback hosts only, so secrets never travel in clear). */
function parseHttpsUrl(name: string, value: string, problems: string[], naming: Naming): string | undefined {
  const it = naming.subject([name])
  const example =
    name === 'oauth-url'
      ? `${DEFAULT_OAUTH_URL} or https://zoomgov.com/oauth/token`
      : `${DEFAULT_BASE_URL} or https://api.zoomgov.com/v2`
  const allowed = `use a URL such as ${example}.`
  let url: URL
  try {
    url = new URL(value)
  } catch {
    // Whatever stands before an @ may be a credential: never show it.
    const shown = value.replace(/\/\/[^/]*@/, '//***@')
    problems.push(`${it} is ${quote(shown)}, which is not a URL: ${allowed}`)
    return undefined
  }
  const loopback = ['localhost', '127.0.0.1'].includes(url.hostname)
  let problem: string | undefined
  if (url.hostname.startsWith('[')) {
    // The toolkit's HTTP client hands Node the host with its brackets, which no lookup finds.
    problem = 'names an IPv6 address, which the action cannot connect to (a host name, or 127.0.0.1, can be)'
  } else if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    problem = 'must use https (plain http is allowed for localhost only, so secrets are never sent in clear)'
  } else if (url.username || url.password) {
    problem = 'must not carry a user name or password'
  } else if (url.search || url.hash || value.includes('?') || value.includes('#')) {
    problem = 'must not have a query or fragment'
  }
  if (problem) {
    // A user name or password in the URL may be a secret: show the URL without them.
    const shown = url.username || url.password ? `${url.protocol}//${url.host}${url.pathname}` : value
    problems.push(`${it} ${quote(shown)} ${problem}: ${allowed}`)
    return undefined
  }
  return url.href.replace(/\/+$/, '')
}

// The YAML 1.2 core schema's booleans, as the Actions toolkit reads them.
const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

function parseBoolean(subject: string, value: string, fallback: boolean, problems: string[]): boolean {
  if (value === '') return fallback
  if (TRUE.includes(value)) return true
  if (FALSE.includes(value)) return false
  problems.push(`${subject} is ${quote(value)}: use true or false.`)
  return fallback
}

function parseSeconds(subject: string, value: string, fallback: number, problems: string[]): number {
  if (value === '') return fallback * 1000
  const seconds = /^\d{1,4}(\.\d{1,3})?$/.test(value) ? Number(value) : NaN
  if (seconds > 0 && seconds <= MAX_TIMEOUT_S) return seconds * 1000
  problems.push(
    `${subject} is ${quote(value)}: use a number of seconds above 0 and at most ${MAX_TIMEOUT_S}, such as ${fallback}.`,
  )
  return fallback * 1000
}
