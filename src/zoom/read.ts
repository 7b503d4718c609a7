import type { Naming } from '../inputs.js'
import { STATUSES, type Status } from '../status.js'
import { decodeError, explainReply, isScopeError, type Outcome, parseJsonObject, type Reply } from './reply.js'

/** A status as read, with how it can be put back. */
export interface Presence {
  /** Zoom's word, in the read vocabulary. */
  read: string
  /** The status to write to restore it, or undefined when it cannot be set. */
  settable: Status | undefined
  /** For Do Not Disturb: when it ends, in epoch milliseconds, if Zoom said. */
  endsAt?: number
}

// Reads name three statuses differently from writes; Offline cannot be set.
const READ_TO_WRITE: Record<string, Status> = {
  In_A_Meeting: 'In_A_Zoom_Meeting',
  In_A_Call: 'On_A_Call',
  In_A_Calendar_Event: 'In_Calendar_Event',
  Do_No_Disturb: 'Do_Not_Disturb',
}

export function settableStatus(read: string): Status | undefined {
  return READ_TO_WRITE[read] ?? STATUSES.find((s) => s === read)
}

const READ_SCOPES = 'user:read:presence_status:admin (or user:read:admin; without :admin for a user-level app)'

/** What Zoom's answer to a read says; a failure is explained as an Outcome. */
export function presenceFrom(
  reply: Reply,
  user: string,
  now: number,
  naming: Naming,
): { presence: Presence } | { failure: Outcome } {
  const body = parseJsonObject(reply.body)
  const read = typeof body.status === 'string' ? body.status : undefined
  if (reply.httpStatus === 200 && read) {
    return { presence: { read, settable: settableStatus(read), endsAt: dndEnd(body, now) } }
  }
  const error = decodeError(reply.body)
  if (isScopeError(reply.httpStatus, error)) {
    return {
      failure: {
        ok: false,
        httpStatus: reply.httpStatus,
        zoomCode: error.code,
        message: `The token lacks the scope to read presence, which restore needs: give the Zoom app the scope ${READ_SCOPES} and issue a new token. Nothing was changed.`,
      },
    }
  }
  const failure = explainReply(reply, { user, status: 'read' }, naming)
  if (reply.httpStatus === 200)
    failure.message = "Zoom's answer held no status, so it cannot be restored. Nothing was changed."
  return { failure: { ...failure, ok: false } }
}

/**
 * When Do Not Disturb ends: from `end_time`, else from `remaining_time`.
 * Zoom does not document the unit of `remaining_time`; DND is set in
 * minutes, so it is read as minutes.
 */
function dndEnd(body: Record<string, unknown>, now: number): number | undefined {
  const end = typeof body.end_time === 'string' ? Date.parse(body.end_time) : NaN
  if (Number.isFinite(end)) return end
  const remaining = Number(body.remaining_time)
  return Number.isFinite(remaining) && remaining > 0 ? now + remaining * 60_000 : undefined
}
