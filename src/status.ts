/** The statuses Zoom lets an API client set, spelled as Zoom expects them. */
export const STATUSES = [
  'Available',
  'Away',
  'Do_Not_Disturb',
  'In_Calendar_Event',
  'Presenting',
  'In_A_Zoom_Meeting',
  'On_A_Call',
  'Out_of_Office',
  'Busy',
] as const

export type Status = (typeof STATUSES)[number]

const byKey = new Map<string, Status>(STATUSES.map((s) => [s.toLowerCase(), s]))
// `Do_No_Disturb` is the spelling in the enum of Zoom's own spec.
byKey.set('dnd', 'Do_Not_Disturb')
byKey.set('do_no_disturb', 'Do_Not_Disturb')

/**
 * The canonical status for what a workflow author typed: any case, with
 * spaces or hyphens for underscores. Undefined when it is none of them.
 */
export function parseStatus(value: string): Status | undefined {
  const key = value
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_')
  return byKey.get(key)
}
