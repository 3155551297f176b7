import { slopeProject } from '../../vitest.shared.js';

// The browser tests start Chromium and a static server over the built site, so they need
// generous hook and test timeouts on a shared 2-core machine. expect.poll waits for what the
// page does next (a dip animating, a worker's answer); its default of 1 s fails under load
// though nothing is wrong (a sandpit click took longer in CI), so it waits up to 15 s.
export default slopeProject('@slope/docs', { testTimeout: 60000, hookTimeout: 120000, expect: { poll: { timeout: 15000 } } });
