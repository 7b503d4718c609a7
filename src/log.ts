/** Where the domain reports progress; the action and tests each supply one. */
export interface Log {
  info(message: string): void
  debug(message: string): void
  warning(message: string): void
}
