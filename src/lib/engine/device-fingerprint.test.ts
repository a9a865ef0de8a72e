import { describe, expect, it } from 'vitest';
import { fingerprintOf } from './device-fingerprint';

const UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const SWIFTSHADER = 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)';

describe('fingerprintOf', () => {
	it('is the same for the same browser and GPU, and changes when either changes', () => {
		const a = fingerprintOf(UA, 'Google Inc. (Google)', SWIFTSHADER);
		expect(a).toMatch(/^[0-9a-f]{8}$/);
		expect(fingerprintOf(UA, 'Google Inc. (Google)', SWIFTSHADER)).toBe(a);
		expect(fingerprintOf(UA.replace('156', '157'), 'Google Inc. (Google)', SWIFTSHADER)).not.toBe(a);
		expect(fingerprintOf(UA, 'Google Inc. (Intel)', 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620 (KBL GT2), OpenGL 4.6)')).not.toBe(a);
		// The fields cannot run into each other.
		expect(fingerprintOf('ab', 'c', 'd')).not.toBe(fingerprintOf('a', 'bc', 'd'));
	});
});
