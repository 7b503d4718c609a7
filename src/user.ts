import { hasLoneSurrogate } from './text.js'

/** `me` is the token's own user; account-level apps name users instead. */
export const ME = 'me'

// A Zoom user ID is URL-safe base64; an email is anything@anything without
// spaces. Both forms keep a value from being `.` or `..`, which a URL parser
// would resolve as a path step whether or not it is percent-encoded.
const USER_ID = /^[A-Za-z0-9_-]+$/
const EMAIL = /^[^\s@]+@[^\s@]+$/
const MAX_LENGTH = 254

/** Why `user` cannot name a Zoom user, or undefined when it can. */
export function userProblem(user: string): string | undefined {
  if (user.length > MAX_LENGTH) return `is ${user.length} characters long, more than ${MAX_LENGTH}`
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it looks for
  if (/[\u0000-\u001f\u007f]/.test(user)) return 'contains a control character'
  // A lone UTF-16 surrogate cannot be percent-encoded.
  if (hasLoneSurrogate(user)) return 'contains an invalid character'
  if (USER_ID.test(user) || EMAIL.test(user)) return undefined
  return 'is neither a Zoom user ID (letters, digits, - and _) nor an email address'
}

/** The user as one path segment: nothing in it can change the path. */
export function userPathSegment(user: string): string {
  return encodeURIComponent(user).replace(/%40/g, '@')
}
