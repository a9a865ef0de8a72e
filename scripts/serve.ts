/**
 * Builds the app if its sources changed, then serves it on 127.0.0.1 (used by `npm start` and the e2e tests).
 * `--port N` (the last one given wins, so `npm start -- --port 4180` overrides the default); `--port 0` takes any
 * free port and prints it.
 */
import { ensureBuild } from './lib/ensure-build';
import { startStaticServer, type StaticServer } from './lib/static-server';

const portArg = process.argv.lastIndexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 4173;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
	process.stderr.write(`serve: --port needs a port number (0 for any free one), not "${process.argv[portArg + 1]}"\n`);
	process.exit(2);
}
let server: StaticServer;
try {
	server = await startStaticServer(ensureBuild(), port);
} catch (e) {
	const code = (e as NodeJS.ErrnoException).code;
	if (code !== 'EADDRINUSE' && code !== 'EACCES') throw e;
	process.stderr.write(
		code === 'EADDRINUSE'
			? `serve: http://127.0.0.1:${port} is already in use (Backcheck running in another terminal?). Stop it, or serve on another port: npm start -- --port ${port + 1}\n`
			: `serve: not allowed to listen on port ${port}; pick another with --port\n`
	);
	process.exit(1);
}
process.stdout.write(`Backcheck is running at ${server.origin}/ (Ctrl+C to stop)\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
