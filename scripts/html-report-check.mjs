#!/usr/bin/env node
// Render the HTML compliance report in Debian's headless Chromium (run by .ci/run): the screenshot must not be
// blank and the page must log nothing to the console. A page with a script error is rendered first, to show the
// console is really read. Without Chromium the check is skipped with a WARNING (as .ci/pre-commit-test.sh does).
//   node scripts/html-report-check.mjs [chromium]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Buffer } from 'node:buffer';
import { inflateSync } from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const candidates = process.argv[2] ? [process.argv[2]] : ['chromium', 'chromium-browser', 'google-chrome'];
const browser = candidates.find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);
if (!browser) {
  console.log('WARNING: no Chromium found (apt-get install chromium): the HTML report was not rendered');
  process.exit(0);
}

const dir = mkdtempSync(join(tmpdir(), 'tfguard-html-'));

/** Screenshot a page; returns the console lines Chromium logged and the PNG path. */
function render(page, name) {
  const png = join(dir, `${name}.png`);
  const r = spawnSync(
    browser,
    [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--hide-scrollbars',
      '--enable-logging=stderr',
      '--v=0',
      '--window-size=1280,900',
      `--screenshot=${png}`,
      `file://${page}`,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`${browser} exited with ${r.status}: ${r.stderr}`);
  return { console: r.stderr.split('\n').filter((l) => l.includes(':CONSOLE')), png };
}

/** The share of the screenshot's bytes that are neither white nor filter/zero bytes: about 0 for a blank page. */
function inkShare(png) {
  const buf = readFileSync(png);
  const idat = [];
  for (let at = 8; at < buf.length;) {
    const len = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(buf.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  let ink = 0;
  for (const b of raw) if (b !== 0 && b !== 255) ink++;
  return ink / raw.length;
}

const broken = join(dir, 'broken.html');
writeFileSync(broken, '<!DOCTYPE html><html><body><p>x</p><script>undefinedFunction()</script></body></html>');
if (!render(broken, 'broken').console.length) throw new Error('the console of a page with a script error was not read');
const blank = join(dir, 'blank.html');
writeFileSync(blank, '<!DOCTYPE html><html><body></body></html>');
const blankInk = inkShare(render(blank, 'blank').png);

const report = join(dir, 'report.html');
execFileSync(process.execPath, [
  join(root, 'bin', 'tfguard.js'),
  'scan',
  join(root, 'fixtures', 'cloudtrail'),
  '--no-config',
  '--benchmark',
  'cis-aws-5.0.0',
  '--format',
  `html=${report}`,
  '--soft-fail',
]);
const shot = render(report, 'report');
const ink = inkShare(shot.png);
if (shot.console.length) throw new Error(`the HTML report logged to the console:\n${shot.console.join('\n')}`);
if (ink < 0.01 || ink < 10 * blankInk)
  throw new Error(`the HTML report's screenshot looks blank (${ink.toFixed(4)} of its bytes drawn; a blank page ${blankInk.toFixed(4)})`);
console.log(
  `HTML report rendered by ${browser}: no console output, ${(100 * ink).toFixed(1)}% of the screenshot drawn (blank page ${(100 * blankInk).toFixed(2)}%)`,
);
