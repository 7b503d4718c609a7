/**
 * Once a front end has reported, nothing it needs is left to do; yet a
 * connection Node cannot end may hold the process open: a proxy that
 * accepts CONNECT and never answers leaves the toolkit's tunnel waiting, with
 * no socket to time out or destroy. A job must not hang on it for hours.
 * The timer is unref'd: a process with nothing else left exits at once, as
 * usual, and one held open ends after `graceMs` with the exit code it has.
 */
export function exitIfLingering(graceMs = 1000): void {
  setTimeout(() => process.exit(), graceMs).unref()
}
