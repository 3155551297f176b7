import { slopeProject } from '../../vitest.shared.js';

// The test files share no state, and each would otherwise import mathjs, chart.js and the
// canvas binding again through @slope/models and @slope/plot; one module graph is enough.
export default slopeProject('@slope/backprop', { isolate: false });
