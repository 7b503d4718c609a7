/**
 * Stands in for the `@actions/exec` package (and with it `@actions/io`) in
 * the bundle: tsconfig.json's `paths` sends `import ... from '@actions/exec'`
 * here, and ncc follows `paths`.
 *
 * @actions/core imports @actions/exec for one function, `core.platform.getDetails()`,
 * which runs `lsb_release`, `sw_vers` or PowerShell to name the runner's OS.
 * Nothing in this action reads `core.platform`; every other part of
 * @actions/core (inputs, outputs, masking, logging, the job summary) is
 * bundled as it is. The two packages made up 45 KiB of the bundle.
 *
 * Should a later change call `core.platform.getDetails()`, it fails here, loudly.
 */
export function getExecOutput(): never {
  throw new Error(
    "zoom-presence's bundle leaves out @actions/exec: core.platform.getDetails() is not available (see src/stubs/actions-exec.ts)",
  )
}
