/**
 * Property-based tests: invariants that must hold for any input, checked
 * with fast-check against generated values, including targeted mixes of the
 * pieces that break URLs, logs and parsers.
 * Counter-examples that once broke a property are pinned in `examples`.
 */

import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { INPUT_NAMING, InputError, MAX_DURATION, type Parsed, parseInputs, type Settings } from '../../src/inputs.js'
import { SECRET_INPUTS as ALL_SECRET_INPUTS } from '../../src/secrets.js'
import { STATUSES, type Status } from '../../src/status.js'
import { userProblem } from '../../src/user.js'
import { decodeError, explainReply, type Reply, retryAfterMs, type Subject } from '../../src/zoom/reply.js'
import { encodeBody, type PresenceFields, presenceRequest } from '../../src/zoom/request.js'
import { backoffMs, nextStep, type RetryPolicy } from '../../src/zoom/retry.js'

const RUNS = { numRuns: 300 }

// ---------------------------------------------------------------------------
// Inputs: which ones parseInputs reads, and readers over generated values.
// ---------------------------------------------------------------------------

/** The inputs parseInputs reads, found by asking it, plus the documented ones. */
const INPUT_NAMES: string[] = (() => {
  const names = new Set([
    'status',
    'duration',
    'user',
    'token',
    'base-url',
    'body-format',
    'fail-on-error',
    'timeout',
    'request-timeout',
  ])
  try {
    parseInputs((name) => {
      names.add(name)
      return ''
    })
  } catch {
    // Empty inputs are rejected; only the names read matter here.
  }
  return [...names]
})()

/** The inputs action.yml declares: the only ones a workflow can set. */
const DECLARED_INPUTS: string[] = Object.keys(
  (parseYaml(readFileSync(new URL('../../action.yml', import.meta.url), 'utf8')) as { inputs?: object }).inputs ?? {},
)

/** Inputs whose values are secrets and must never be shown. */
const SECRET_INPUTS = ALL_SECRET_INPUTS.filter((name) => INPUT_NAMES.includes(name))

type Inputs = Record<string, string>

interface Run {
  result?: Parsed
  error?: unknown
  /** Every input name parseInputs asked for. */
  read: Set<string>
}

function run(values: Inputs, fallback = ''): Run {
  const read = new Set<string>()
  try {
    const result = parseInputs((name) => {
      read.add(name)
      return values[name] ?? fallback
    })
    return { result, read }
  } catch (error) {
    return { error, read }
  }
}

/** The users of the settings, whether they hold one `user` or a list of `users`. */
function usersOf(settings: Settings): string[] {
  const s = settings as unknown as { user?: string; users?: string[] }
  return s.users ?? (s.user === undefined ? [] : [s.user])
}

/** The input names a problem starts by naming: `Input 'x' ...` or `Inputs 'x' and 'y' ...`. */
function namedInputs(problem: string): string[] | undefined {
  const lead = /^Inputs? ((?:'[^']+'(?:, | and )?)+)/.exec(problem)
  if (!lead?.[1]) return undefined
  return [...lead[1].matchAll(/'([^']+)'/g)].map((m) => m[1] ?? '')
}

/** Control characters as quote() shows them, for comparing shown text with raw input. */
function shown(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it replaces
  return value.replace(/[\u0000-\u001f\u007f]+/g, ' ').toLowerCase()
}

/** Whether a string has no lone UTF-16 surrogate. */
function wellFormed(value: string): boolean {
  return !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)
}

// ---------------------------------------------------------------------------
// Arbitraries.
// ---------------------------------------------------------------------------

/** Pieces that change how URLs, paths, logs or parsers read a string. */
const DANGEROUS = [
  '/',
  '//',
  '..',
  '.',
  '%2e',
  '%2E',
  '%2e%2e',
  '.%2e',
  '%2F',
  '%2f',
  '%',
  '%zz',
  '%00',
  '%40',
  '%3F',
  '%23',
  '?',
  '#',
  '@',
  '\\',
  ':',
  ';',
  ',',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r',
  '\r\n',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u200b',
  '\ufeff',
  '\ud800',
  '\udc00',
  '\ud83d\ude00',
  'é',
  'e\u0301',
  'İ',
  '"',
  "'",
  '`',
  '<',
  '>',
  '{',
  '}',
  '|',
  '^',
  '~',
  '+',
  '&',
  '=',
  '$',
  '*',
  '!',
  'Bearer ',
  'me',
  'dnd',
  'https://',
  'http://',
  'localhost',
  '127.0.0.1',
  '[::1]',
  'api.zoom.us',
  'a',
  'Z',
  '0',
  '9',
]
const piece = fc.constantFrom(...DANGEROUS)

