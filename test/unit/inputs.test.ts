import { describe, expect, it } from 'vitest'
import { DEFAULT_BASE_URL, InputError, MAX_DURATION, type Parsed, parseInputs } from '../../src/inputs.js'
import { STATUSES } from '../../src/status.js'
import { quote } from '../../src/text.js'

const TOKEN = 'eyJzdiI6IjAwMDAwMSIsImFsZyI6IkhTNTEyIn0.secret-token-value'

type Inputs = Record<string, string>

/** Reads inputs from a plain object as the runner gives them: missing ones as '', but `user` as its default, me. */
function reader(values: Inputs) {
  return (name: string): string => values[name] ?? (name === 'user' ? 'me' : '')
}

function parse(values: Inputs): Parsed {
  return parseInputs(reader({ status: 'Available', token: TOKEN, ...values }))
}

/** The InputError that parsing throws; fails the test when nothing is thrown. */
function problemsOf(values: Inputs, base: Inputs = { status: 'Available', token: TOKEN }): string[] {
  try {
    parseInputs(reader({ ...base, ...values }))
  } catch (error) {
    expect(error).toBeInstanceOf(InputError)
    const inputError = error as InputError
    expect(inputError.name).toBe('InputError')
    expect(inputError.message).toBe(inputError.problems.join('\n'))
    return inputError.problems
  }
  expect.fail(`parseInputs accepted ${JSON.stringify(values)}`)
}

function onlyProblem(values: Inputs): string {
  const problems = problemsOf(values)
  expect(problems).toHaveLength(1)
  return problems[0]!
}

describe('parseInputs defaults', () => {
  it('fills in every optional input', () => {
    const { settings, warnings } = parseInputs(reader({ status: 'Busy', token: TOKEN }))
    expect(settings).toMatchObject({
      status: 'Busy',
      duration: undefined,
      users: ['me'],
      auth: { kind: 'token', token: TOKEN },
      baseUrl: 'https://api.zoom.us/v2',
      bodyFormat: 'multipart',
      failOnError: true,
    })
    expect(DEFAULT_BASE_URL).toBe('https://api.zoom.us/v2')
    expect(warnings).toEqual([])
  })

  it('treats whitespace-only inputs as missing', () => {
    const { settings } = parse({
      'base-url': ' ',
      'body-format': '\n',
      'fail-on-error': ' ',
      duration: '  ',
    })
    expect(settings.baseUrl).toBe(DEFAULT_BASE_URL)
    expect(settings.bodyFormat).toBe('multipart')
    expect(settings.failOnError).toBe(true)
    expect(settings.duration).toBeUndefined()
  })

  it.each(['', '  ', ' , ,\n', '\n\n'])(
    "refuses a user list with no user in it (%j), which would otherwise update the token's own user",
    (user) => {
      expect(onlyProblem({ user })).toBe(
        "Input 'user' is empty: name a Zoom user ID or email (several separated by commas or new lines), or 'me' for the token's own user.",
      )
    },
  )

  it('canonicalises the status and trims user and token', () => {
    const { settings } = parse({
      status: ' do not disturb ',
      user: '  alice@example.com ',
      token: `  ${TOKEN}\n`,
    })
    expect(settings.status).toBe('Do_Not_Disturb')
    expect(settings.users).toEqual(['alice@example.com'])
    expect(settings.auth).toEqual({ kind: 'token', token: TOKEN })
  })

  it('reads each input by its action.yml name', () => {
    const asked: string[] = []
    parseInputs((name) => {
      asked.push(name)
      return ({ status: 'Away', token: TOKEN, user: 'me' } as Inputs)[name] ?? ''
    })
    for (const name of ['status', 'duration', 'user', 'token', 'base-url', 'body-format', 'fail-on-error']) {
      expect(asked).toContain(name)
    }
  })
})

describe('parseInputs status', () => {
  it('requires a status, listing every status', () => {
    const problem = onlyProblem({ status: '' })
    expect(problem).toMatch(/^Input 'status' is required/)
    for (const status of STATUSES) expect(problem).toContain(status)
  })

  it('refuses an unknown status, quoting it and listing every status', () => {
    const problem = onlyProblem({ status: 'Offline' })
    expect(problem).toContain("Input 'status'")
    expect(problem).toContain('"Offline"')
    for (const status of STATUSES) expect(problem).toContain(status)
  })

  it('quotes an unknown status on one line, cut short', () => {
    const problem = onlyProblem({ status: `Busy\nnot${'x'.repeat(200)}` })
    expect(problem).not.toContain('\n')
    expect(problem).toContain('"Busy not')
    expect(problem).toContain('…"')
    expect(problem).not.toContain('x'.repeat(81))
  })
})

