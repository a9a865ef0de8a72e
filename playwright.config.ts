import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './scripts/lib/chromium';
import { freePortSync } from './scripts/lib/free-port';

// The test server gets a port of its own: BACKCHECK_TEST_PORT when given, otherwise a free one, so `npm test`
// runs beside `npm start` (4173) or another test run. Set in the environment here, once: the test workers,
// started later as child processes, load this file again and must see the same port.
process.env.BACKCHECK_TEST_PORT ||= String(freePortSync());
const PORT = Number(process.env.BACKCHECK_TEST_PORT);

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: process.env.BACKCHECK_TEST_OUTPUT ?? 'test-results',
	globalSetup: './tests/e2e/global-setup.ts',
	// Two cores: one browser at a time keeps inference timings sane and the suite predictable.
	workers: 1,
	fullyParallel: false,
	retries: process.env.CI ? 1 : 0,
	timeout: 90_000,
	expect: { timeout: 20_000 },
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://127.0.0.1:${PORT}`,
		browserName: 'chromium',
		launchOptions: chromiumLaunch(),
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure'
	},
	webServer: {
		command: `node node_modules/tsx/dist/cli.mjs scripts/serve.ts --port ${PORT}`,
		url: `http://127.0.0.1:${PORT}`,
		// Never test against a server that is already there (someone's `npm start`, another checkout's build):
		// a port in use is an error that names it.
		reuseExistingServer: false,
		timeout: 180_000
	}
});
