import * as core from '@actions/core'
import { post, run } from './action/main.js'
import { exitIfLingering } from './lingering.js'

// One bundle serves both steps: the main step leaves a mark in its state,
// and the post step, which receives that state, sees it.
try {
  if (core.getState('isPost')) {
    await post()
  } else {
    core.saveState('isPost', 'true')
    await run()
  }
} catch (error) {
  // Only the runner's own files can fail out here (a state or output file
  // that cannot be written): one line, never a stack trace.
  core.setFailed(`The action failed unexpectedly: ${error instanceof Error ? error.message : String(error)}`)
}
exitIfLingering()