describe('parseInputs duration', () => {
  it('leaves an empty duration to Zoom', () => {
    expect(parse({ status: 'dnd', duration: '' }).settings.duration).toBeUndefined()
  })

  it.each([
    ['1', 1],
    ['20', 20],
    ['1440', 1440],
    [' 30 ', 30],
    ['\t45\n', 45],
  ] as const)('keeps %j minutes of Do Not Disturb as %d', (raw, minutes) => {
    const { settings, warnings } = parse({ status: 'Do_Not_Disturb', duration: raw })
    expect(settings.duration).toBe(minutes)
    expect(warnings).toEqual([])
  })

  it('keeps a duration for each spelling of Do Not Disturb', () => {
    for (const status of ['dnd', 'Do No Disturb', 'do-not-disturb']) {
      expect(parse({ status, duration: '15' }).settings.duration).toBe(15)
    }
  })

  it.each([
    '0',
    '1441',
    '99999',
    '100000',
    '1.5',
    '-3',
    '+3',
    '1e3',
    '0x10',
    'Available1221',
    '30m',
    'thirty',
    '3 0',
    'Infinity',
    'NaN',
    '１２',
  ])('refuses the duration %j, naming the input and the range', (raw) => {
    const problem = onlyProblem({ status: 'Do_Not_Disturb', duration: raw })
    expect(problem).toContain("Input 'duration'")
    expect(problem).toContain(JSON.stringify(raw))
    expect(problem).toContain(`from 1 to ${MAX_DURATION}`)
    expect(problem).toContain('whole number of minutes')
  })

  it('checks the range even when the status is not Do Not Disturb', () => {
    const problem = onlyProblem({ status: 'Away', duration: '0' })
    expect(problem).toContain("Input 'duration'")
  })

  it.each(['Available', 'Busy', 'Presenting', 'out of office'])(
    'warns about and drops a duration sent with %s',
    (status) => {
      const { settings, warnings } = parse({ status, duration: '30' })
      expect(settings.duration).toBeUndefined()
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain("Input 'duration'")
      expect(warnings[0]).toContain('Do_Not_Disturb only')
      expect(warnings[0]).toContain(settings.status)
    },
  )
})

describe('parseInputs user', () => {
  it.each(['me', 'KDcuGIm1QgePTO8WbOqwIQ', 'alice@example.com', 'bob+x/y@example.com'])(
    'accepts the user %j',
    (user) => {
      expect(parse({ user }).settings.users).toEqual([user])
    },
  )

  it.each(['..', '.', 'a/b', 'me?x', 'me#x', '%2e', 'two words', 'x'.repeat(255)])(
    'refuses the user %j, naming the input and what it allows',
    (user) => {
      const problem = onlyProblem({ user })
      expect(problem).toContain("Input 'user'")
      expect(problem).toContain("a Zoom user ID, an email address or 'me'")
    },
  )
})