/** Strings mixed from dangerous pieces and arbitrary characters. */
const mixed = fc
  .array(
    fc.oneof(
      { arbitrary: piece, weight: 3 },
      { arbitrary: fc.string({ maxLength: 4 }), weight: 1 },
      { arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }), weight: 1 },
      { arbitrary: fc.string({ unit: 'binary', maxLength: 3 }), weight: 1 },
    ),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(''))

/** Very long strings: one piece repeated, or a long random string. */
const long = fc.oneof(
  fc.tuple(piece, fc.integer({ min: 100, max: 3000 })).map(([p, n]) => p.repeat(n)),
  fc.string({ unit: 'binary', minLength: 300, maxLength: 2000 }),
)

/** Any string at all, from every unit fast-check has, plus the targeted ones. */
const anyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'grapheme-composite' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'binary-ascii' }),
  mixed,
  long,
)

const casing = (value: string) =>
  fc.constantFrom(value, value.toLowerCase(), value.toUpperCase(), ` ${value} `, `\n${value}\t`)

const statusInput = fc.oneof(
  fc.constantFrom(...STATUSES).chain(casing),
  fc.constantFrom(
    'dnd',
    'DND',
    'do not disturb',
    'Do-Not-Disturb',
    'do_no_disturb',
    'out of office',
    'in a zoom meeting',
  ),
)

const durationInput = fc.oneof(
  { arbitrary: fc.constant(''), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: MAX_DURATION }).map(String), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: MAX_DURATION }).map((n) => ` 000${n}\n`), weight: 1 },
  { arbitrary: fc.constantFrom('0', '1441', '99999', '-1', '1.5', '1e3', '２０', ' '), weight: 1 },
)

/** Zoom user IDs: URL-safe base64. */
const userId = fc.string({ unit: fc.constantFrom(...'AZaz09-_Xk'), minLength: 1, maxLength: 30 })
const emailPart = fc
  .array(fc.oneof(piece, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''))
const email = fc.tuple(emailPart, emailPart).map(([local, domain]) => `${local}@${domain}`)
const userEntry = fc.oneof(
  { arbitrary: fc.constant('me'), weight: 1 },
  { arbitrary: userId, weight: 2 },
  { arbitrary: email, weight: 4 },
  { arbitrary: mixed, weight: 1 },
)
/** The `user` input: one user, or several by commas or new lines. */
const userInput = fc.oneof(
  userEntry,
  fc
    .tuple(fc.array(userEntry, { maxLength: 4 }), fc.constantFrom(',', ', ', '\n', '\r\n', ' ,\n'))
    .map(([users, sep]) => users.join(sep)),
)
/** A user that passes validation, as a Subject of a reply holds. */
const validUser = fc
  .oneof(fc.constant('me'), userId, email)
  .filter((u) => u.trim() === u && userProblem(u) === undefined)

const tokenChar = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~+/=')
/** Tokens as Zoom issues them: at least 16 base64url or JWT characters. */
const validToken = fc.string({ unit: tokenChar, minLength: 16, maxLength: 200 })
/** Tokens, valid or pasted wrongly: with 'Bearer ', quotes, spaces, line breaks. */
const anyToken = fc
  .oneof(
    validToken,
    validToken.map((t) => `Bearer ${t}`),
    validToken.map((t) => `"${t}"`),
    fc.tuple(validToken, piece, validToken).map(([a, p, b]) => `${a}${p}${b}`),
    fc.string({ minLength: 8 }),
    fc.string({ unit: 'grapheme', minLength: 8 }),
    fc.string({ unit: 'binary', minLength: 8 }),
  )
  .filter((t) => t.trim().length >= 16)

