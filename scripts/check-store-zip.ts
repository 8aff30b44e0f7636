/**
 * Checks the Chrome store zip that `npm run zip` makes (issue 2, "Done when"): the manifest asks for
 * exactly the permissions of the product, host permissions only for the Pronote hosts and the
 * catalogue's ENT web domains, no <all_urls>, no remote code; and the zip holds no test-only host,
 * page or code; the content scripts create closed shadow roots only (issue 16); in the Chrome and the
 * Firefox zips, no web-accessible resource and each content script at most 60 kB (issue 18).
 * Prints one line per check; exits 1 when one fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import JSZip from 'jszip';
import { entWebDomains } from '../lib/catalogue';
import { PRONOTE_HOST_PERMISSIONS } from '../lib/permissions';
import { shadowCalls } from './security/shadow-modes';

const PERMISSIONS = ['storage', 'unlimitedStorage', 'sidePanel', 'activeTab', 'scripting'];
// Names that only the tests and the demo use: none may reach the store build. (`localhost` is not
// one: Dexie's debug switch names it; the example UAI 0310047H of DOMAIN.md appears in help texts.)
const TEST_ONLY = ['127.0.0.1', 'host-resolver-rules', 'test/fixtures', 'sites-server', 'passerelle-cert', 'clg-exemple', 'college-exemple', '0752536z'];

let failed = 0;
const check = (ok: boolean, what: string) => {
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}`);
};
// Issue 18: each content script at most 60 kB raw (61,440 bytes); a script above it fails the check.
const CONTENT_SCRIPT_GOAL = 60 * 1024;
const CONTENT_SCRIPT_LIMIT_ENFORCED = true;

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

async function main() {
  const zipped = spawnSync('npx', ['wxt', 'zip'], { stdio: 'inherit' });
  if (zipped.status !== 0) throw new Error('wxt zip failed');
  const outDir = process.env.WXT_OUT_DIR ?? '.output';
  const name = readdirSync(outDir).find((f) => f.endsWith('-chrome.zip'));
  if (!name) throw new Error(`no Chrome zip in ${outDir}`);
  const zip = await JSZip.loadAsync(readFileSync(`${outDir}/${name}`));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));

  check(sameSet(manifest.permissions, PERMISSIONS), `permissions are exactly ${PERMISSIONS.join(', ')}`);
  const hosts: string[] = manifest.host_permissions;
  check(hosts[0] === PRONOTE_HOST_PERMISSIONS[0] && hosts[1] === PRONOTE_HOST_PERMISSIONS[1], 'host permissions start with the two Pronote hosts');
  check(
    sameSet(hosts, [...PRONOTE_HOST_PERMISSIONS, ...entWebDomains()]),
    `host permissions are the Pronote hosts and the catalogue's ${entWebDomains().length} ENT web domains, nothing else`,
  );
  check(
    hosts.every((h) => /^https:\/\/(\*\.)?[a-z0-9.-]+\.[a-z]{2,}\/\*$/.test(h)),
    'every host permission is https on a named domain (no <all_urls>, no bare wildcard)',
  );
  check(!JSON.stringify(manifest).includes('<all_urls>'), 'no <all_urls> anywhere in the manifest');
  const matches: string[] = (manifest.content_scripts ?? []).flatMap((c: { matches: string[] }) => c.matches);
  check(
    matches.every((m) => hosts.includes(m)),
    'content scripts run only where a host permission names the site',
  );
  const csp: string = manifest.content_security_policy?.extension_pages ?? '';
  check(/^script-src 'self'; object-src 'self'/.test(csp) && !/unsafe-eval|https?:/.test(csp), `strict CSP: ${csp}`);

  const files = Object.keys(zip.files);
  check(!files.some((f) => /(^|\/)(test|tests|e2e|fixtures?)(\/|$)|\.test\.|\.map$/.test(f)), 'no test file, fixture or source map in the zip');
  const texts = await Promise.all(files.filter((f) => /\.(js|html|json|css)$/.test(f)).map(async (f) => [f, await zip.file(f)!.async('string')] as const));
  for (const marker of TEST_ONLY) {
    const hit = texts.find(([, text]) => text.includes(marker));
    check(!hit, `no test-only name "${marker}" in the zip${hit ? ` (found in ${hit[0]})` : ''}`);
  }
  check(!texts.some(([, t]) => /<script[^>]+src=["']https?:/i.test(t)), 'no remote script');
  // Issue 16: what the content scripts show in pages stays in closed shadow roots.
  const contentScripts = texts.filter(([f]) => f.startsWith('content-scripts/') && f.endsWith('.js'));
  const calls = contentScripts.flatMap(([f, text]) => shadowCalls(text).map((c) => ({ file: f, ...c })));
  const notClosed = calls.filter((c) => c.mode !== 'closed');
  check(
    calls.length > 0 && notClosed.length === 0,
    `the content scripts create closed shadow roots only (${calls.length} attachShadow in ${contentScripts.length} scripts)${
      notClosed.length ? `: ${notClosed.map((c) => `${c.file} ${c.mode} …${c.excerpt}…`).join('; ')}` : ''
    }`,
  );
  for (const browser of ['chrome', 'firefox'] as const) await checkSizes(outDir, browser);
  console.log(`store zip ${name}: ${failed ? `${failed} check(s) failed` : 'all checks passed'}`);
  process.exit(failed ? 1 : 0);
}

/**
 * Issue 18 on the `browser` zip (made here for Firefox): no web-accessible resource (a page could
 * load them), and each content script at most 60 kB raw (its gzipped size printed beside).
 */
async function checkSizes(outDir: string, browser: 'chrome' | 'firefox') {
  if (browser === 'firefox') {
    const zipped = spawnSync('npx', ['wxt', 'zip', '-b', 'firefox'], { stdio: 'inherit' });
    if (zipped.status !== 0) throw new Error('wxt zip -b firefox failed');
  }
  const name = readdirSync(outDir).find((f) => f.endsWith(`-${browser}.zip`));
  if (!name) throw new Error(`no ${browser} zip in ${outDir}`);
  const zip = await JSZip.loadAsync(readFileSync(`${outDir}/${name}`));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  check(!('web_accessible_resources' in manifest), `${browser}: no web_accessible_resources in the manifest`);
  const scripts = Object.keys(zip.files).filter((f) => /^content-scripts\/[^/]+\.js$/.test(f));
  check(scripts.length > 0, `${browser}: ${scripts.length} content scripts`);
  for (const f of scripts) {
    const bytes = await zip.file(f)!.async('uint8array');
    const gzipped = gzipSync(bytes).length;
    const line = `${browser}: ${f} ${bytes.length} bytes (${kB(bytes.length)}) raw, ${kB(gzipped)} gzipped (at most ${CONTENT_SCRIPT_GOAL} bytes raw)`;
    if (CONTENT_SCRIPT_LIMIT_ENFORCED) check(bytes.length <= CONTENT_SCRIPT_GOAL, line);
    else console.log(`${bytes.length <= CONTENT_SCRIPT_GOAL ? 'ok  ' : 'OVER'} ${line}`);
  }
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
