import type { Settings } from './inputs.js'
import type { Log } from './log.js'
import { explainNetworkError, explainReply, type Outcome } from './zoom/reply.js'
import { encodeBody, presenceRequest } from './zoom/request.js'
import type { Transport } from './zoom/transport.js'

/** One user's update, as the `results` output lists it. */
export interface Result {
  user: string
  status: string
  ok: boolean
  httpStatus: number | null
  zoomCode: number | null
  message: string
}

/** Sends the presence update and explains what Zoom made of it. */
export async function updatePresence(settings: Settings, send: Transport, log: Log): Promise<Result> {
  const { user, status, duration, baseUrl, bodyFormat, token } = settings
  const request = presenceRequest(baseUrl, user, status, duration)
  const { contentType, body } = await encodeBody(request.fields, bodyFormat)
  log.debug(`${request.method} ${request.url} (${contentType.split(';')[0]}) ${JSON.stringify(request.fields)}`)

  let outcome: Outcome
  try {
    const reply = await send({
      method: request.method,
      url: request.url,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': contentType, Accept: 'application/json' },
      body,
    })
    log.debug(`Zoom answered HTTP ${reply.httpStatus} ${reply.body.length > 0 ? `with ${reply.body.length} characters` : 'with no body'}`)
    outcome = explainReply(reply, { user, status, duration: request.fields.duration })
  } catch (error) {
    log.debug(`No reply: ${(error as Error)?.message ?? String(error)}`)
    outcome = explainNetworkError(error, request.url)
  }
  return {
    user,
    status,
    ok: outcome.ok,
    httpStatus: outcome.httpStatus ?? null,
    zoomCode: outcome.zoomCode ?? null,
    message: outcome.message,
  }
}
