import { Command, CommanderError, Option } from 'commander'
import { InputError, listOf, type Naming, parseInputs } from '../inputs.js'
import { type Log, redactor } from '../log.js'
import { setPresence } from '../presence.js'
import { maskable } from '../secrets.js'
import { STATUSES } from '../status.js'

/** Secrets come from the environment only: a command line shows in process lists and CI logs. */
const SECRET_VARIABLES: Record<string, string> = {
  token: 'ZOOM_TOKEN',
  'account-id': 'ZOOM_ACCOUNT_ID',
  'client-id': 'ZOOM_CLIENT_ID',
  'client-secret': 'ZOOM_CLIENT_SECRET',
}

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const

const optionOrVariable = (name: string) => SECRET_VARIABLES[name] ?? `--${name}`

/** Problems name options and environment variables, not the action's inputs. */
export const COMMAND_NAMING: Naming = {
  subject: (names) => listOf(names.map(optionOrVariable)),
  ref: optionOrVariable,
  tokenSource: 'in the ZOOM_TOKEN environment variable',
}

export interface Io {
  argv: string[]
  env: NodeJS.ProcessEnv
  stdout: (text: string) => void
  stderr: (text: string) => void
  version: string
}

function program(io: Io): Command {
  return new Command('zoom-presence')
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
    .option('-d, --duration <minutes>', 'minutes of Do Not Disturb, 1 to 1440 (default: Zoom’s 20)')
    .option('-u, --user <users...>', 'user IDs or emails, by commas or repeated (default: me)')
    .option('--base-url <url>', "Zoom's API root", 'https://api.zoom.us/v2')
    .option('--oauth-url <url>', "Zoom's token endpoint", 'https://zoom.us/oauth/token')
    .addOption(
      new Option('--body-format <format>', 'how fields are sent').choices(['multipart', 'json']).default('multipart'),
    )
    .option('--timeout <seconds>', 'seconds for the whole run, retries included', '90')
    .option('--request-timeout <seconds>', 'seconds for one request', '30')
    .option('--dry-run', 'check and print what would be sent, send nothing')
    .option('--json', 'print the results as a JSON array instead of one line per user')
    .option('-q, --quiet', 'print no progress, only the results')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run zoom-presence --help for usage)')
}

/** Runs the command; resolves to its exit code. */
export async function main(io: Io): Promise<number> {
  for (const arg of io.argv) {
    const name = arg.replace(/^--?/, '').split('=')[0] ?? ''
    if (arg.startsWith('-') && name in SECRET_VARIABLES) {
      io.stderr(
        `error: --${name} is not accepted on the command line, where others can read it: set ${SECRET_VARIABLES[name]} instead.\n`,
      )
      return EXIT.usage
    }
  }
  const command = program(io)
  try {
    command.parse(io.argv, { from: 'user' })
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage
    throw error
  }
  const options = command.opts<Record<string, string | string[] | boolean | undefined>>()
  const secrets = Object.values(SECRET_VARIABLES).flatMap((name) => maskable(io.env[name] ?? ''))
  const redact = redactor(secrets)
  const quiet = Boolean(options.quiet)
  const log: Log = {
    info: (m) => quiet || io.stderr(`${redact(m)}\n`),
    debug: (m) => io.env.ZOOM_PRESENCE_DEBUG && io.stderr(`debug: ${redact(m)}\n`),
    warning: (m) => io.stderr(`warning: ${redact(m)}\n`),
  }

  const optionNames: Record<string, string> = {
    'base-url': 'baseUrl',
    'oauth-url': 'oauthUrl',
    'body-format': 'bodyFormat',
    'request-timeout': 'requestTimeout',
    'dry-run': 'dryRun',
  }
  const read = (name: string): string => {
    if (name in SECRET_VARIABLES) return io.env[SECRET_VARIABLES[name] ?? ''] ?? ''
    const value = options[optionNames[name] ?? name]
    if (Array.isArray(value)) return value.join(',')
    return typeof value === 'boolean' ? String(value) : (value ?? '')
  }

  let parsed: ReturnType<typeof parseInputs>
  try {
    parsed = parseInputs(read, COMMAND_NAMING)
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    // The problems name the action's inputs; here they are options or variables.
    for (const problem of error.problems) io.stderr(`error: ${redact(problem)}\n`)
    return EXIT.usage
  }
  for (const warning of parsed.warnings) log.warning(warning)

  const { results } = await setPresence(parsed.settings, log, (secret) => secrets.push(secret))
  if (options.json) {
    io.stdout(`${redact(JSON.stringify(results))}\n`)
  } else {
    for (const r of results) io.stdout(`${r.ok ? 'ok' : 'failed'}  ${r.user}  ${redact(r.message)}\n`)
  }
  return results.every((r) => r.ok) ? EXIT.ok : EXIT.failed
}
