/**
 * How a nudge reaches the person, in the styles they chose: the banner is the page's job; sound, voice and a
 * system notification happen here. Calm by design: a soft two-note chime, a normal speaking rate, and a
 * notification only when the page is not in front (or when it is the only style chosen).
 */
import type { Nudge, NudgeStyle } from './types';

let audio: AudioContext | null = null;

/** A soft descending two-note chime, synthesised (no audio file to fetch). */
export function chime(): void {
	try {
		audio ??= new AudioContext();
		const now = audio.currentTime;
		for (const [i, freq] of [659.25, 523.25].entries()) {
			const osc = audio.createOscillator();
			const gain = audio.createGain();
			osc.type = 'sine';
			osc.frequency.value = freq;
			gain.gain.setValueAtTime(0, now + i * 0.25);
			gain.gain.linearRampToValueAtTime(0.12, now + i * 0.25 + 0.03);
			gain.gain.exponentialRampToValueAtTime(0.0001, now + i * 0.25 + 0.6);
			osc.connect(gain).connect(audio.destination);
			osc.start(now + i * 0.25);
			osc.stop(now + i * 0.25 + 0.65);
		}
	} catch {
		/* audio blocked until a user gesture: the banner still shows */
	}
}

export function speak(text: string): void {
	if (typeof speechSynthesis === 'undefined') return;
	speechSynthesis.cancel();
	const u = new SpeechSynthesisUtterance(text);
	u.rate = 1;
	u.pitch = 1;
	speechSynthesis.speak(u);
}

export async function requestNotifications(): Promise<NotificationPermission | 'unsupported'> {
	if (typeof Notification === 'undefined') return 'unsupported';
	if (Notification.permission !== 'default') return Notification.permission;
	return Notification.requestPermission();
}

export function deliverNudge(nudge: Nudge, styles: readonly NudgeStyle[]): void {
	if (styles.includes('sound')) chime();
	if (styles.includes('voice')) speak(nudge.message);
	const hidden = typeof document !== 'undefined' && document.visibilityState === 'hidden';
	if (styles.includes('notification') && typeof Notification !== 'undefined' && Notification.permission === 'granted' && (hidden || styles.length === 1)) {
		new Notification('Backcheck', { body: nudge.message, tag: 'backcheck-nudge', silent: !styles.includes('sound') });
	}
}
