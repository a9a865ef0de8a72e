import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from './scripts/lib/chromium';

const PORT = Number(process.env.BACKCHECK_TEST_PORT ?? 4173);

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
		reuseExistingServer: !process.env.CI,
		timeout: 180_000
	}
});
