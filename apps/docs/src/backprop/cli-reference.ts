/**
 * What the backprop CLI's report.json says for `--seed 0 --iterations 2000` (the other options
 * at their defaults: aggression 7, noise 1, hidden 6,7): written here as data, from a run of
 * `node apps/backprop/dist/main.js --iterations 2000 --seed 0`. The site's trainer must give
 * this cost to the last bit, in Node (backprop.test.ts) and in Chromium (site.test.ts): the
 * same seed and settings are the same run in the terminal and in the browser.
 */
export const CLI_REPORT_SEED0_2000 = {
  settings: { seed: 0, hidden: [6, 7], aggression: 7, noise: 1, iterations: 2000 },
  updates: 2001,
  finalCost: 0.0060314128444671974,
} as const;
