import type { StopReason } from '@slope/optim';

/**
 * Why a fit stopped: `@slope/optim`'s `StopReason`; the three tolerances mean success.
 *
 * @example
 * ```ts
 * const reason: FitReason = fitGaussian(x, y).reason; // e.g. 'value-tolerance'
 * ```
 */
export type FitReason = StopReason;