const baseUrlInput = fc
  .tuple(
    fc.oneof(
      { arbitrary: fc.constant('https://'), weight: 6 },
      { arbitrary: fc.constantFrom('http://', 'HTTPS://', 'https:', 'https:/', 'https:\\\\', 'ftp://', ''), weight: 1 },
    ),
    fc.oneof(
      {
        arbitrary: fc.constantFrom(
          'api.zoom.us',
          'api.zoomgov.com',
          'localhost',
          '127.0.0.1',
          '[::1]',
          'localhost:8443',
          'API.ZOOM.US',
          'bücher.example',
          '127.1',
        ),
        weight: 6,
      },
      {
        arbitrary: fc.constantFrom(
          'user@api.zoom.us',
          'u:p@api.zoom.us',
          'h%zz',
          'ex ample.com',
          '[::1',
          'a.b:99999',
          '',
        ),
        weight: 1,
      },
    ),
    fc
      .array(
        fc.oneof(
          {
            arbitrary: fc.constantFrom(
              'v2',
              'users',
              'presence_status',
              '',
              '.',
              '..',
              '%2e',
              '%2E%2e',
              '.%2e',
              '%2f',
              '%2F..',
              'a b',
              'é',
              '%',
              '%zz',
              ';x',
              '\\',
              '..\\',
              '%3F',
              '%23',
              '\ud83d\ude00',
              '\t',
            ),
            weight: 4,
          },
          { arbitrary: mixed, weight: 1 },
        ),
        { maxLength: 4 },
      )
      .map((segments) => segments.map((s) => `/${s}`).join('')),
    fc.oneof(
      { arbitrary: fc.constantFrom('', '/', '//', ' '), weight: 6 },
      { arbitrary: fc.constantFrom('?', '#', '?a=b', '#x'), weight: 1 },
    ),
  )
  .map((parts) => parts.join(''))

/** Inputs that often parse, each also sometimes anything at all. */
function likelyInputs(): fc.Arbitrary<Inputs> {
  const or = (arbitrary: fc.Arbitrary<string>) =>
    fc.oneof({ arbitrary, weight: 30 }, { arbitrary: anyString, weight: 1 })
  return fc.record({
    status: statusInput,
    duration: durationInput,
    user: userInput,
    token: validToken,
    'base-url': fc.oneof(fc.constant(''), baseUrlInput),
    'body-format': or(fc.constantFrom('', 'multipart', 'json', ' JSON ', 'Multipart')),
    'fail-on-error': or(fc.constantFrom('', 'true', 'false', 'True', 'FALSE')),
    timeout: or(fc.constantFrom('', '90', '0.5', '3600', '1.125')),
    'request-timeout': or(fc.constantFrom('', '30', '0.001', '10')),
  })
}

/** A value for every input parseInputs reads: anything, or something close to valid. */
function anyInputs(): fc.Arbitrary<Inputs> {
  const valid: Record<string, fc.Arbitrary<string>> = {
    status: statusInput,
    duration: durationInput,
    user: userInput,
    token: anyToken,
    'base-url': baseUrlInput,
    'oauth-url': baseUrlInput,
    'body-format': fc.constantFrom('multipart', 'json'),
    'fail-on-error': fc.constantFrom('true', 'false'),
    restore: fc.constantFrom('true', 'false'),
    'dry-run': fc.constantFrom('true', 'false'),
    timeout: fc.constantFrom('90', '0.5'),
    'request-timeout': fc.constantFrom('30', '1'),
  }
  const entries = INPUT_NAMES.map(
    (name) =>
      [
        name,
        fc.oneof(anyString, fc.constant(''), valid[name] ?? fc.oneof(validToken, fc.constantFrom('true', 'false'))),
      ] as const,
  )
  return fc.record(Object.fromEntries(entries) as Record<string, fc.Arbitrary<string>>)
}

// ---------------------------------------------------------------------------
// 1-3: parseInputs
// ---------------------------------------------------------------------------

