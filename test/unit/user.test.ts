import { describe, expect, it } from 'vitest'
import { ME, userPathSegment, userProblem } from '../../src/user.js'
import { presenceUrl } from '../../src/zoom/request.js'

const IDS = ['KDcuGIm1QgePTO8WbOqwIQ', 'abc-DEF_123', 'A', '0', '-_-', 'z'.repeat(254)]
const EMAILS = [
  'alice@example.com',
  'Bob.Smith+zoom@corp.example.co.uk',
  'a/b@example.com',
  'odd?name@example.com',
  'hash#tag@example.com',
  'per%cent@example.com',
  'per%2Fcent@example.com',
  '..@..',
  '.@.',
  'back\\slash@example.com',
  'x@y',
  'üñî@例え.jp',
  "o'neil@example.com",
  'semi;colon@example.com',
  'a&b=c@example.com',
  'brackets[0]@example.com',
  'pipe|caret^tick`@example.com',
  '%2e%2e@example.com',
]

describe('userProblem', () => {
  it('accepts me, the default user', () => {
    expect(ME).toBe('me')
    expect(userProblem('me')).toBeUndefined()
  })

  it.each(IDS)('accepts the user ID %j', (id) => {
    expect(userProblem(id)).toBeUndefined()
  })

  it.each(EMAILS)('accepts the email %j', (email) => {
    expect(userProblem(email)).toBeUndefined()
  })

  it.each(['.', '..', '...', './..', '%2e', '%2e%2e', '.%2e'])('refuses the path step %j', (user) => {
    expect(userProblem(user)).toMatch(/neither a Zoom user ID .* nor an email address/)
  })

  it.each([
    'a/b',
    '/',
    '../admin',
    'me/../../accounts',
    'a\\b',
    'me?x=1',
    '?',
    'me#frag',
    '#',
    'a%2Fb',
    '%',
    'name with spaces',
    ' ',
    '',
    'a@b@c',
    '@example.com',
    'alice@',
    '@',
    'alice @example.com',
    'alice@exa mple.com',
    'alice@\u00a0example.com',
    'a.b',
  ])('refuses %j, which is neither an ID nor an email', (user) => {
    expect(userProblem(user)).toBe('is neither a Zoom user ID (letters, digits, - and _) nor an email address')
  })

  it.each([
    ['NUL', 'a\u0000b'],
    ['tab', 'alice\t@example.com'],
    ['line feed', 'alice@example.com\n'],
    ['carriage return', 'me\r'],
    ['escape', '\u001b[31malice@example.com'],
    ['delete', 'alice\u007f@example.com'],
    ['unit separator', 'abc\u001fdef'],
  ])('refuses a %s as a control character', (_name, user) => {
    expect(userProblem(user)).toBe('contains a control character')
  })

  it('accepts 254 characters and refuses 255, saying how long it is', () => {
    const at254 = `${'a'.repeat(254 - '@example.com'.length)}@example.com`
    expect(at254).toHaveLength(254)
    expect(userProblem(at254)).toBeUndefined()
    expect(userProblem('a'.repeat(254))).toBeUndefined()

    const at255 = `a${at254}`
    expect(userProblem(at255)).toBe('is 255 characters long, more than 254')
    expect(userProblem('a'.repeat(10_000))).toBe('is 10000 characters long, more than 254')
  })

  it('reports length before anything else', () => {
    expect(userProblem('\u0000'.repeat(300))).toMatch(/^is 300 characters long/)
  })
})

describe('userPathSegment', () => {
  it('keeps IDs, me and plain emails as they are, @ included', () => {
    expect(userPathSegment('me')).toBe('me')
    expect(userPathSegment('KDcuGIm1QgePTO8WbOqwIQ')).toBe('KDcuGIm1QgePTO8WbOqwIQ')
    expect(userPathSegment('abc-DEF_123')).toBe('abc-DEF_123')
    expect(userPathSegment('alice@example.com')).toBe('alice@example.com')
    expect(userPathSegment('alice@example.com')).not.toContain('%40')
  })

  it.each([
    ['a/b@example.com', 'a%2Fb@example.com'],
    ['odd?name@example.com', 'odd%3Fname@example.com'],
    ['hash#tag@example.com', 'hash%23tag@example.com'],
    ['per%cent@example.com', 'per%25cent@example.com'],
    ['%2e%2e@example.com', '%252e%252e@example.com'],
    ['back\\slash@example.com', 'back%5Cslash@example.com'],
    ['bob+zoom@example.com', 'bob%2Bzoom@example.com'],
    ['a&b=c@example.com', 'a%26b%3Dc@example.com'],
    ['semi;colon@example.com', 'semi%3Bcolon@example.com'],
  ])('encodes %j as %j', (user, segment) => {
    expect(userPathSegment(user)).toBe(segment)
  })

  // Bug: userProblem accepts a lone UTF-16 surrogate (it is neither a space nor
  // a control character), but encodeURIComponent throws URIError on it, so
  // updatePresence rejects instead of returning a result.
  it('can encode every user that userProblem accepts, even one with a lone surrogate', () => {
    for (const user of ['\uD800@example.com', 'a\uDFFFb@example.com']) {
      const accepted = userProblem(user) === undefined
      let encodes = true
      try {
        userPathSegment(user)
      } catch {
        encodes = false
      }
      expect(!accepted || encodes, JSON.stringify(user)).toBe(true)
    }
  })

  it.each(EMAILS.concat(IDS, ['me']))('encodes %j so that it decodes back unchanged', (user) => {
    const segment = userPathSegment(user)
    expect(segment).not.toMatch(/[/?#\\]/)
    expect(decodeURIComponent(segment)).toBe(user)
  })
})

describe('presenceUrl', () => {
  const BASES = [
    ['https://api.zoom.us/v2', '/v2'],
    ['https://api-eu.zoom.us/v2', '/v2'],
    ['https://api.zoomgov.com/v2', '/v2'],
    ['http://127.0.0.1:8080', ''],
    ['http://localhost:9000/proxy/zoom/v2', '/proxy/zoom/v2'],
  ] as const

  const accepted = ['me', ...IDS, ...EMAILS]

  it('only uses users that userProblem accepts', () => {
    for (const user of accepted) expect(userProblem(user), user).toBeUndefined()
  })

  for (const [base, basePath] of BASES) {
    it.each(accepted)(`keeps %j to one path segment under ${base}`, (user) => {
      const url = new URL(presenceUrl(base, user))
      expect(url.origin).toBe(new URL(base).origin)
      expect(url.search).toBe('')
      expect(url.hash).toBe('')
      expect(url.username).toBe('')
      expect(url.pathname.startsWith(`${basePath}/users/`)).toBe(true)
      expect(url.pathname.endsWith('/presence_status')).toBe(true)
      const segment = url.pathname.slice(`${basePath}/users/`.length, -'/presence_status'.length)
      expect(segment).not.toContain('/')
      expect(decodeURIComponent(segment)).toBe(user)
    })
  }

  it('builds the documented URL for the default base', () => {
    expect(presenceUrl('https://api.zoom.us/v2', 'me')).toBe('https://api.zoom.us/v2/users/me/presence_status')
    expect(presenceUrl('https://api.zoom.us/v2', 'bob+x/y@example.com')).toBe(
      'https://api.zoom.us/v2/users/bob%2Bx%2Fy@example.com/presence_status',
    )
  })
})
