import { slopeProject } from '../../vitest.shared.js';

// The test files share no state, and every one imports the whole app (chart.js, mathjs via
// @slope/models); reusing one module graph keeps the suite's import time down on 2 cores.
export default slopeProject('@slope/fit-heights', { isolate: false });