describe('parseInputs, for any inputs', () => {
  it('reads only inputs that action.yml declares', () => {
    fc.assert(
      fc.property(anyInputs(), (values) => {
        for (const name of run(values).read) expect(DECLARED_INPUTS).toContain(name)
      }),
      { numRuns: 50 },
    )
  })

  it('returns settings or throws an InputError whose every problem names a declared input it reads', () => {
    fc.assert(
      fc.property(anyInputs(), anyString, (values, unknown) => {
        const { result, error, read } = run(values, unknown)
        expect(read.size).toBeGreaterThan(0)
        if (result) {
          expect(STATUSES).toContain(result.settings.status)
          return
        }
        expect(error).toBeInstanceOf(InputError)
        const { problems } = error as InputError
        expect(problems.length).toBeGreaterThan(0)
        for (const problem of problems) {
          expect(problem).toMatch(/^Inputs? '/)
          expect(problem).not.toMatch(/[\r\n]/)
          const names = namedInputs(problem)
          expect(names, problem).toBeDefined()
          for (const name of names ?? []) {
            expect([...read], problem).toContain(name)
            expect(DECLARED_INPUTS, problem).toContain(name)
          }
        }
      }),
      { ...RUNS, examples: [[Object.fromEntries(INPUT_NAMES.map((n) => [n, '\ud800/..%2e?#\n\u0000'])), '']] },
    )
  })

  it('builds, for every user, a URL of one path segment under the base URL', () => {
    let parsed = 0
    fc.assert(
      fc.property(likelyInputs(), (values) => {
        const { result, error } = run(values)
        if (!result) {
          expect(error).toBeInstanceOf(InputError)
          return
        }
        parsed++
        const { settings } = result
        const base = new URL(settings.baseUrl)
        // The root's pathname is '/', which settings.baseUrl has lost.
        const basePath = base.pathname.replace(/\/$/, '')
        const users = usersOf(settings)
        expect(users.length).toBeGreaterThan(0)
        for (const user of users) {
          const request = presenceRequest(settings.baseUrl, user, settings.status, settings.duration)
          const url = new URL(request.url)
          expect(url.origin).toBe(base.origin)
          expect(url.search).toBe('')
          expect(url.hash).toBe('')
          expect(url.pathname.startsWith(`${basePath}/users/`), url.pathname).toBe(true)
          expect(url.pathname.endsWith('/presence_status'), url.pathname).toBe(true)
          const segment = url.pathname.slice(`${basePath}/users/`.length, -'/presence_status'.length)
          expect(segment).not.toBe('')
          expect(segment).not.toContain('/')
          expect(url.pathname).toBe(`${basePath}/users/${segment}/presence_status`)
          expect(decodeURIComponent(segment)).toBe(user)

          const { duration } = request.fields
          if (duration !== undefined) {
            expect(request.fields.status).toBe('Do_Not_Disturb')
            expect(Number.isInteger(duration)).toBe(true)
            expect(duration).toBeGreaterThanOrEqual(1)
            expect(duration).toBeLessThanOrEqual(MAX_DURATION)
          }
        }
        if (settings.duration !== undefined) expect(settings.status).toBe('Do_Not_Disturb')
      }),
      {
        ...RUNS,
        examples: [
          [
            {
              status: 'dnd',
              duration: '1440',
              user: '..',
              token: 'abcdefghijklmnop',
              'base-url': 'https://api.zoom.us/',
            },
          ],
          [
            {
              status: 'Away',
              duration: '5',
              user: 'a/../b@c?d#e',
              token: 'abcdefghijklmnop',
              'base-url': 'https://api.zoom.us/v2/%2e%2e/x//',
            },
          ],
        ],
      },
    )
    // Most generated inputs must parse, or the property checks little.
    expect(parsed).toBeGreaterThan(RUNS.numRuns / 5)
  })

  it('never shows a secret in a problem, whatever the other inputs hold', () => {
    fc.assert(
      fc.property(anyInputs(), fc.constantFrom(...SECRET_INPUTS), anyToken, (values, name, secret) => {
        const inputs = { ...values, [name]: secret }
        const needle = secret.trim()
        // Another input that holds the secret itself is quoted back as that input's value.
        fc.pre(Object.entries(inputs).every(([n, v]) => n === name || !shown(v).includes(shown(needle))))
        const { error } = run(inputs)
        if (error === undefined) return
        expect(error).toBeInstanceOf(InputError)
        for (const problem of (error as InputError).problems) expect(problem).not.toContain(needle)
        expect((error as InputError).message).not.toContain(needle)
      }),
      RUNS,
    )
  })

  // Unparsable URLs are the tricky case: the password must go from those too.
  it('never shows a password given in base-url', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'ABCDEFabcdef0123456789'), minLength: 8, maxLength: 40 }),
        fc.constantFrom('api.zoom.us', 'localhost', 'h%zz', 'ex ample.com', '[::1', 'a.b:99999', ''),
        fc.constantFrom('/v2', '', '/v2?x', '/v2#y', '/a b'),
        (password, host, path) => {
          const { error } = run({
            status: 'Available',
            token: 'abcdefghijklmnop',
            'base-url': `https://zoom:${password}@${host}${path}`,
          })
          expect(error).toBeInstanceOf(InputError)
          for (const problem of (error as InputError).problems) expect(problem).not.toContain(password)
        },
      ),
      { ...RUNS, endOnFailure: true, examples: [['s3cr3tpassword', 'ex ample.com', '/v2']] },
    )
  })
})

