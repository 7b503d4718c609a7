import type { BodyFormat } from '../inputs.js'
import type { Status } from '../status.js'
import { userPathSegment } from '../user.js'

/** One presence update, as it goes on the wire (less the token). */
export interface PresenceRequest {
  method: 'PUT'
  url: string
  fields: PresenceFields
}

export interface PresenceFields {
  status: Status
  duration?: number
}

export function presenceUrl(baseUrl: string, user: string): string {
  return `${baseUrl}/users/${userPathSegment(user)}/presence_status`
}

export function presenceRequest(
  baseUrl: string,
  user: string,
  status: Status,
  duration: number | undefined,
): PresenceRequest {
  const fields: PresenceFields = { status }
  if (status === 'Do_Not_Disturb' && duration !== undefined) fields.duration = duration
  return { method: 'PUT', url: presenceUrl(baseUrl, user), fields }
}

/** The media type each body format is sent as. */
export const MEDIA_TYPES: Record<BodyFormat, string> = {
  multipart: 'multipart/form-data',
  json: 'application/json',
}

export interface EncodedBody {
  contentType: string
  body: string
}

/** The fields as a multipart/form-data body (as Zoom's older spec sends them) or as JSON. */
export function encodeBody(fields: PresenceFields, format: BodyFormat): EncodedBody {
  if (format === 'json') {
    return { contentType: MEDIA_TYPES.json, body: JSON.stringify(fields) }
  }
  // Written out here, as RFC 7578 lays it out, rather than by the platform's
  // FormData and Response: those load Node's built-in fetch stack (undici, web
  // streams, http2), a quarter of the action's start-up time. The values are a
  // status name and a whole number: they need no escaping, and never contain
  // the boundary's '-'.
  const boundary = `zoom-presence-${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`
  const parts = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${String(value)}\r\n`,
  )
  return {
    contentType: `${MEDIA_TYPES.multipart}; boundary=${boundary}`,
    body: `${parts.join('')}--${boundary}--\r\n`,
  }
}
