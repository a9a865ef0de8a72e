/**
 * The extension coach (issue 4): exercise trackers, camera placement, get-ready countdown, cue
 * scheduler and the end-of-set summary. Pure TypeScript, timestamp driven, no DOM.
 */
export * from './types';
export { createTracker, type TrackerOptions } from './trackers';
export { createCobraTracker, COBRA_DEFAULTS, type CobraOptions } from './cobra';
export { createBackExtensionTracker, BACK_EXTENSION_DEFAULTS, type BackExtensionOptions } from './back-extension';
export { createHangTracker, HANG_DEFAULTS, type HangOptions } from './hang';
export { createSphinxTracker, SPHINX_DEFAULTS, type SphinxOptions } from './sphinx';
export { checkPlacement, PLACEMENT_NEEDS } from './placement';
export { createCountdown, type Countdown } from './countdown';
export { createCueScheduler, DEFAULT_CUE_OPTIONS, type CueScheduler, type CueSchedulerOptions } from './cues';
export { summarizeSet } from './summary';
export { createCoachSession, type CoachSession, type CoachSessionOptions } from './session';
