import { describe, expect, it } from 'vitest'
import { STATUSES } from '../../src/status.js'
import { encodeBody, type PresenceFields } from '../../src/zoom/request.js'

/** Reads a body back as a server does, with the platform's own multipart parser. */
async function parsed(contentType: string, body: string): Promise<Record<string, string>> {
  const form = await new Request('https://zoom.test', {
    method: 'PUT',
    headers: { 'content-type': contentType },
    body,
  }).formData()
  return Object.fromEntries([...form].map(([name, value]) => [name, String(value)]))
}

describe('encodeBody', () => {
  it.each([...STATUSES])('writes %s as multipart/form-data that a standard parser reads back', async (status) => {
    const { contentType, body } = encodeBody({ status }, 'multipart')
    expect(contentType).toMatch(/^multipart\/form-data; boundary=[\w-]+$/)
    expect(await parsed(contentType, body)).toEqual({ status })
  })

  it.each([1, 45, 1440])('carries a duration of %i minutes as a second field', async (duration) => {
    const fields: PresenceFields = { status: 'Do_Not_Disturb', duration }
    const { contentType, body } = encodeBody(fields, 'multipart')
    expect(await parsed(contentType, body)).toEqual({ status: 'Do_Not_Disturb', duration: String(duration) })
  })

  it('lays the parts out as RFC 7578 does, CRLF line ends and a closing delimiter', async () => {
    const { contentType, body } = encodeBody({ status: 'Do_Not_Disturb', duration: 5 }, 'multipart')
    const boundary = contentType.split('boundary=')[1]
    expect(body).toBe(
      `--${boundary}\r\nContent-Disposition: form-data; name="status"\r\n\r\nDo_Not_Disturb\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="duration"\r\n\r\n5\r\n` +
        `--${boundary}--\r\n`,
    )
  })

  it('draws a new boundary for each body', async () => {
    const boundaries = new Set<string>()
    for (let i = 0; i < 20; i++) boundaries.add(encodeBody({ status: 'Away' }, 'multipart').contentType)
    expect(boundaries.size).toBe(20)
  })

  it('writes JSON when asked', async () => {
    expect(encodeBody({ status: 'Busy' }, 'json')).toEqual({
      contentType: 'application/json',
      body: '{"status":"Busy"}',
    })
  })
})