// ---------------------------------------------------------------------------
// 4: encodeBody
// ---------------------------------------------------------------------------

/** Fields as presenceRequest builds them, and with odd statuses to stress the encoders. */
function fieldsArb(status: fc.Arbitrary<string>): fc.Arbitrary<PresenceFields> {
  return fc.oneof(
    fc
      .tuple(fc.constantFrom(...STATUSES), fc.option(fc.integer({ min: 1, max: MAX_DURATION }), { nil: undefined }))
      .map(([s, d]) => presenceRequest('https://api.zoom.us/v2', 'me', s, d).fields),
    fc.record({ status: status as fc.Arbitrary<Status>, duration: fc.integer() }, { requiredKeys: ['status'] }),
  )
}

describe('encodeBody', () => {
  it("round-trips multipart through the platform's form-data parser", async () => {
    // Form data carries USV strings with CRLF line breaks: lone surrogates and bare CR or LF are normalised by the platform,
    // and the parser's UTF-8 decode drops a leading byte order mark.
    const formSafe = fc
      .oneof(fc.string({ unit: 'grapheme' }), mixed)
      .filter((s) => wellFormed(s) && !/[\r\n]/.test(s) && !s.startsWith('\uFEFF'))
    await fc.assert(
      fc.asyncProperty(fieldsArb(formSafe), async (fields) => {
        const { contentType, body } = encodeBody(fields, 'multipart')
        expect(contentType).toMatch(/^multipart\/form-data; ?boundary=/)
        const form = await new Request('http://x', {
          method: 'POST',
          headers: { 'content-type': contentType },
          body,
        }).formData()
        const parsed = [...form.entries()].map(([name, value]) => [name, value])
        for (const [, value] of parsed) expect(typeof value).toBe('string')
        expect(parsed).toEqual(Object.entries(fields).map(([name, value]) => [name, String(value)]))
      }),
      { ...RUNS, examples: [[{ status: '--"; name="x"; filename="y' as Status, duration: 5 }]] },
    )
  })

  it('round-trips json through JSON.parse', async () => {
    await fc.assert(
      fc.asyncProperty(fieldsArb(anyString), async (fields) => {
        const { contentType, body } = encodeBody(fields, 'json')
        expect(contentType).toBe('application/json')
        expect(JSON.parse(body)).toEqual(fields)
      }),
      RUNS,
    )
  })
})

// ---------------------------------------------------------------------------
// 5: decodeError and explainReply
// ---------------------------------------------------------------------------

