/** A small seeded PRNG (mulberry32) and the draws the simulation needs; same seed, same run. */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  exponential(mean: number): number;
  /** Log-normal with the given mean and coefficient of variation. */
  logNormal(mean: number, cv: number): number;
}

export function createRng(seed: number): Rng {
  let state = seed >>> 0 || 0x9e3779b9;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = (): number => {
    // Box–Muller; 1 - u keeps the log away from zero.
    const u = 1 - next();
    const v = next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  return {
    next,
    exponential: (mean) => -mean * Math.log(1 - next()),
    logNormal: (mean, cv) => {
      const sigma2 = Math.log(1 + cv * cv);
      const mu = Math.log(mean) - sigma2 / 2;
      return Math.exp(mu + Math.sqrt(sigma2) * normal());
    },
  };
}
