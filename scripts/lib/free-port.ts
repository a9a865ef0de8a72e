/**
 * A TCP port free on 127.0.0.1 right now, found synchronously (Playwright reads its config synchronously): a tiny
 * Node process binds port 0, prints what the system gave it and exits. Someone could take the port before we
 * bind it again; the server then fails loudly rather than sharing it.
 */
import { execFileSync } from 'node:child_process';

const PROBE = "const s = require('net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });";

export function freePortSync(): number {
	const port = Number(execFileSync(process.execPath, ['-e', PROBE], { encoding: 'utf8' }).trim());
	if (!Number.isInteger(port) || port <= 0) throw new Error(`could not find a free port (got "${port}")`);
	return port;
}
