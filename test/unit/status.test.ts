import { describe, expect, it } from 'vitest'
import { parseStatus, STATUSES } from '../../src/status.js'

describe('parseStatus', () => {
  it('knows exactly the nine statuses Zoom lets a client set', () => {
    expect([...STATUSES].sort()).toEqual(
      [
        'Available',
        'Away',
        'Busy',
        'Do_Not_Disturb',
        'In_A_Zoom_Meeting',
        'In_Calendar_Event',
        'On_A_Call',
        'Out_of_Office',
        'Presenting',
      ].sort(),
    )
  })

  it.each(STATUSES)('accepts the canonical spelling %s', (status) => {
    expect(parseStatus(status)).toBe(status)
  })

  it.each(STATUSES)('accepts %s in lower, upper and mixed case', (status) => {
    expect(parseStatus(status.toLowerCase())).toBe(status)
    expect(parseStatus(status.toUpperCase())).toBe(status)
    const mixed = [...status].map((c, i) => (i % 2 ? c.toUpperCase() : c.toLowerCase())).join('')
    expect(parseStatus(mixed)).toBe(status)
  })

  it.each(STATUSES)('accepts %s with spaces or hyphens for underscores', (status) => {
    expect(parseStatus(status.replace(/_/g, ' '))).toBe(status)
    expect(parseStatus(status.replace(/_/g, '-'))).toBe(status)
  })

  it.each([
    ['do not disturb', 'Do_Not_Disturb'],
    ['Do Not Disturb', 'Do_Not_Disturb'],
    ['out-of-office', 'Out_of_Office'],
    ['OUT OF OFFICE', 'Out_of_Office'],
    ['in a zoom meeting', 'In_A_Zoom_Meeting'],
    ['on-a-call', 'On_A_Call'],
    ['in calendar event', 'In_Calendar_Event'],
    ['do  not   disturb', 'Do_Not_Disturb'],
    ['do - not - disturb', 'Do_Not_Disturb'],
    ['do\tnot\tdisturb', 'Do_Not_Disturb'],
  ] as const)('reads %j as %s', (input, expected) => {
    expect(parseStatus(input)).toBe(expected)
  })

  it.each(['dnd', 'DND', 'Dnd', ' dnd '])('reads %j as Do_Not_Disturb', (input) => {
    expect(parseStatus(input)).toBe('Do_Not_Disturb')
  })

  it.each(['Do_No_Disturb', 'do no disturb', 'DO-NO-DISTURB'])(
    "reads the spec enum's spelling %j as Do_Not_Disturb",
    (input) => {
      expect(parseStatus(input)).toBe('Do_Not_Disturb')
    },
  )

  it.each([
    ['  Available  ', 'Available'],
    ['\tBusy\n', 'Busy'],
    ['\n presenting \r\n', 'Presenting'],
  ] as const)('ignores surrounding whitespace in %j', (input, expected) => {
    expect(parseStatus(input)).toBe(expected)
  })

  it.each([
    '',
    ' ',
    '\n',
    'Offline',
    'In_A_Meeting',
    'In_A_Call',
    'In_A_Calendar_Event',
    'In_Meeting',
    'On_Phone_Call',
    'Availabl',
    'Available1',
    'Available!',
    'Do Not Disturb Please',
    'DoNotDisturb',
    'dnd2',
    'available,busy',
    '__proto__',
    'constructor',
    'toString',
    '_',
  ])('returns undefined for %j', (input) => {
    expect(parseStatus(input)).toBeUndefined()
  })
})
