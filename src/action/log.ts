import * as core from '@actions/core'
import type { Log } from '../log.js'

/**
 * Registers each secret with the runner, then logs through the toolkit with
 * every secret blanked out, so even a secret the runner failed to mask, or one
 * quoted back by a server, never reaches the log.
 */
export function actionLog(secrets: string[]): Log & { redact(text: string): string } {
  const known = secrets.filter((s) => s.length > 0)
  for (const secret of known) core.setSecret(secret)
  const redact = (text: string) => known.reduce((t, s) => t.split(s).join('***'), text)
  return {
    redact,
    info: (m) => core.info(redact(m)),
    debug: (m) => core.debug(redact(m)),
    warning: (m) => core.warning(redact(m)),
  }
}
