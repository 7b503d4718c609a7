#!/usr/bin/env node
import metadata from '../package.json' with { type: 'json' }
import { main } from './cli/main.js'
import { exitIfLingering } from './lingering.js'

// A reader that stops early (`| head`, a failing `jq`) closes the pipe: what
// is left to print has no one to read it, which is no failure of the update.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') process.exitCode = 1
  })
}

const code = await main({
  argv: process.argv.slice(2),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  version: metadata.version,
})
// A stream that failed otherwise has set 1 already.
process.exitCode ||= code
exitIfLingering()
