import * as core from '@actions/core'
import { post, run } from './action/main.js'
import { exitIfLingering } from './lingering.js'

// One bundle serves both steps: the main step leaves a mark in its state,
// and the post step, which receives that state, sees it.
if (core.getState('isPost')) {
  await post()
} else {
  core.saveState('isPost', 'true')
  await run()
}
exitIfLingering()
