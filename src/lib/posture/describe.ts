/** Words for each posture state, with a symbol and a tone, so that state is never told by colour alone. */
import type { PostureLabel } from './types';

export type Tone = 'good' | 'caution' | 'stretch' | 'neutral';

export const POSTURE_WORDS: Record<PostureLabel | 'away', { title: string; symbol: string; tone: Tone; hint: string }> = {
	upright: { title: 'Upright', symbol: '✓', tone: 'good', hint: 'Nicely tall.' },
	slouched: { title: 'Slouched', symbol: '!', tone: 'caution', hint: 'Rounded back or forward head.' },
	hands_on_knees: { title: 'Hands on knees', symbol: '!', tone: 'caution', hint: 'A flexed rest, hard on a loosened back.' },
	forward_fold: { title: 'Forward fold', symbol: '!', tone: 'caution', hint: 'Toe touch: flexion on a loose back.' },
	cobra: { title: 'Cobra', symbol: '↑', tone: 'stretch', hint: 'Extension: good for a loose back.' },
	sphinx: { title: 'Prone on elbows', symbol: '↑', tone: 'stretch', hint: 'Gentle extension; stay a while.' },
	back_extension: { title: 'Back extension', symbol: '↑', tone: 'stretch', hint: 'Hands on the lower back, lean back slowly.' },
	hanging: { title: 'Hanging', symbol: '↑', tone: 'stretch', hint: 'Decompression: grip and relax.' },
	other: { title: 'Moving', symbol: '•', tone: 'neutral', hint: 'Nothing to flag.' },
	unknown: { title: 'Not sure', symbol: '?', tone: 'neutral', hint: 'Not enough of you is visible to tell.' },
	away: { title: 'Away', symbol: '–', tone: 'neutral', hint: 'Nobody in view; watching resumes when you are back.' }
};
