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

export interface EncodedBody {
  contentType: string
  body: string
}

/** The fields as a multipart/form-data body (as Zoom's older spec sends them) or as JSON. */
export async function encodeBody(fields: PresenceFields, format: BodyFormat): Promise<EncodedBody> {
  if (format === 'json') {
    return { contentType: 'application/json', body: JSON.stringify(fields) }
  }
  const form = new FormData()
  for (const [name, value] of Object.entries(fields)) form.append(name, String(value))
  // The platform's own encoder chooses the boundary and writes the parts.
  const encoded = new Response(form)
  return {
    contentType: encoded.headers.get('content-type') ?? 'multipart/form-data',
    body: await encoded.text(),
  }
}
