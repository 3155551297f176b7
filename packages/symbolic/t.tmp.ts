import { taylor } from './src/index.js';
const time = (label: string, f: () => unknown, n = 5) => {
  f();
  const ts: number[] = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b);
  console.log(label, 'median', ts[n >> 1]!.toFixed(1), 'ms  min', ts[0]!.toFixed(1));
};
time('tan order 20', () => taylor('tan(x)', { about: 0, order: 20 }));
console.log(taylor('tan(x)', { about: 0, order: 20 }).terms.map(t => t.coefficient.toString()).join(' '));
time('exp order 60', () => taylor('exp(x)', { about: 0, order: 60 }), 3);
time('6-var order 6', () => taylor('exp(a+b+c+d+f+g)*sin(a*b)', { about: {a:0,b:0,c:0,d:0,f:0,g:0}, order: 6 }), 3);
for (const [s, o] of [['sin(x)/x', 6], ['(1-cos(x))/x^2', 6], ['x/(exp(x)-1)', 8], ['(exp(x)-1)/x', 5], ['log(1+x)', 6], ['sqrt(1+x)', 5], ['atan(x)', 7], ['1/x', 3], ['sqrt(x)', 3], ['log(x)', 3], ['abs(x)', 3], ['exp(sin(x))', 6]] as const) {
  try {
    const t0 = performance.now();
    const t = taylor(s, { about: 0, order: o });
    console.log(s, (performance.now() - t0).toFixed(1), 'ms', t.terms.map(t => t.coefficient.toString()).join(', '));
  } catch (e) { console.log(s, 'ERR', (e as Error).message); }
}
