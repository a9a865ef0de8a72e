/**
 * The person's settings, kept in localStorage. Pure parsing and defaults live here (tested in Node); anything
 * unreadable is replaced by defaults and reported, never thrown into the UI.
 */
import type { NudgeStyle } from '$lib/nudge/types';
import type { PoseDelegate, PoseModel } from '$lib/pose/types';
import { parseEngineProfile, type EngineProfile } from './engine-profile';

export type Sensitivity = 'gentle' | 'normal' | 'keen';

export interface Settings {
	version: 1;
	/** The first-run walkthrough was completed (safety notice read, camera and nudge style chosen). */
	onboarded: boolean;
	acceptedSafetyNotice: boolean;
	cameraId: string;
	/** null = pick automatically from measured speed. */
	model: PoseModel | null;
	/** The model the automatic pick chose, the speed it measured, and the delegate it runs on. */
	autoModel: { model: PoseModel; medianMs: number; delegate?: PoseDelegate } | null;
	/** Speeds measured on this device, per model and delegate (see engine-profile.ts). */
	engineProfile: EngineProfile | null;
	nudgeStyles: NudgeStyle[];
	sensitivity: Sensitivity;
	maxNudgesPerHour: number;
	voiceCues: boolean;
	/** Has a pull-up bar (else the hang uses a towel over something sturdy). */
	hasBar: boolean;
	/** Serialised calibrations keyed by camera setup. */
	calibrations: Record<string, string>;
}

export const DEFAULT_SETTINGS: Settings = {
	version: 1,
	onboarded: false,
	acceptedSafetyNotice: false,
	cameraId: '',
	model: null,
	autoModel: null,
	engineProfile: null,
	nudgeStyles: ['banner'],
	sensitivity: 'normal',
	maxNudgesPerHour: 4,
	voiceCues: false,
	hasBar: false,
	calibrations: {}
};

const STYLES: readonly NudgeStyle[] = ['banner', 'sound', 'voice', 'notification'];
const MODELS: readonly PoseModel[] = ['lite', 'full', 'heavy'];

export interface ParsedSettings {
	settings: Settings;
	/** Set when stored settings could not be read as they were: what was reset. */
	problem: string | null;
}

/** Reads stored settings field by field: a bad field falls back to its default, the rest is kept. */
export function parseSettings(stored: string | null): ParsedSettings {
	if (stored === null) return { settings: structuredClone(DEFAULT_SETTINGS), problem: null };
	let raw: unknown;
	try {
		raw = JSON.parse(stored);
	} catch {
		return { settings: structuredClone(DEFAULT_SETTINGS), problem: 'Your saved settings were unreadable and have been reset.' };
	}
	if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
		return { settings: structuredClone(DEFAULT_SETTINGS), problem: 'Your saved settings were unreadable and have been reset.' };
	}
	const r = raw as Record<string, unknown>;
	const s = structuredClone(DEFAULT_SETTINGS);
	const bad: string[] = [];
	const bool = (k: 'onboarded' | 'acceptedSafetyNotice' | 'voiceCues' | 'hasBar') => {
		if (r[k] === undefined) return;
		if (typeof r[k] === 'boolean') s[k] = r[k] as boolean;
		else bad.push(k);
	};
	bool('onboarded');
	bool('acceptedSafetyNotice');
	bool('voiceCues');
	bool('hasBar');
	if (typeof r.cameraId === 'string') s.cameraId = r.cameraId;
	else if (r.cameraId !== undefined) bad.push('cameraId');
	if (r.model === null || MODELS.includes(r.model as PoseModel)) s.model = (r.model as PoseModel | null) ?? null;
	else if (r.model !== undefined) bad.push('model');
	const auto = r.autoModel as { model?: unknown; medianMs?: unknown; delegate?: unknown } | null | undefined;
	if (auto && MODELS.includes(auto.model as PoseModel) && typeof auto.medianMs === 'number' && Number.isFinite(auto.medianMs) && (auto.delegate === undefined || auto.delegate === 'CPU' || auto.delegate === 'GPU')) {
		s.autoModel = { model: auto.model as PoseModel, medianMs: auto.medianMs };
		if (auto.delegate) s.autoModel.delegate = auto.delegate as PoseDelegate;
	} else if (auto !== undefined && auto !== null) bad.push('autoModel');
	const profile = parseEngineProfile(r.engineProfile);
	if (profile === 'bad') bad.push('engineProfile');
	else s.engineProfile = profile;
	if (Array.isArray(r.nudgeStyles) && r.nudgeStyles.every((x) => STYLES.includes(x as NudgeStyle))) {
		s.nudgeStyles = [...new Set(r.nudgeStyles as NudgeStyle[])];
	} else if (r.nudgeStyles !== undefined) bad.push('nudgeStyles');
	if (r.sensitivity === 'gentle' || r.sensitivity === 'normal' || r.sensitivity === 'keen') s.sensitivity = r.sensitivity;
	else if (r.sensitivity !== undefined) bad.push('sensitivity');
	if (typeof r.maxNudgesPerHour === 'number' && Number.isInteger(r.maxNudgesPerHour) && r.maxNudgesPerHour >= 1 && r.maxNudgesPerHour <= 30) {
		s.maxNudgesPerHour = r.maxNudgesPerHour;
	} else if (r.maxNudgesPerHour !== undefined) bad.push('maxNudgesPerHour');
	if (typeof r.calibrations === 'object' && r.calibrations !== null && !Array.isArray(r.calibrations)) {
		for (const [k, v] of Object.entries(r.calibrations)) if (typeof v === 'string') s.calibrations[k] = v;
	} else if (r.calibrations !== undefined) bad.push('calibrations');
	return { settings: s, problem: bad.length ? `Some saved settings were damaged and were reset to defaults (${bad.join(', ')}).` : null };
}

/** How long a slouch or flexion must last before a nudge, by sensitivity. */
export function sensitivityScale(s: Sensitivity): number {
	return s === 'gentle' ? 2 : s === 'keen' ? 0.5 : 1;
}
