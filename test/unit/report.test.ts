import { describe, expect, it } from 'vitest'
import { type Cell, outputsFor, overallMessage, summaryRows } from '../../src/report.js'
import type { Result } from '../../src/update.js'

function result(overrides: Partial<Result> = {}): Result {
  return {
    user: 'alice@example.com',
    status: 'Presenting',
    ok: true,
    httpStatus: 204,
    zoomCode: null,
    message: 'Set the presence of alice@example.com to Presenting.',
    ...overrides,
  }
}

const failed = (overrides: Partial<Result> = {}) =>
  result({
    ok: false,
    httpStatus: 400,
    zoomCode: 5301,
    message: 'Zoom could not update the presence of alice@example.com.',
    ...overrides,
  })

describe('outputsFor', () => {
  it('gives every output by its public name', () => {
    const results = [result()]
    const outputs = outputsFor(results, 'success', 'done')
    expect(Object.keys(outputs).sort()).toEqual([
      'http-status',
      'message',
      'previous-status',
      'results',
      'status',
      'zoom-code',
    ])
    expect(outputs).toMatchObject({ status: 'success', 'http-status': '204', 'zoom-code': '', message: 'done' })
  })

  it("gives the first result's HTTP status and Zoom code as strings", () => {
    const outputs = outputsFor([failed(), result({ httpStatus: 429, zoomCode: 429 })], 'failure', 'x')
    expect(outputs['http-status']).toBe('400')
    expect(outputs['zoom-code']).toBe('5301')
  })

  it('leaves http-status and zoom-code empty when they are null', () => {
    const outputs = outputsFor([failed({ httpStatus: null, zoomCode: null })], 'failure', 'No reply')
    expect(outputs['http-status']).toBe('')
    expect(outputs['zoom-code']).toBe('')
  })

  it('keeps a zero as a value, not as empty', () => {
    const outputs = outputsFor([failed({ httpStatus: 0, zoomCode: 0 })], 'failure', 'x')
    expect(outputs['http-status']).toBe('0')
    expect(outputs['zoom-code']).toBe('0')
  })

  it('keeps the results output to its documented fields', () => {
    const outputs = outputsFor([failed({ unread: true })], 'Presenting', 'x')
    expect(Object.keys(JSON.parse(outputs.results!)[0]).sort()).toEqual([
      'httpStatus',
      'message',
      'ok',
      'status',
      'user',
      'zoomCode',
    ])
  })

  it('leaves http-status and zoom-code empty when there are no results', () => {
    const outputs = outputsFor([], 'failure', 'Invalid inputs')
    expect(outputs['http-status']).toBe('')
    expect(outputs['zoom-code']).toBe('')
    expect(JSON.parse(outputs.results!)).toEqual([])
  })

  it('gives results as JSON that reads back to the results', () => {
    const results = [result(), failed({ user: 'bob"<x>@example.com', httpStatus: null, zoomCode: null })]
    const outputs = outputsFor(results, 'failure', 'x')
    expect(typeof outputs.results).toBe('string')
    expect(JSON.parse(outputs.results!)).toEqual(results)
  })
})

describe('overallMessage', () => {
  it("is the one result's own message", () => {
    expect(overallMessage([result()])).toBe('Set the presence of alice@example.com to Presenting.')
    expect(overallMessage([failed()])).toBe('Zoom could not update the presence of alice@example.com.')
  })

  it('counts users when all succeeded', () => {
    expect(overallMessage([result(), result({ user: 'bob@example.com' })])).toBe('Updated the presence of 2 users.')
  })

  it('says that a dry run of several users sent nothing', () => {
    expect(overallMessage([result(), result({ user: 'bob@example.com' })], true)).toBe(
      'Dry run: would set the presence of 2 users to Presenting; nothing was sent.',
    )
  })

  it('names each failed user with its message', () => {
    const message = overallMessage([
      result(),
      failed({ user: 'bob@example.com', message: 'no client' }),
      failed({ user: 'carol@example.com', message: 'rate limited' }),
    ])
    expect(message).toBe(
      '2 of 3 updates failed (bob@example.com, carol@example.com); 1 succeeded. bob@example.com: no client carol@example.com: rate limited',
    )
  })

  it('does not count a user whose status could not be read as a failed update', () => {
    const unread = (user: string) => failed({ user, unread: true, httpStatus: 401, message: 'No read scope.' })
    expect(overallMessage([unread('bob@example.com'), unread('carol@example.com')])).toBe(
      '2 of 2 users could not be read, so were not changed (bob@example.com, carol@example.com); 0 succeeded. No read scope.',
    )
    expect(
      overallMessage([
        result(),
        unread('bob@example.com'),
        failed({ user: 'carol@example.com', message: 'no client' }),
      ]),
    ).toBe(
      '1 of 3 users could not be read, so were not changed (bob@example.com); 1 of 2 updates failed (carol@example.com); 1 succeeded. bob@example.com: No read scope. carol@example.com: no client',
    )
  })

  it('says a cause shared by every failure once', () => {
    const message = overallMessage([
      failed({ user: 'bob@example.com', message: 'Bad credentials.' }),
      failed({ user: 'carol@example.com', message: 'Bad credentials.' }),
    ])
    expect(message).toBe('2 of 2 updates failed (bob@example.com, carol@example.com); 0 succeeded. Bad credentials.')
  })
})

describe('summaryRows', () => {
  const text = (cell: Cell | undefined) => (typeof cell === 'string' ? cell : cell?.data)

  it('starts with a header row', () => {
    const [header] = summaryRows([result()])
    expect(header).toEqual([
      { data: 'User', header: true },
      { data: 'Status', header: true },
      { data: 'Result', header: true },
      { data: 'Explanation', header: true },
    ])
  })

  it('gives one row per user', () => {
    const rows = summaryRows([result(), failed({ user: 'bob@example.com' })])
    expect(rows).toHaveLength(3)
    expect(rows[1]).toEqual(['alice@example.com', 'Presenting', '✅ updated', '—'])
    expect(rows[2]).toEqual([
      'bob@example.com',
      'Presenting',
      '❌ failed (HTTP 400)',
      'Zoom could not update the presence of alice@example.com.',
    ])
  })

  it('leaves the HTTP status out when no reply came', () => {
    const rows = summaryRows([failed({ httpStatus: null, message: 'No reply from Zoom.' })])
    expect(text(rows[1]?.[2])).toBe('❌ failed')
  })

  it('escapes HTML, table pipes and quotes in the user and the message', () => {
    const user = `<script>alert("x")</script>|'a'&b@example.com`
    const message = `Zoom said: "<img src=x onerror=alert(1)>" | col & 'quote'`
    const rows = summaryRows([failed({ user, message })])
    const [cellUser, , , cellMessage] = (rows[1] ?? []).map(text)
    for (const cell of [cellUser, cellMessage]) {
      expect(cell).toBeDefined()
      expect(cell).not.toMatch(/[<>"'|]/)
      expect(cell).not.toMatch(/&(?!#\d+;)/)
    }
    expect(cellUser).toBe('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62;&#124;&#39;a&#39;&#38;b@example.com')
    expect(cellMessage).toContain('&#60;img src=x onerror=alert(1)&#62;')
    expect(cellMessage).toContain(' &#124; col &#38; &#39;quote&#39;')
  })

  it('escapes the status too', () => {
    const rows = summaryRows([result({ status: '<b>Busy</b>' })])
    expect(text(rows[1]?.[1])).toBe('&#60;b&#62;Busy&#60;/b&#62;')
  })
})