describe('parseInputs token', () => {
  it('requires a token and says where to get it', () => {
    const problem = onlyProblem({ token: '' })
    expect(problem).toMatch(/^Input 'token' is required/)
    expect(problem).toContain('secrets.')
  })

  it('requires a token when it is whitespace only', () => {
    expect(onlyProblem({ token: ' \n\t ' })).toMatch(/^Input 'token' is required/)
  })

  const badTokens = [
    ['a space', `${TOKEN} ${TOKEN}`],
    ['a Bearer prefix', `Bearer ${TOKEN}`],
    ['a line break', `${TOKEN}\n${TOKEN}`],
    ['a carriage return', `${TOKEN}\r\nmore`],
    ['a tab', `${TOKEN}\tmore`],
    ['a non-ASCII character', `${TOKEN}é`],
    ['a non-breaking space', `${TOKEN}\u00a0x`],
    ['a NUL', `${TOKEN}\u0000x`],
    ['quotes', `"${TOKEN}"`],
    ['a backslash', `${TOKEN}\\x`],
    ['too few characters', 'Away'],
    ['15 characters', 'abcdefghijklmno'],
  ] as const

  it.each(badTokens)('refuses a token with %s without ever quoting it', (_what, token) => {
    const problem = onlyProblem({ token })
    expect(problem).toContain("Input 'token'")
    expect(problem).toContain("without 'Bearer ' or quotes")
    expect(problem).not.toContain(TOKEN)
    expect(problem).not.toContain(TOKEN.slice(0, 12))
    // Every run of the value's own characters, less the word the advice names.
    for (const piece of token.split(/[^\x21-\x7e]+/)) {
      if (piece.length >= 6 && piece !== 'Bearer') expect(problem).not.toContain(piece)
    }
  })

  it('never puts the token in any problem, even when every other input is wrong', () => {
    for (const [, token] of badTokens) {
      let caught: unknown
      try {
        parseInputs(
          reader({
            status: 'nope',
            duration: 'x',
            user: '..',
            token,
            'base-url': 'http://example.com',
            'body-format': 'xml',
            'fail-on-error': 'maybe',
          }),
        )
      } catch (error) {
        caught = error
      }
      expect(caught).toBeInstanceOf(InputError)
      const { problems, message, stack } = caught as InputError
      expect(problems).toHaveLength(7)
      for (const text of [...problems, message, stack ?? '']) {
        expect(text).not.toContain(TOKEN)
        expect(text).not.toContain(TOKEN.slice(0, 12))
      }
    }
  })

  it.each(['abcdefghijklmnop', 'ABC-_.~+/=0123456789xyz', TOKEN, 'x'.repeat(4096)])(
    'accepts a token of base64url and JWT characters %#',
    (token) => {
      expect(parse({ token }).settings.auth).toEqual({ kind: 'token', token })
    },
  )

  it('says what a token may hold, never what it held', () => {
    const problem = onlyProblem({ token: 'Available' })
    expect(problem).toBe(
      "Input 'token' is not an access token as Zoom issues them: pass the token alone, without 'Bearer ' or quotes (at least 16 letters, digits and - _ . ~ + / =).",
    )
  })
})

describe('parseInputs account credentials', () => {
  const CREDENTIALS = {
    'account-id': 'Qw3rTyUi0pAsDfGhJkL_zx',
    'client-id': 'Zx81cV7bN-mQ2wE4rT6yUi',
    'client-secret': 'p9O8i7U6y5T4r3E2w1Q0aSdFgHjKlZxC',
  }
  const withCredentials = (values: Inputs) => ({ status: 'Available', ...CREDENTIALS, ...values })

  it.each(['ME', 'Me', ' me '])('reads %j as me, sends me, and warns of it with account credentials', (user) => {
    const { settings, warnings } = parseInputs(reader(withCredentials({ user: `${user}, alice@example.com, me` })))
    expect(settings.users).toEqual(['me', 'alice@example.com'])
    expect(warnings).toEqual([expect.stringContaining("Input 'user' is 'me', which Zoom advises against")])
  })

  it('accepts the three credentials as Zoom issues them', () => {
    expect(parseInputs(reader(withCredentials({}))).settings.auth).toEqual({
      kind: 'account',
      accountId: CREDENTIALS['account-id'],
      clientId: CREDENTIALS['client-id'],
      clientSecret: CREDENTIALS['client-secret'],
      oauthUrl: 'https://zoom.us/oauth/token',
    })
  })

  it.each([
    ['account-id', 'Away'],
    ['client-id', `${CREDENTIALS['client-id']} x`],
    ['client-secret', `"${CREDENTIALS['client-secret']}"`],
    ['client-secret', `${CREDENTIALS['client-secret']}\\`],
  ])('refuses %s %j, naming the input and what it allows, never the value', (name, value) => {
    const problems = problemsOf({}, withCredentials({ [name]: value }))
    expect(problems).toEqual([
      `Input '${name}' is not a credential as Zoom issues them: pass the value alone, as the app's App Credentials page shows it (at least 16 letters, digits and - _ . ~ + / =).`,
    ])
  })
})