const zoomCode = fc.oneof(
  fc.constantFrom(104, 124, 300, 1001, 4700, 4711, 5301, 5411),
  fc.integer(),
  fc.double(),
  fc.constantFrom('124', '5301', '00300', '9'.repeat(30), '-1', ''),
  anyString,
  fc.constant(null),
)
const zoomMessage = fc.oneof(
  anyString,
  fc.constantFrom(
    'Invalid access token.',
    'Access token is expired.',
    'Invalid access token, does not contain scopes:[user:update]',
    'Daily limit reached',
  ),
  fc.integer(),
  fc.constant(null),
)
const errorBody = fc.oneof(
  anyString,
  fc.constantFrom(
    '',
    '<!DOCTYPE html><html>502</html>',
    '  <html>',
    '{',
    'null',
    '[]',
    '"x"',
    '1',
    '{"errors":[null,1,"x"]}',
    '{"__proto__":{"code":124}}',
  ),
  fc
    .record(
      {
        code: zoomCode,
        message: zoomMessage,
        errors: fc.oneof(
          fc.array(
            fc.record(
              { field: fc.oneof(anyString, fc.integer()), message: fc.oneof(anyString, fc.constant(null)) },
              { requiredKeys: [] },
            ),
            { maxLength: 30 },
          ),
          fc.array(fc.anything(), { maxLength: 5 }),
          anyString,
        ),
      },
      { requiredKeys: [] },
    )
    .map((value) => JSON.stringify(value)),
  fc.json(),
)
const httpStatus = fc.oneof(
  fc.constantFrom(200, 201, 204, 301, 302, 307, 400, 401, 403, 404, 429, 500, 502, 503),
  fc.integer({ min: 100, max: 599 }),
)
const headerValue = fc.oneof(anyString, fc.array(anyString, { maxLength: 3 }), fc.constant(undefined))
const headers: fc.Arbitrary<Reply['headers']> = fc.dictionary(
  fc.oneof(
    fc.constantFrom(
      'location',
      'retry-after',
      'x-ratelimit-type',
      'content-type',
      '__proto__',
      'constructor',
      'toString',
    ),
    fc.string(),
  ),
  headerValue,
  { maxKeys: 6 },
)
const subject: fc.Arbitrary<Subject> = fc.record(
  {
    user: validUser,
    status: fc.constantFrom(...STATUSES),
    duration: fc.integer({ min: 1, max: MAX_DURATION }),
  },
  { requiredKeys: ['user', 'status'] },
)

/** The longest message explainReply may give: a line in a log, not a page. */
const MAX_MESSAGE = 1000

describe('decodeError and explainReply, for any reply', () => {
  it('never throw; ok exactly for 204; the message is one line', () => {
    fc.assert(
      fc.property(errorBody, httpStatus, headers, subject, (body, status, heads, who) => {
        const decoded = decodeError(body)
        expect(typeof decoded).toBe('object')
        if (decoded.code !== undefined) expect(Number.isSafeInteger(decoded.code)).toBe(true)
        const outcome = explainReply({ httpStatus: status, headers: heads, body }, who, INPUT_NAMING)
        expect(outcome.ok).toBe(status === 204)
        expect(outcome.httpStatus).toBe(status)
        expect(typeof outcome.message).toBe('string')
        expect(outcome.message).not.toBe('')
        expect(outcome.message).not.toMatch(/[\r\n]/)
      }),
      RUNS,
    )
  })

  it(`keeps the message within ${MAX_MESSAGE} characters for any body, even a huge one`, () => {
    fc.assert(
      fc.property(errorBody, httpStatus, headers, subject, (body, status, heads, who) => {
        const { message } = explainReply({ httpStatus: status, headers: heads, body }, who, INPUT_NAMING)
        expect(message.length).toBeLessThanOrEqual(MAX_MESSAGE)
      }),
      {
        ...RUNS,
        examples: [
          [
            JSON.stringify({
              code: 300,
              message: '\\'.repeat(5000),
              errors: [{ field: '"'.repeat(5000), message: 'x' }],
            }),
            400,
            {},
            { user: 'me', status: 'Busy' },
          ],
          [
            JSON.stringify({ code: 300, message: '\ud800'.repeat(200), errors: [{ field: '\udc00'.repeat(200) }] }),
            400,
            {},
            { user: 'me', status: 'Busy' },
          ],
        ],
      },
    )
  })
})

// ---------------------------------------------------------------------------
// 6: retries
// ---------------------------------------------------------------------------

const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: 40 })
const retryAfter = fc.oneof(
  anyString,
  digits,
  fc.tuple(digits, digits).map(([a, b]) => `${a}.${b}`),
  fc.tuple(fc.constantFrom(...'123456789'), fc.integer({ min: 250, max: 400 })).map(([d, n]) => d + '0'.repeat(n)),
  fc.date({ noInvalidDate: true }).map((d) => d.toUTCString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom('-1', '1e3', 'Infinity', 'NaN', ' 120 ', '0x10', '', ' '),
)
const now = fc.integer({ min: 0, max: 4_102_444_800_000 })
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true })

