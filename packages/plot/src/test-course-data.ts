/** The course's heights histogram (COURSE.md §2.4): 100 bins of width 2.5 cm, density per cm. */
const RAW = [0.031, 0.013, 0.023, 0.064, 0.065, 0.126, 0.132, 0.127, 0.113, 0.091, 0.105, 0.05, 0.018, 0.018, 0.018, 0.001, 0];
const WIDTH = 2.5;
const total = RAW.reduce((a, b) => a + b, 0);

export const courseCenters = Array.from({ length: 100 }, (_, i) => 51.25 + WIDTH * i);
export const courseHeights = courseCenters.map((c) => {
  const bin = Math.round((c - 161.25) / WIDTH);
  return bin >= 0 && bin < RAW.length ? (RAW[bin] as number) / (total * WIDTH) : 0;
});

export function gaussian(mu: number, sigma: number): (x: number) => number {
  return (x) => Math.exp(-((x - mu) ** 2) / (2 * sigma ** 2)) / (sigma * Math.sqrt(2 * Math.PI));
}

export function chiSquared(mu: number, sigma: number): number {
  const f = gaussian(mu, sigma);
  return courseCenters.reduce((sum, x, i) => sum + ((courseHeights[i] as number) - f(x)) ** 2, 0);
}
