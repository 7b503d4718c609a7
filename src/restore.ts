import type { Settings } from './inputs.js'
import { MAX_DURATION } from './inputs.js'
import { STATUSES, type Status } from './status.js'
import { failureOf, type Result, updateUser, userLimiter, withToken, type Zoom } from './update.js'
import { userProblem } from './user.js'
import { type Presence, presenceFrom } from './zoom/read.js'
import type { Outcome } from './zoom/reply.js'
import { presenceUrl } from './zoom/request.js'

/** Zoom accepts one update per user per minute. */
export const RATE_WINDOW_MS = 60_000

/** What the post step needs to put one user back; kept in the step's state. */
export interface Saved {
  user: string
  /** The status as Zoom read it. */
  read: string
  /** The status to write back; absent when it cannot be set (Offline). */
  status?: Status
  /** For Do Not Disturb: when it ends, in epoch milliseconds. */
  endsAt?: number
  /** When Zoom confirmed the main step's update, in epoch milliseconds. */
  updatedAt: number
}

export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: Date.now,
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
}

/** Reads one user's status before it is changed. */
export async function readBefore(
  user: string,
  settings: Settings,
  zoom: Zoom,
  now: number,
): Promise<{ presence: Presence } | { failure: Outcome }> {
  const url = presenceUrl(settings.baseUrl, user)
  try {
    const reply = await withToken(zoom, user, (token) => {
      zoom.log.debug(`GET ${url}`)
      return zoom.send({
        method: 'GET',
        url,
        headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
      })
    })
    return presenceFrom(reply, user, now, settings.naming)
  } catch (error) {
    return { failure: failureOf(error, url, zoom.log, settings.naming) }
  }
}

/** What restoring one user sends: the status, and for Do Not Disturb its minutes if known. */
export interface RestoreChange {
  status: Status
  duration?: number
}

/**
 * How one saved user is put back: the change, or why not, and how long to
 * wait first; `note` is worth a warning.
 */
export function restorePlan(
  saved: Saved,
  now: number,
): { change: RestoreChange; waitMs: number; note?: string } | { skip: string } {
  const { status } = saved
  if (!status) {
    return {
      skip: `Cannot restore the presence of ${saved.user}: Zoom read it as ${saved.read}, which cannot be set; skipped.`,
    }
  }
  // Never more than the minute, even were the saved time ahead of this clock.
  const waitMs = Math.min(RATE_WINDOW_MS, Math.max(0, saved.updatedAt + RATE_WINDOW_MS - now))
  if (status !== 'Do_Not_Disturb') return { change: { status }, waitMs }
  if (saved.endsAt === undefined) {
    // Zoom tells the end of Do Not Disturb only to the token's own user.
    return {
      change: { status },
      waitMs,
      note: `Zoom did not say when Do Not Disturb of ${saved.user} was to end, so it is restored for Zoom's default of 20 minutes.`,
    }
  }
  // Do Not Disturb goes back for the minutes it had left when the update lands.
  const minutes = Math.ceil((saved.endsAt - (now + waitMs)) / 60_000)
  if (minutes < 1) {
    return { skip: `Did not restore Do Not Disturb for ${saved.user}: it would have ended by now.` }
  }
  if (minutes > MAX_DURATION) {
    return {
      change: { status, duration: MAX_DURATION },
      waitMs,
      note: `Do Not Disturb of ${saved.user} had ${minutes} minutes left, more than the ${MAX_DURATION} Zoom can set at once: it is restored for ${MAX_DURATION}.`,
    }
  }
  return { change: { status, duration: minutes }, waitMs }
}

/**
 * The longest any saved user must wait for its minute before it is put
 * back: the time the post step has beyond its timeout, and no more.
 */
export function longestWaitMs(saved: Saved[], now: number): number {
  return Math.max(
    0,
    ...saved.map((entry) => restorePlan(entry, now)).map((plan) => ('change' in plan ? plan.waitMs : 0)),
  )
}

/**
 * Puts every saved user back, each after its minute since the main step's
 * update has passed (and no longer), so none meets Zoom's rate limit.
 */
export async function restoreAll(saved: Saved[], settings: Settings, zoom: Zoom, clock: Clock): Promise<Result[]> {
  const now = clock.now()
  const plans = saved.map((entry) => ({ entry, plan: restorePlan(entry, now) }))
  // The token is got while the users wait, so their restores land on the minute.
  if (plans.some(({ plan }) => 'change' in plan)) zoom.tokens.get().catch(() => undefined)
  const limit = userLimiter()
  const results = await Promise.all(
    plans.map(async ({ entry, plan }) => {
      if ('skip' in plan) {
        zoom.log.warning(plan.skip)
        return undefined
      }
      if (plan.note) zoom.log.warning(plan.note)
      if (plan.waitMs > 0) {
        zoom.log.info(
          `Waiting ${(plan.waitMs / 1000).toFixed(1)} s before restoring ${entry.user}: Zoom accepts one update per user per minute.`,
        )
        await clock.sleep(plan.waitMs)
      }
      // A slot is taken only after the wait, so a user still waiting holds up no other.
      const { status, duration } = plan.change
      // Only the plan's duration: the main step's belongs to the status it set.
      return limit(() => updateUser(entry.user, { ...settings, status, duration }, zoom))
    }),
  )
  return results.filter((r): r is Result => r !== undefined)
}

/** The saved users from the state, ignoring anything malformed. */
export function parseSaved(text: string): Saved[] {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return []
  }
  if (!Array.isArray(value)) return []
  return value.flatMap((item): Saved[] => {
    const { user, read, status, endsAt, updatedAt } = (item ?? {}) as Record<string, unknown>
    if (typeof user !== 'string' || typeof read !== 'string' || typeof updatedAt !== 'number') return []
    // The state is the main step's own, but a user goes into a request path: checked as the input is.
    if (userProblem(user) !== undefined) return []
    const settable = STATUSES.find((s) => s === status)
    return [{ user, read, status: settable, endsAt: typeof endsAt === 'number' ? endsAt : undefined, updatedAt }]
  })
}