describe('parseInputs base-url', () => {
  it.each([
    ['https://api.zoom.us/v2', 'https://api.zoom.us/v2'],
    ['https://api.zoom.us/v2/', 'https://api.zoom.us/v2'],
    ['https://api.zoom.us/v2///', 'https://api.zoom.us/v2'],
    ['https://api.zoom.us', 'https://api.zoom.us'],
    ['https://api.zoomgov.com/v2', 'https://api.zoomgov.com/v2'],
    ['https://api-eu.zoom.us/v2/', 'https://api-eu.zoom.us/v2'],
    ['HTTPS://API.ZOOM.US/v2', 'https://api.zoom.us/v2'],
    ['https://api.zoom.us:443/v2', 'https://api.zoom.us/v2'],
    ['http://127.0.0.1', 'http://127.0.0.1'],
    ['http://127.0.0.1:8080/v2/', 'http://127.0.0.1:8080/v2'],
    ['http://localhost:3000/v2', 'http://localhost:3000/v2'],
    ['http://LOCALHOST:3000', 'http://localhost:3000'],
  ] as const)('accepts %j as %j', (value, expected) => {
    expect(parse({ 'base-url': value }).settings.baseUrl).toBe(expected)
  })

  it.each(['http://[::1]:8080/v2', 'https://[2001:db8::1]/v2'])(
    'refuses the IPv6 address %j before any request, which could not be reached',
    (value) => {
      expect(onlyProblem({ 'base-url': value })).toBe(
        `Input 'base-url' "${value}" names an IPv6 address, which the action cannot connect to (a host name, or 127.0.0.1, can be): use a URL such as https://api.zoom.us/v2 or https://api.zoomgov.com/v2.`,
      )
    },
  )

  const ALLOWED = 'https://api.zoom.us/v2 or https://api.zoomgov.com/v2'

  it.each(['api.zoom.us/v2', 'not a url', '/v2', 'https://', '://api.zoom.us'])('refuses %j as not a URL', (value) => {
    const problem = onlyProblem({ 'base-url': value })
    expect(problem).toContain("Input 'base-url'")
    expect(problem).toContain('not a URL')
    expect(problem).toContain(ALLOWED)
  })

  it.each([
    'http://api.zoom.us/v2',
    'http://example.com',
    'http://127.0.0.2',
    'http://localhost.example.com',
    'http://10.0.0.1/v2',
    'ftp://api.zoom.us/v2',
    'file:///etc/passwd',
    'ws://localhost/v2',
    'javascript:alert(1)',
  ])('refuses %j, which is not https (nor http to loopback)', (value) => {
    const problem = onlyProblem({ 'base-url': value })
    expect(problem).toContain("Input 'base-url'")
    expect(problem).toContain('must use https')
    expect(problem).toContain(ALLOWED)
  })

  it.each([
    'https://api.zoom.us/v2?x=1',
    'https://api.zoom.us/v2?',
    'https://api.zoom.us/v2#frag',
    'https://api.zoom.us/v2#',
    'http://127.0.0.1/v2?debug',
  ])('refuses %j, which has a query or fragment', (value) => {
    const problem = onlyProblem({ 'base-url': value })
    expect(problem).toContain("Input 'base-url'")
    expect(problem).toContain('must not have a query or fragment')
    expect(problem).toContain(ALLOWED)
  })

  it.each([
    'https://user:pass@api.zoom.us/v2',
    'https://user@api.zoom.us/v2',
    'https://:pass@api.zoom.us/v2',
    'http://u:p@localhost/v2',
  ])('refuses %j, which carries credentials', (value) => {
    const problem = onlyProblem({ 'base-url': value })
    expect(problem).toContain("Input 'base-url'")
    expect(problem).toContain('must not carry a user name or password')
  })

  // Doubtful behaviour: the refusal quotes the whole value, password included,
  // into the log. The token input is never quoted for the same reason.
  it('does not repeat a password found in base-url', () => {
    const problem = onlyProblem({ 'base-url': 'https://user:s3cr3t-pw@api.zoom.us/v2' })
    expect(problem).not.toContain('s3cr3t-pw')
  })
})

