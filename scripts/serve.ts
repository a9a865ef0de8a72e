/** Builds the app if its sources changed, then serves it on 127.0.0.1 (used by `npm start` and the e2e tests). */
import { ensureBuild } from './lib/ensure-build';
import { startStaticServer } from './lib/static-server';

const portArg = process.argv.indexOf('--port');
const port = portArg > 0 ? Number(process.argv[portArg + 1]) : 4173;
const server = await startStaticServer(ensureBuild(), port);
process.stdout.write(`Backcheck is running at ${server.origin}/ (Ctrl+C to stop)\n`);
const stop = () => void server.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
