// CloudTrail logs: `tfguard scan` over gzipped log files against the floor of reading them (Node's zlib and
// JSON.parse of the same files), side by side in one run.
//   node dist/bench/logs.js [--files 20] [--events 100000] [--runs 1] [--jobs 1[,2,...]] [--keep DIR]
// The files are generated in a temporary directory (removed afterwards unless --keep names one): realistic
// events of about 440 bytes (issue 17's files: 100,000 events in 44 MB), a few of them trail changes (StopLogging, DeleteTrail, CreateTrail) so the checks
// find something. Each measurement is its own child process under /usr/bin/time (CPU = user + system, peak RSS
// of that process), so node's start-up counts in both rows; the best of --runs runs is kept.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { mulberry32 } from '../test/helpers/random.js';

function args(): Record<string, string> {
  const out: Record<string, string> = { files: '20', events: '100000', runs: '1', jobs: '1' };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) out[argv[i]!.replace(/^--/, '')] = argv[i + 1]!;
  return out;
}

const COMMON = [
  ['s3.amazonaws.com', 'GetObject'],
  ['s3.amazonaws.com', 'PutObject'],
  ['kms.amazonaws.com', 'Decrypt'],
  ['sts.amazonaws.com', 'AssumeRole'],
  ['ec2.amazonaws.com', 'DescribeInstances'],
  ['iam.amazonaws.com', 'ListRoles'],
  ['lambda.amazonaws.com', 'Invoke'],
  ['cloudtrail.amazonaws.com', 'DescribeTrails'],
] as const;
const RARE = ['StopLogging', 'DeleteTrail', 'CreateTrail', 'UpdateTrail', 'StartLogging'];

function event(r: () => number, i: number, time: number): Record<string, unknown> {
  const rare = r() < 0.001;
  const [source, name] = rare
    ? ['cloudtrail.amazonaws.com', RARE[Math.floor(r() * RARE.length)]!]
    : COMMON[Math.floor(r() * COMMON.length)]!;
  const account = String(100000000000 + Math.floor(r() * 5));
  return {
    eventVersion: '1.08',
    userIdentity: {
      type: 'AssumedRole',
      arn: `arn:aws:sts::${account}:assumed-role/role-${i % 13}/session-${i % 97}`,
      accountId: account,
    },
    eventTime: new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    eventSource: source,
    eventName: name,
    awsRegion: 'us-east-1',
    sourceIPAddress: `10.${i % 256}.${(i >> 8) % 256}.${Math.floor(r() * 256)}`,
    userAgent: 'aws-sdk-go/1.44.0',
    requestParameters: rare
      ? { name: `arn:aws:cloudtrail:us-east-1:${account}:trail/main` }
      : { bucketName: `bucket-${i % 31}`, key: `k/${i}` },
    responseElements: null,
    eventID: `${i.toString(16).padStart(8, '0')}-0000-4000-8000-${Math.floor(r() * 1e12)
      .toString(16)
      .padStart(12, '0')}`,
    readOnly: !rare,
    eventType: 'AwsApiCall',
    recipientAccountId: account,
  };
}

/** `files` gzipped log files under dir/AWSLogs/…/CloudTrail/us-east-1/2026/12/03/, `events` events in all. */
export function generateLogs(dir: string, files: number, events: number): { bytes: number; gz: number } {
  const r = mulberry32(17); // deterministic: every run scans the same events
  const sub = join(dir, 'AWSLogs', '100000000000', 'CloudTrail', 'us-east-1', '2026', '12', '03');
  mkdirSync(sub, { recursive: true });
  let bytes = 0;
  let gz = 0;
  let i = 0;
  const start = Date.UTC(2026, 11, 3);
  for (let f = 0; f < files; f++) {
    const n = Math.floor(events / files) + (f < events % files ? 1 : 0);
    const records = [];
    for (let k = 0; k < n; k++, i++) records.push(event(r, i, start + i * 500));
    const text = JSON.stringify({ Records: records });
    const data = gzipSync(text);
    bytes += Buffer.byteLength(text);
    gz += data.length;
    writeFileSync(join(sub, `100000000000_CloudTrail_us-east-1_20261203T${String(f).padStart(4, '0')}Z_${f}.json.gz`), data);
  }
  return { bytes, gz };
}

interface Timing {
  wallS: number;
  cpuS: number;
  rssMb: number;
}

/** Run a command under /usr/bin/time; its last stderr line is "wall user sys maxrss-kB". */
function timed(cmd: string[]): Timing {
  // tfguard exits 1 when it finds something: the timing line is there whatever the exit code.
  const r = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', ...cmd], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const err = String(r.stderr ?? '');
  const line = err.trim().split('\n').pop() ?? '';
  const [wall, user, sys, rss] = line.split(' ').map(Number);
  if (wall === undefined || Number.isNaN(wall)) throw new Error(`cannot read the timing of ${cmd.join(' ')}: ${err}`);
  return { wallS: wall, cpuS: user! + sys!, rssMb: rss! / 1024 };
}

function timedBest(cmd: string[], runs: number): Timing {
  let best: Timing | undefined;
  for (let i = 0; i < runs; i++) {
    const t = timed(cmd);
    if (!best || t.cpuS < best.cpuS) best = t;
  }
  return best!;
}

/** The floor, in a child: read, gunzip and JSON.parse every file, one at a time, keeping nothing. */
const FLOOR = `
const { readdirSync, readFileSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { gunzipSync } = require('node:zlib');
let events = 0;
const walk = (d) => { for (const n of readdirSync(d).sort()) { const p = join(d, n); if (statSync(p).isDirectory()) walk(p); else events += JSON.parse(gunzipSync(readFileSync(p)).toString()).Records.length; } };
walk(process.argv[1]);
if (!events) process.exit(3);
`;

async function main(): Promise<void> {
  const a = args();
  const files = Number(a.files);
  const events = Number(a.events);
  const runs = Number(a.runs);
  const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
  const dir = a.keep ? resolve(a.keep) : mkdtempSync(join(tmpdir(), 'tfguard-logs-'));
  try {
    const have = a.keep && statSync(dir, { throwIfNoEntry: false }) && readdirSync(dir).length > 0;
    const size = have ? undefined : generateLogs(dir, files, events);
    console.log(
      `${files} gzipped log files, ${events.toLocaleString('en')} events${size ? `, ${(size.bytes / 1e6).toFixed(1)} MB of JSON (${(size.gz / 1e6).toFixed(1)} MB gzipped)` : ''}; node ${process.version}, load ${(await import('node:os')).loadavg()[0]!.toFixed(2)}`,
    );
    const rows: [string, Timing][] = [['floor: zlib + JSON.parse', timedBest([process.execPath, '-e', FLOOR, dir], runs)]];
    const scan = [join(root, 'bin/tfguard.js'), 'scan', dir, '--no-config', '--format', 'json', '--output', '/dev/null'];
    for (const jobs of a.jobs!.split(','))
      rows.push([`tfguard scan --jobs ${jobs}`, timedBest([process.execPath, ...scan, '--jobs', jobs], runs)]);
    const floor = rows[0]![1];
    console.log('| what | wall s | CPU s | × floor (CPU) | peak RSS MB |');
    console.log('|---|---|---|---|---|');
    for (const [name, t] of rows)
      console.log(
        `| ${name} | ${t.wallS.toFixed(2)} | ${t.cpuS.toFixed(2)} | ${(t.cpuS / floor.cpuS).toFixed(2)} | ${Math.round(t.rssMb)} |`,
      );
  } finally {
    if (!a.keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
