import { Command, CommanderError, Option } from 'commander'
import {
  BODY_FORMATS,
  DEFAULT_BASE_URL,
  DEFAULT_OAUTH_URL,
  DEFAULT_REQUEST_TIMEOUT_S,
  DEFAULT_TIMEOUT_S,
  InputError,
  listOf,
  MAX_DURATION,
  type Naming,
  parseInputs,
} from '../inputs.js'
import { type Log, redactor } from '../log.js'
import { setPresence } from '../presence.js'
import { publicResult } from '../report.js'
import { maskable, SECRET_INPUTS } from '../secrets.js'
import { STATUSES } from '../status.js'
import { ME } from '../user.js'

/** Secrets come from the environment only: a command line shows in process lists and CI logs. */
const SECRET_VARIABLES = new Map<string, string>(
  SECRET_INPUTS.map((name) => [name, `ZOOM_${name.replace('-', '_').toUpperCase()}`]),
)

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

const optionOrVariable = (name: string) => SECRET_VARIABLES.get(name) ?? `--${name}`

/** Problems name options and environment variables, not the action's inputs. */
export const COMMAND_NAMING: Naming = {
  subject: (names) => listOf(names.map(optionOrVariable)),
  ref: optionOrVariable,
  tokenSource: 'in the ZOOM_TOKEN environment variable',
}

/** Where commander keeps the options whose names are two words. */
const OPTION_KEYS = new Map([
  ['base-url', 'baseUrl'],
  ['oauth-url', 'oauthUrl'],
  ['body-format', 'bodyFormat'],
  ['request-timeout', 'requestTimeout'],
  ['dry-run', 'dryRun'],
])

export interface Io {
  argv: string[]
  env: NodeJS.ProcessEnv
  stdout: (text: string) => void
  stderr: (text: string) => void
  version: string
}

/**
 * An unknown option named without the value typed with it: `'--tokn=…'` for
 * `--tokn=abc`, `'-t…'` for `-tabc`. The value runs to the line's last quote.
 */
function withoutOptionValues(text: string): string {
  return text
    .replace(/(unknown option '--[^'=\s]+)=[^\n]*'/g, "$1=…'")
    .replace(/(unknown option '-[^-'\s])[^\n]+'/g, "$1…'")
}

/** Collects each --user given, in order. */
function repeated(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value]
}

function program(io: Io, redact: (text: string) => string): Command {
  return (
    new Command('zoom-presence')
      .description("Set a Zoom user's presence status from any CI system.")
      .addHelpText(
        'after',
        [
          '',
          'Secrets come from the environment, never from the command line:',
          '  ZOOM_TOKEN                 a Zoom OAuth access token, or',
          '  ZOOM_ACCOUNT_ID, ZOOM_CLIENT_ID and ZOOM_CLIENT_SECRET',
          '                             the credentials of a Server-to-Server OAuth app',
          '',
          'Exit codes: 0 every update succeeded, 1 an update failed, 2 bad usage.',
          '',
          'Example:',
          '  ZOOM_TOKEN=... zoom-presence --status dnd --duration 30 --user a@example.com',
        ].join('\n'),
      )
      .version(io.version, '-V, --version')
      .addOption(new Option('-s, --status <status>', `status to set: ${STATUSES.join(', ')}`))
      .option('-d, --duration <minutes>', `minutes of Do Not Disturb, 1 to ${MAX_DURATION} (default: Zoom’s 20)`)
      // Repeated, not variadic: a stray word after it is bad usage, not another user.
      .option('-u, --user <users>', `user IDs or emails, by commas or repeated (default: ${ME})`, repeated)
      .option('--base-url <url>', "Zoom's API root", DEFAULT_BASE_URL)
      .option('--oauth-url <url>', "Zoom's token endpoint", DEFAULT_OAUTH_URL)
      .addOption(
        // The choices are for --help; the value is checked, in any case, as the action's input is.
        new Option('--body-format <format>', 'how fields are sent')
          .choices(BODY_FORMATS)
          .default(BODY_FORMATS[0])
          .argParser((value) => value),
      )
      .option('--timeout <seconds>', 'seconds for the whole run, retries included', String(DEFAULT_TIMEOUT_S))
      .option('--request-timeout <seconds>', 'seconds for one request', String(DEFAULT_REQUEST_TIMEOUT_S))
      .option('--dry-run', 'check and print what would be sent, send nothing')
      .option('--json', 'print the results as a JSON array instead of one line per user')
      .option('-q, --quiet', 'print no progress, only the results')
      .exitOverride()
      // commander quotes what it did not understand: never a secret, and no
      // value given with an unknown option, which may be one mistyped.
      .configureOutput({ writeOut: io.stdout, writeErr: (text) => io.stderr(redact(withoutOptionValues(text))) })
      .showHelpAfterError('(run zoom-presence --help for usage)')
  )
}

/** Runs the command; resolves to its exit code. */
export async function main(io: Io): Promise<number> {
  const secrets = [...SECRET_VARIABLES.values()].flatMap((name) => maskable(io.env[name] ?? ''))
  const redact = redactor(secrets)
  try {
    return await runCommand(io, secrets, redact)
  } catch (error) {
    // One line, never a stack trace, as the action's guarded step does.
    const reason = error instanceof Error ? error.message : String(error)
    io.stderr(`error: zoom-presence failed unexpectedly: ${redact(reason).replace(/\s+/g, ' ').trim()}\n`)
    return EXIT.failed
  }
}

/** `secrets` starts with those of the environment; minted tokens join it. */
async function runCommand(io: Io, secrets: string[], redact: (text: string) => string): Promise<number> {
  for (const arg of io.argv) {
    const name = arg.replace(/^--?/, '').split('=')[0] ?? ''
    const variable = arg.startsWith('-') ? SECRET_VARIABLES.get(name) : undefined
    if (variable) {
      io.stderr(
        `error: --${name} is not accepted on the command line, where others can read it: set ${variable} instead.\n`,
      )
      return EXIT.usage
    }
  }
  const command = program(io, redact)
  try {
    command.parse(io.argv, { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    throw error
  }
  const options = command.opts<Record<string, string | string[] | boolean | undefined>>()
  const quiet = Boolean(options.quiet)
  const log: Log = {
    info: (m) => quiet || io.stderr(`${redact(m)}\n`),
    debug: (m) => io.env.ZOOM_PRESENCE_DEBUG && io.stderr(`debug: ${redact(m)}\n`),
    warning: (m) => io.stderr(`warning: ${redact(m)}\n`),
  }

  const read = (name: string): string => {
    const variable = SECRET_VARIABLES.get(name)
    if (variable) return io.env[variable] ?? ''
    const value = options[OPTION_KEYS.get(name) ?? name]
    // Like the action's input, no --user at all means me; an empty one is an error.
    if (name === 'user' && value === undefined) return ME
    if (Array.isArray(value)) return value.join(',')
    return typeof value === 'boolean' ? String(value) : (value ?? '')
  }

  let parsed: ReturnType<typeof parseInputs>
  try {
    parsed = parseInputs(read, COMMAND_NAMING)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    for (const problem of error.problems) io.stderr(`error: ${redact(problem)}\n`)
    return EXIT.usage
  }
  for (const warning of parsed.warnings) log.warning(warning)

  const { results } = await setPresence(parsed.settings, log, (secret) => secrets.push(secret))
  if (options.json) {
    io.stdout(`${redact(JSON.stringify(results.map(publicResult)))}\n`)
  } else {
    for (const r of results) io.stdout(`${r.ok ? 'ok' : 'failed'}  ${r.user}  ${redact(r.message)}\n`)
  }
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.failed
}
