/** Where the domain reports progress; the action and tests each supply one. */
export interface Log {
  info(message: string): void
  debug(message: string): void
  warning(message: string): void
}

/**
 * Replaces every known secret in a text with ***, also as JSON writes it
 * with `/` escaped. The list is read on each call, so secrets added later
 * count too; the longest go first, so one inside another leaves no piece.
 */
export function redactor(secrets: string[]): (text: string) => string {
  return (text) =>
    secrets
      .filter(Boolean)
      .flatMap((s) => (s.includes('/') ? [s, s.replaceAll('/', '\\/')] : [s]))
      .sort((a, b) => b.length - a.length)
      .reduce((t, s) => t.split(s).join('***'), text)
}
