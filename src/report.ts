import type { Result } from './update.js'

/** The action's outputs for a finished run; every name is part of the public interface. */
export function outputsFor(results: Result[], status: string, message: string): Record<string, string> {
  // With several users, the first failure is the one worth reading.
  const first = results.find((r) => !r.ok) ?? results[0]
  return {
    status,
    'http-status': first?.httpStatus != null ? String(first.httpStatus) : '',
    'zoom-code': first?.zoomCode != null ? String(first.zoomCode) : '',
    message,
    results: JSON.stringify(results.map(publicResult)),
    'previous-status': results[0]?.previousStatus ?? '',
  }
}

/** A result as the `results` output lists it, without what only the run itself needs. */
export function publicResult({ unread: _, mayHaveLanded: __, ...result }: Result): Result {
  return result
}

/** The one-line result for the `message` output and the log. */
export function overallMessage(results: Result[], dryRun = false): string {
  const failed = results.filter((r) => !r.ok)
  if (results.length === 1 && results[0]) return results[0].message
  if (dryRun)
    return `Dry run: would set the presence of ${results.length} users to ${results[0]?.status}; nothing was sent.`
  if (failed.length === 0) return `Updated the presence of ${results.length} users.`
  const names = (some: Result[]) => some.map((r) => r.user).join(', ')
  // A user whose status could not be read was never sent an update.
  const unread = failed.filter((r) => r.unread)
  const updateFailed = failed.filter((r) => !r.unread)
  const counts = [
    ...(unread.length > 0
      ? [`${unread.length} of ${results.length} users could not be read, so were not changed (${names(unread)})`]
      : []),
    ...(updateFailed.length > 0
      ? [`${updateFailed.length} of ${results.length - unread.length} updates failed (${names(updateFailed)})`]
      : []),
    `${results.length - failed.length} succeeded`,
  ]
  const reasons = new Set(failed.map((r) => r.message))
  // One cause for all, such as a bad token, is said once.
  const why = reasons.size === 1 ? [...reasons][0] : failed.map((r) => `${r.user}: ${r.message}`).join(' ')
  return `${counts.join('; ')}. ${why}`
}

export type Cell = string | { data: string; header: true }

/** The job summary's table: one row per user, HTML-escaped. */
export function summaryRows(results: Result[], dryRun = false): Cell[][] {
  const header: Cell[] = ['User', 'Status', 'Result', 'Explanation'].map((data) => ({ data, header: true }))
  const rows = results.map((r) => [
    escapeHtml(r.user),
    escapeHtml(r.status),
    dryRun
      ? '🔍 dry run, not sent'
      : r.ok
        ? '✅ updated'
        : `❌ failed${r.httpStatus != null ? ` (HTTP ${r.httpStatus})` : ''}`,
    r.ok ? '—' : escapeHtml(r.message),
  ])
  return [header, ...rows]
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"'|]/g, (c) => `&#${c.charCodeAt(0)};`)
}