describe('retries', () => {
  it('retryAfterMs never throws and gives undefined or a finite non-negative wait', () => {
    fc.assert(
      fc.property(fc.option(retryAfter, { nil: undefined }), now, (value, at) => {
        const ms = retryAfterMs(value, at)
        if (ms === undefined) return
        expect(Number.isFinite(ms), `${ms}`).toBe(true)
        expect(ms).toBeGreaterThanOrEqual(0)
      }),
      { ...RUNS, examples: [[`1${'0'.repeat(306)}`, 0]] },
    )
  })

  it('backoffMs stays within [ceiling/2, ceiling]', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 1, max: 600_000 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        unit,
        (attempt, base, max, random) => {
          const ceiling = Math.min(max, base * 2 ** (attempt - 1))
          const ms = backoffMs(attempt, base, max, () => random)
          expect(Number.isFinite(ms)).toBe(true)
          expect(ms).toBeGreaterThanOrEqual(ceiling / 2)
          expect(ms).toBeLessThanOrEqual(ceiling)
        },
      ),
      RUNS,
    )
  })

  it('backoffMs and nextStep give a finite delay for a zero base delay too', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        unit,
        (attempt, max, random) => {
          const ms = backoffMs(attempt, 0, max, () => random)
          expect(ms).toBe(0)
          const rules = {
            budgetMs: 90_000,
            requestTimeoutMs: 30_000,
            baseDelayMs: 0,
            qpsDelayMs: 0,
            rateLimitDelayMs: 0,
            maxDelayMs: max,
            maxAttempts: Number.POSITIVE_INFINITY,
            timeoutName: "'timeout'",
            random: () => random,
            now: () => 0,
          }
          const next = nextStep(attempt, { reply: { httpStatus: 503, headers: {}, body: '' } }, rules, 90_000)
          expect(next).toMatchObject({ retry: true, delayMs: 0 })
        },
      ),
      { ...RUNS, examples: [[1025, 60_000, 0.5]] },
    )
  })

  it('nextStep never schedules a retry that outlasts the remaining budget', () => {
    const networkError = fc.record(
      {
        code: fc.oneof(
          fc.constantFrom('ECONNRESET', 'ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EPIPE', 'TIMEOUT', 'EOTHER'),
          anyString,
          fc.integer(),
        ),
        message: fc.oneof(anyString, fc.constant('Request timeout')),
      },
      { requiredKeys: [] },
    )
    const reply = fc.record({
      httpStatus: fc.oneof(fc.constantFrom(429, 500, 502, 503, 504), httpStatus),
      headers: fc.oneof(
        headers,
        fc.record(
          {
            'retry-after': fc.oneof(retryAfter, fc.array(retryAfter, { maxLength: 2 })),
            'x-ratelimit-type': fc.constantFrom('QPS', 'Daily-limit', ''),
          },
          { requiredKeys: [] },
        ),
      ),
      body: errorBody,
    })
    const outcome = fc.oneof(
      reply.map((r) => ({ reply: r as Reply })),
      fc.oneof(networkError, anyString, fc.constant(null), fc.constant(undefined)).map((error) => ({ error })),
    )
    const policy = fc.record({
      budgetMs: fc.integer({ min: 1, max: 3_600_000 }),
      requestTimeoutMs: fc.integer({ min: 1, max: 3_600_000 }),
      baseDelayMs: fc.integer({ min: 0, max: 60_000 }),
      qpsDelayMs: fc.integer({ min: 0, max: 60_000 }),
      rateLimitDelayMs: fc.integer({ min: 0, max: 60_000 }),
      maxDelayMs: fc.integer({ min: 0, max: 600_000 }),
      maxAttempts: fc.integer({ min: 1, max: 10 }),
      timeoutName: fc.constant("'timeout'"),
      random: unit.map((r) => () => r),
      now: now.map((t) => () => t),
    }) satisfies fc.Arbitrary<Required<Omit<RetryPolicy, 'sleep'>>>
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        outcome,
        policy,
        fc.integer({ min: -60_000, max: 3_600_000 }),
        (attempt, result, rules, remainingMs) => {
          const next = nextStep(attempt, result, rules, remainingMs)
          if (!next.retry) return
          expect(Number.isFinite(next.delayMs)).toBe(true)
          expect(next.delayMs).toBeGreaterThanOrEqual(0)
          expect(next.delayMs).toBeLessThanOrEqual(remainingMs)
        },
      ),
      RUNS,
    )
  })
})