describe('parseInputs body-format', () => {
  it.each([
    ['multipart', 'multipart'],
    ['MULTIPART', 'multipart'],
    ['Multipart', 'multipart'],
    ['json', 'json'],
    ['JSON', 'json'],
    [' Json ', 'json'],
  ] as const)('reads %j as %s', (value, expected) => {
    expect(parse({ 'body-format': value }).settings.bodyFormat).toBe(expected)
  })

  it.each(['xml', 'form', 'multipart/form-data', 'application/json', 'jsonn'])(
    'refuses %j, naming the formats',
    (value) => {
      const problem = onlyProblem({ 'body-format': value })
      expect(problem).toContain("Input 'body-format'")
      expect(problem).toContain('multipart or json')
    },
  )
})

describe('parseInputs fail-on-error', () => {
  it.each(['true', 'True', 'TRUE', ' true '])('reads %j as true', (value) => {
    expect(parse({ 'fail-on-error': value }).settings.failOnError).toBe(true)
  })

  it.each(['false', 'False', 'FALSE', '\nfalse\n'])('reads %j as false', (value) => {
    expect(parse({ 'fail-on-error': value }).settings.failOnError).toBe(false)
  })

  it.each(['yes', 'no', '1', '0', 'on', 'off', 'tRUE', 'fAlse', 'y', 'truee'])(
    'refuses %j, naming the input and true or false',
    (value) => {
      const problem = onlyProblem({ 'fail-on-error': value })
      expect(problem).toContain("Input 'fail-on-error'")
      expect(problem).toContain(JSON.stringify(value))
      expect(problem).toContain('use true or false')
    },
  )
})

describe.each([
  ['timeout', 'timeoutMs', 90],
  ['request-timeout', 'requestTimeoutMs', 30],
] as const)('parseInputs %s', (input, setting, fallback) => {
  it(`is ${fallback} s when empty`, () => {
    expect(parse({}).settings[setting]).toBe(fallback * 1000)
    expect(parse({ [input]: '' }).settings[setting]).toBe(fallback * 1000)
    expect(parse({ [input]: '  ' }).settings[setting]).toBe(fallback * 1000)
  })

  it.each([
    ['1.5', 1_500],
    ['0.001', 1],
    [' 20 ', 20_000],
    ['3600', 3_600_000],
    ['0090', 90_000],
  ])('reads %j as %i ms', (value, ms) => {
    expect(parse({ [input]: value }).settings[setting]).toBe(ms)
  })

  it.each(['0', '0.0', '-1', '3601', '9999', 'abc', '1e3', '10s', '1.2345', '.5', 'Infinity'])(
    'refuses %j, naming the input and what it allows',
    (value) => {
      expect(onlyProblem({ [input]: value })).toBe(
        `Input '${input}' is ${JSON.stringify(value)}: use a number of seconds above 0 and at most 3600, such as ${fallback}.`,
      )
    },
  )
})

describe('parseInputs collects every problem', () => {
  it('throws one InputError naming each wrong input and what it allows', () => {
    const problems = problemsOf(
      {
        status: 'Sleeping',
        duration: '1441',
        user: '../admin',
        token: '',
        'base-url': 'http://api.zoom.us/v2',
        'body-format': 'yaml',
        'fail-on-error': 'sometimes',
      },
      {},
    )
    expect(problems).toHaveLength(7)
    const byInput = (name: string) => {
      const found = problems.filter((p) => p.includes(`Input '${name}'`))
      expect(found, name).toHaveLength(1)
      return found[0]!
    }
    expect(byInput('status')).toContain(STATUSES.join(', '))
    expect(byInput('duration')).toContain('from 1 to 1440')
    expect(byInput('user')).toContain("a Zoom user ID, an email address or 'me'")
    expect(byInput('token')).toContain('required')
    expect(byInput('base-url')).toContain('must use https')
    expect(byInput('body-format')).toContain('multipart or json')
    expect(byInput('fail-on-error')).toContain('true or false')
  })

  it('reports a missing status and a missing token together', () => {
    const problems = problemsOf({}, {})
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^Input 'status' is required/)
    expect(problems[1]).toMatch(/^Input 'token' is required/)
  })
})

describe('quote', () => {
  it('quotes on one line and cuts long values', () => {
    expect(quote('a\nb\r\n\tc')).toBe('"a b c"')
    expect(quote('x'.repeat(100), 10)).toBe(`"${'x'.repeat(10)}…"`)
    expect(quote('say "hi"')).toBe('"say \\"hi\\""')
  })
})
