// The option table is the one place a scan option is defined: action.yml, the README, docs/configuration.md, the
// configuration schema and the commander flags must agree with it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.js';
import { CONFIG_SCHEMA } from '../../src/scan/config.js';
import { type OptionSpec, SCAN_OPTIONS, mergeSettings } from '../../src/scan/options.js';
import { repoRoot } from '../helpers/paths.js';

const table = SCAN_OPTIONS as readonly OptionSpec[];
const flagName = (o: OptionSpec): string => o.flag!.split(' ')[0]!;

describe('the option table', () => {
  it('action.yml declares exactly the inputs of the table, with their defaults and descriptions', () => {
    const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as {
      inputs: Record<string, { description: string; default?: string }>;
    };
    const withInput = table.filter((o) => o.input);
    assert.deepEqual(Object.keys(action.inputs).sort(), withInput.map((o) => o.input!).sort());
    for (const o of withInput) {
      const declared = action.inputs[o.input!]!;
      assert.equal(declared.description, o.inputHelp ?? o.help, `${o.input}: description`);
      if (o.kind === 'boolean' || o.kind === 'integer' || o.kind === 'paths' || o.kind === 'path') {
        if (o.default !== undefined && o.flag === undefined) assert.equal(declared.default, String(o.default), `${o.input}: default`);
      }
    }
  });

  it('the README names every flag and docs/configuration.md every configuration key', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    const configuration = readFileSync(join(repoRoot, 'docs', 'configuration.md'), 'utf8');
    for (const o of table.filter((x) => x.flag)) assert.ok(readme.includes(`\`${flagName(o)}`), `README lacks ${flagName(o)}`);
    for (const o of table.filter((x) => x.config))
      assert.ok(configuration.includes(`| \`${o.config}\` |`), `docs/configuration.md lacks ${o.config}`);
  });

  it('the configuration schema has a key for each configurable option, and no other', () => {
    assert.deepEqual(
      Object.keys(CONFIG_SCHEMA.properties).sort(),
      table
        .filter((o) => o.config)
        .map((o) => o.config!)
        .sort(),
    );
  });

  it('`tfguard scan --help` lists every scan and load flag of the table', async () => {
    let out = '';
    await main(['scan', '--help'], { stdout: (s) => void (out += s), stderr: (s) => void (out += s) });
    for (const o of table.filter((x) => x.flag && x.scope)) assert.ok(out.includes(flagName(o)), `scan --help lacks ${flagName(o)}`);
  });

  it('merges as each row says: a flag wins, directories and globs append, defaults fill the rest, variables keep their order', () => {
    const s = mergeSettings(
      { failOn: 'high', checksDir: ['/flag'], exclude: ['b'], variables: [{ kind: 'var', text: 'x=1' }] },
      { 'fail-on': 'none', 'checks-dir': ['/conf'], exclude: ['a'], 'var-file': ['/c.tfvars'], var: ['y=2'], 'soft-fail': true },
    );
    assert.equal(s.failOn, 'high');
    assert.equal(s.softFail, true);
    assert.deepEqual(s.checksDir, ['/conf', '/flag']);
    assert.deepEqual(s.exclude, ['a', 'b']);
    assert.deepEqual(s.variables, [
      { kind: 'file', path: '/c.tfvars' },
      { kind: 'var', text: 'y=2' },
      { kind: 'var', text: 'x=1' },
    ]);
    assert.equal(s.inlineSuppressions, true);
    assert.deepEqual(s.check, []);
    assert.equal(mergeSettings({}, {}).failOn, 'low');
  });
});
