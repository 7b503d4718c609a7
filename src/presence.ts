import type { Settings } from './inputs.js'
import { type Log, redactor } from './log.js'
import { type Clock, readBefore, type Saved, systemClock } from './restore.js'
import { derivedSecrets, secretsOf } from './secrets.js'
import { tokensFor } from './tokens.js'
import { forEachUser, type Result, resultOf, updateUser, type Zoom } from './update.js'
import { redacting } from './zoom/redacting.js'
import { MEDIA_TYPES, presenceRequest } from './zoom/request.js'
import { retrying } from './zoom/retry.js'
import { httpTransport } from './zoom/transport.js'

/** What a run did: one result per user, and what the post step needs to restore. */
export interface Run {
  results: Result[]
  saved: Saved[]
}

/**
 * Runs `task` with the connection to Zoom that every request of one step
 * shares (transport, time budget and token), and closes it after.
 */
export async function withZoom<T>(
  settings: Settings,
  log: Log,
  onSecret: (secret: string) => void,
  task: (zoom: Zoom) => Promise<T>,
  extraMs = 0,
): Promise<T> {
  const zoom = connect(settings, log, onSecret, extraMs)
  try {
    return await task(zoom)
  } finally {
    zoom.close()
  }
}

function connect(settings: Settings, log: Log, onSecret: (secret: string) => void, extraMs: number): Zoom {
  const budgetMs = settings.timeoutMs + extraMs
  // Replies lose every secret as they arrive, tokens minted later included.
  const secrets = secretsOf(settings.auth)
  const heard = (secret: string) => {
    secrets.push(secret)
    onSecret(secret)
  }
  for (const secret of derivedSecrets(settings.auth)) heard(secret)
  const connection = httpTransport()
  const transport = redacting(connection.send, redactor(secrets))
  const policy = { budgetMs, requestTimeoutMs: settings.requestTimeoutMs, timeoutName: settings.naming.ref('timeout') }
  const send = retrying(transport, policy, log)
  if (settings.auth.kind === 'account') log.info('Getting an access token with the Server-to-Server OAuth credentials…')
  return { send, tokens: tokensFor(settings.auth, send, heard, settings.naming), log, close: connection.close }
}

export interface PresenceOptions {
  clock?: Clock
  /**
   * Hears the users to restore each time one more update is confirmed, so a
   * step cancelled halfway still leaves what the post step needs.
   */
  onSaved?: (saved: Saved[]) => void
}

/**
 * The whole job for any front end: with restore, read each status first;
 * then update every user within the time budget and explain each outcome.
 * `onSecret` hears of every secret made on the way, before it is used.
 */
export async function setPresence(
  settings: Settings,
  log: Log,
  onSecret: (secret: string) => void,
  { clock = systemClock, onSaved }: PresenceOptions = {},
): Promise<Run> {
  log.info(`Setting the presence of ${settings.users.join(', ')} to ${settings.status}…`)
  if (settings.dryRun) return { results: dryRun(settings, log), saved: [] }
  const saved: Saved[] = []
  const results = await withZoom(settings, log, onSecret, (zoom) =>
    forEachUser(settings.users, async (user) => {
      if (!settings.restore) return updateUser(user, settings, zoom)
      const before = await readBefore(user, settings, zoom, clock.now())
      // No status to go back to: change nothing for this user.
      if ('failure' in before) return { ...resultOf(user, settings.status, before.failure), unread: true }
      const { read, settable, endsAt } = before.presence
      if (!settable) {
        log.warning(
          `Zoom reads the status of ${user} as ${read}, which cannot be set: once updated, it cannot be put back after the job.`,
        )
      }
      // Saved before the update is sent: a step cancelled while Zoom applies
      // it, or whose reply is lost, still has the user put back.
      const entry: Saved = { user, read, status: settable, endsAt, updatedAt: clock.now() }
      saved.push(entry)
      onSaved?.([...saved])
      const result = await updateUser(user, settings, zoom)
      if (result.ok || result.mayHaveLanded) {
        // The minute of Zoom's limit runs from the last moment it may have landed.
        entry.updatedAt = clock.now()
      } else {
        // Never sent, or refused: this job did not change the status, so it puts nothing back.
        saved.splice(saved.indexOf(entry), 1)
      }
      onSaved?.([...saved])
      return { ...result, previousStatus: settable ?? read }
    }),
  )
  return { results, saved }
}

/** Logs exactly what would be sent, and sends nothing: no token, no read, no update. */
function dryRun(settings: Settings, log: Log): Result[] {
  return settings.users.map((user) => {
    const request = presenceRequest(settings.baseUrl, user, settings.status, settings.duration)
    const fields = Object.entries(request.fields)
      .map(([name, value]) => `${name}=${value}`)
      .join(', ')
    if (settings.restore) log.info(`Dry run: would first read GET ${request.url}, to restore it after the job`)
    log.info(
      `Dry run: would send ${request.method} ${request.url} as ${MEDIA_TYPES[settings.bodyFormat]} with ${fields}`,
    )
    return resultOf(user, settings.status, {
      ok: true,
      message: `Dry run: would set the presence of ${user} to ${settings.status}${request.fields.duration ? ` for ${request.fields.duration} minutes` : ''}; nothing was sent.`,
    })
  })
}
