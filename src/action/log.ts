import * as core from '@actions/core'
import { type Log, redactor } from '../log.js'

export interface ActionLog extends Log {
  /** Masks a secret in the runner's log and in everything logged from now on. */
  addSecret(secret: string): void
  redact(text: string): string
}

/**
 * Logs through the toolkit with every known secret blanked out, so even a
 * secret the runner failed to mask, or one quoted back by a server, never
 * reaches the log.
 */
export function actionLog(): ActionLog {
  const secrets: string[] = []
  const redact = redactor(secrets)
  return {
    addSecret(secret) {
      if (!secret || secrets.includes(secret)) return
      core.setSecret(secret)
      secrets.push(secret)
    },
    redact,
    info: (m) => core.info(redact(m)),
    debug: (m) => core.debug(redact(m)),
    warning: (m) => core.warning(redact(m)),
  }
}
