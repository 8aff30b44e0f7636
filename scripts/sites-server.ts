/**
 * A local HTTPS server that answers for the real host names of the admin pages (hosting console,
 * Pronote instances, ENT sites), so that the store build runs with its real `matches`
 * (TOOLING.md, "Browser tests"). Chromium maps the host names to it with `--host-resolver-rules`.
 * Used by the end-to-end tests and by `npm start` (the demo). Test and demo only: nothing of it
 * ships in the extension.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';

/** A handler for dynamic answers; return true when it answered. */
export type Route = (req: IncomingMessage, res: ServerResponse, url: URL) => boolean | Promise<boolean>;

export interface SitesServer {
  port: number;
  /** Chromium flags that send every host of `hosts` to this server and accept its certificate. */
  chromiumArgs(hosts: string[]): string[];
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
};

function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'passerelle-cert-'));
  const key = join(dir, 'key.pem');
  const cert = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost'], {
    stdio: 'ignore',
  });
  return { key: readFileSync(key), cert: readFileSync(cert) };
}

/**
 * Starts the server on 127.0.0.1 (a free port). Static files are read from
 * `<root>/<host name>/<path>` (`index.html` for a folder); `routes` answer first.
 */
export async function startSitesServer(root: string, routes: Route[] = []): Promise<SitesServer> {
  const server = createServer(selfSignedCertificate(), async (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', `https://${host}`);
    try {
      for (const route of routes) if (await route(req, res, url)) return;
      let file = normalize(join(root, host, decodeURIComponent(url.pathname)));
      if (!file.startsWith(normalize(join(root, host)))) {
        res.writeHead(403).end();
        return;
      }
      if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
      if (!existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
    } catch (error) {
      res.writeHead(500).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    chromiumArgs: (hosts) => [`--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ')}`, '--ignore-certificate-errors'],
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
