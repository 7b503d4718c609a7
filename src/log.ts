/** Where the domain reports progress; the action and tests each supply one. */
export interface Log {
  info(message: string): void
  debug(message: string): void
  warning(message: string): void
}

/** Replaces every known secret in a text with ***. */
export function redactor(secrets: string[]): (text: string) => string {
  return (text) => secrets.reduce((t, s) => (s ? t.split(s).join('***') : t), text)
}
