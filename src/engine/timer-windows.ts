// The 64×T1 window a SIP transaction timer runs for, and how the timer notes write a duration:
// shared by the timer analyses so each measures and words a gap the same way.

export const SECOND = 1000;
/** 64×T1 with RFC 3261 defaults; IMS (T1 = 2 s) gives 128 s. Either is accepted. */
const WINDOWS = [32 * SECOND, 128 * SECOND];
export const near = (ms: number) => WINDOWS.some((w) => Math.abs(ms - w) <= Math.max(3 * SECOND, w * 0.1));
export const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
