import { slopeProject } from '../../vitest.shared.js';

// The browser tests start Chromium and a static server over the built site, so they need
// generous hook and test timeouts on a shared 2-core machine.
export default slopeProject('@slope/docs', { testTimeout: 60000, hookTimeout: 120000 });
