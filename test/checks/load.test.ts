import assert from 'node:assert/strict';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from '../../src/common/diagnostics.js';
import { isBuiltinId, loadChecks, parseCheck, parseRetiredIds } from '../../src/checks/index.js';
import { expectMarks } from '../../src/checks/load.js';
import { repoRoot } from '../helpers/paths.js';
import { checkYaml, tempDir } from './helpers.js';

const FILE = '/checks/TEAM.CLOUDTRAIL.1.yaml';

function errors(text: string, options = {}): Diagnostic[] {
  const r = parseCheck(FILE, text, options);
  assert.equal(r.check, undefined, 'expected the check to be rejected');
  assert.ok(r.diagnostics.length > 0);
  return r.diagnostics;
}

function at(d: Diagnostic): string {
  return `${d.range?.start.line}:${d.range?.start.column}`;
}

describe('check files: valid', () => {
  it('loads a valid check with its tests, compiled logic and defaults', () => {
    const r = parseCheck(FILE, checkYaml());
    assert.deepEqual(r.diagnostics, []);
    const c = r.check!;
    assert.equal(c.id, 'TEAM.CLOUDTRAIL.1');
    assert.equal(c.severity, 'high');
    assert.deepEqual(c.rule.entities, ['aws_cloudtrail']);
    assert.equal(c.logicLine, 7);
    assert.deepEqual(c.references, []);
    assert.deepEqual(c.aliases, {});
    assert.equal(c.tests.length, 2);
    assert.equal(c.tests[0]!.fileLine, 9);
    assert.deepEqual(c.tests[0]!.input, {
      kind: 'terraform',
      text: 'resource "aws_cloudtrail" "t" {\n  # expect\n  is_multi_region_trail = false\n}\n',
      fileLine: 12,
      marks: [{ line: 3, column: 3 }],
    });
    assert.deepEqual(c.tests[1]!.input, { kind: 'resource', type: 'aws_cloudtrail', values: { is_multi_region_trail: true } });
  });
});

describe('check files: schema errors name the line', () => {
  it('a wrong severity points at the value and suggests the nearest', () => {
    const [d, ...rest] = errors(checkYaml(undefined, { severity: 'severity: hihg' }));
    assert.equal(rest.length, 0);
    assert.equal(d!.code, 'check-schema');
    assert.equal(d!.file, FILE);
    assert.equal(at(d!), '3:11');
    assert.equal(d!.message, 'severity must be one of critical, high, medium, low, info; found string "hihg"');
    assert.equal(d!.hint, 'did you mean `high`?');
  });

  it('an unknown field points at its key and suggests the nearest', () => {
    const ds = errors(checkYaml(undefined, { severity: null, sevrity: 'sevrity: high' }));
    // The field is also missing under its right name.
    assert.deepEqual(ds.map((x) => x.message).sort(), [
      'the check is missing the required field `severity`',
      'unknown field `sevrity` in the check',
    ]);
    const unknown = ds.find((x) => x.message.startsWith('unknown field'))!;
    assert.equal(unknown.message, 'unknown field `sevrity` in the check');
    assert.equal(unknown.hint, 'did you mean `severity`?');
    assert.equal(at(unknown), '20:1');
  });

  it('a missing required field is named', () => {
    const ds = errors(checkYaml(undefined, { logic: null }));
    assert.deepEqual(
      ds.map((d) => d.message),
      ['the check is missing the required field `logic`'],
    );
    assert.equal(ds[0]!.hint, 'add `logic:` (see docs/checks.md)');
  });

  it('errors inside tests point at the test field', () => {
    const text = checkYaml().replace('    expect: pass', '    expect: pas');
    const [d] = errors(text);
    assert.equal(d!.message, 'tests[1].expect must be one of fail, pass, unknown; found string "pas"');
    assert.equal(at(d!), '17:13');
    assert.equal(d!.hint, 'did you mean `pass`?');
  });

  it('wrong types, patterns and empty lists', () => {
    const ds = errors(
      checkYaml(undefined, {
        mitre: 'mitre: [T1562]',
        references: 'references: [docs.aws.amazon.com]',
        aliases: 'aliases: { checkov: CKV_AWS_67 }',
        compliance: 'compliance: { CIS: {} }',
      }),
    );
    const msgs = ds.map((d) => d.message).sort();
    assert.deepEqual(msgs, [
      'aliases.checkov must be a list; found string "CKV_AWS_67"',
      'compliance.CIS must not be empty',
      'mitre[0] has an invalid form: string "T1562"',
      'references[0] has an invalid form: string "docs.aws.amazon.com"',
    ]);
    assert.match(ds.find((d) => d.message.startsWith('mitre'))!.hint!, /TA0005:T1562/);
    assert.equal(at(ds.find((d) => d.message.startsWith('mitre'))!), '21:9');
  });

  it('an alias for a tool we do not know is an unknown field', () => {
    const [d] = errors(checkYaml(undefined, { aliases: 'aliases:\n  chekov: [CKV_AWS_67]' }));
    assert.equal(d!.message, 'unknown field `chekov` in aliases');
    assert.equal(d!.hint, 'did you mean `checkov`?');
    assert.equal(at(d!), '22:3');
  });

  it('invalid YAML is reported with its line', () => {
    const [d] = errors('id: X\ntitle: [unclosed\nseverity: low\n');
    assert.equal(d!.code, 'check-yaml');
    assert.match(d!.message, /^invalid YAML: /);
    assert.ok(d!.range!.start.line >= 2);
  });

  it('a file that is not a mapping', () => {
    const [d] = errors('- a\n- b\n');
    assert.equal(d!.message, 'a check file must be a mapping of fields (id, title, severity, ...)');
  });

  it("a team check's file may have any name; a built-in check's is named for what it checks", () => {
    assert.deepEqual(parseCheck(FILE, checkYaml('TEAM.CLOUDTRAIL.2')).diagnostics, []);
    const [d] = parseCheck('/checks/aws/cloudtrail/TFG.AWS.CLOUDTRAIL.2.yaml', checkYaml('TFG.AWS.CLOUDTRAIL.2'), {
      builtin: true,
    }).diagnostics;
    assert.equal(d!.message, 'the built-in check file TFG.AWS.CLOUDTRAIL.2.yaml is not named for what it checks');
    assert.match(d!.hint!, /such as log-file-validation\.yaml/);
    assert.equal(at(d!), '1:5');
    assert.deepEqual(
      parseCheck('/checks/aws/cloudtrail/multi-region.yaml', checkYaml('TFG.AWS.CLOUDTRAIL.2'), { builtin: true }).diagnostics,
      [],
    );
  });
});

describe('check files: tests', () => {
  it('a test needs exactly one of terraform or resource', () => {
    const text = checkYaml().replace('    resource:\n      type: aws_cloudtrail\n      values: { is_multi_region_trail: true }\n', '');
    const [d] = errors(text);
    assert.equal(
      d!.message,
      'tests[1] ("multi region") needs exactly one of `terraform` (a Terraform snippet), `resource` (type and JSON values), `plan` (a plan JSON), `snapshot` (a CloudTrail trail) or `log` (a CloudTrail event)',
    );
    assert.equal(at(d!), '16:5');
  });

  it('a test with two inputs names both', () => {
    const text = checkYaml().replace('    resource:\n', '    snapshot: { Name: t }\n    resource:\n');
    const [d] = errors(text);
    assert.match(d!.message, /^tests\[1\] \("multi region"\) needs exactly one of .*; it has `resource` and `snapshot`$/);
    assert.equal(at(d!), '16:5');
  });

  it('`# expect` marks: required for a failing snippet, refused in a passing one, nothing after them', () => {
    const noMark = errors(checkYaml().replace('        # expect\n', ''));
    assert.equal(noMark[0]!.message, 'tests[0] ("single region") expects a finding but its snippet marks no line with `# expect`');
    assert.equal(at(noMark[0]!), '11:16');
    const onPass = errors(checkYaml().replace('    expect: fail', '    expect: pass'));
    assert.equal(onPass[0]!.message, 'tests[0] ("single region") expects a pass, but its snippet marks a line with `# expect`');
    const trailing = errors(checkYaml().replace('# expect', '# expect here and there'));
    assert.equal(trailing[0]!.message, 'tests[0]: `# expect` takes nothing after it but `: <message id>`, found `here and there`');
    assert.equal(at(trailing[0]!), '13:1');
    const noMessages = errors(checkYaml().replace('# expect', '# expect: here'));
    assert.equal(noMessages[0]!.message, 'tests[0]: `# expect: here` names no message of this check');
    assert.equal(noMessages[0]!.hint, 'the check declares no `messages:`; write `# expect` alone');
    assert.deepEqual(parseCheck(FILE, checkYaml()).diagnostics, []);
  });

  it('a numeric `line:` (the old form) is refused with how to mark the line instead', () => {
    const [d] = errors(checkYaml().replace('    expect: fail\n', '    expect: fail\n    line: 2\n'));
    assert.equal(d!.message, 'unknown field `line` in tests[0]');
    assert.match(d!.hint!, /end the line of the snippet where the finding must stand with `# expect`/);
  });

  it('a mark on a line of its own marks the next line of code', () => {
    const marks: [number, string][] = [];
    const got = expectMarks(
      'resource "x" "y" {\n  # expect\n\n  # a comment\n  policy = <<EOF\n  EOF\n}\n',
      [],
      (l, m) => void marks.push([l, m]),
    );
    assert.deepEqual(got, [{ line: 5, column: 3 }]);
    assert.equal(marks.length, 0);
    expectMarks('x = 1\n# expect\n', [], (l, m) => void marks.push([l, m]));
    assert.deepEqual(marks, [[2, '`# expect` on a line of its own marks the next line, but no line of code follows']]);
  });
});

describe('check files: GSL errors point into the check file', () => {
  it('one-line logic: the column of the offending word', () => {
    const [d] = errors(checkYaml(undefined, { logic: 'logic: aws_cloudtrail shuold have is_multi_region_trail=true' }));
    assert.equal(d!.code, 'check-logic');
    assert.equal(at(d!), '7:23');
    assert.match(d!.message, /expected `should` or `where`/);
    assert.equal(d!.hint, 'did you mean `should`?');
  });

  it('logic errors are reported together with schema errors', () => {
    const ds = errors(checkYaml(undefined, { severity: 'severity: hihg', logic: 'logic: aws_cloudtrail shuold have x' }));
    assert.deepEqual(
      ds.map((d) => [d.code, at(d)]),
      [
        ['check-schema', '3:11'],
        ['check-logic', '7:23'],
      ],
    );
  });

  it('quoted logic: the column inside the quotes', () => {
    const [d] = errors(checkYaml(undefined, { logic: 'logic: "aws_cloudtrail shuold have x"' }));
    assert.equal(at(d!), '7:24');
  });

  it('block logic: the line and column in the file, indentation counted', () => {
    const [d] = errors(checkYaml(undefined, { logic: 'logic: |\n  aws_cloudtrail\n    should have is_multi_region_trail = = true' }));
    assert.equal(at(d!), '9:41');
    assert.equal(d!.file, FILE);
  });
});

describe('check directories', () => {
  it('loads every check under a directory tree, sorted', () => {
    const dir = tempDir({
      'aws/b/TEAM.B.1.yaml': checkYaml('TEAM.B.1'),
      'aws/a/TEAM.A.1.yml': checkYaml('TEAM.A.1'),
      'aws/a/README.md': '# not a check',
    });
    const r = loadChecks([{ dir }]);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(
      r.checks.map((c) => c.id),
      ['TEAM.A.1', 'TEAM.B.1'],
    );
    assert.equal(r.checks[0]!.builtin, false);
  });

  it('a symbolic link loop is read once', () => {
    const dir = tempDir({ 'a/TEAM.A.1.yaml': checkYaml('TEAM.A.1') });
    symlinkSync(join(dir, 'a'), join(dir, 'a', 'loop'));
    const r = loadChecks([{ dir }]);
    assert.deepEqual(r.diagnostics, []);
    assert.deepEqual(
      r.checks.map((c) => c.id),
      ['TEAM.A.1'],
    );
  });

  it('a duplicate ID is an error naming both files', () => {
    const a = tempDir({ 'x/TEAM.A.1.yaml': checkYaml('TEAM.A.1') });
    const b = tempDir({ 'y/TEAM.A.1.yaml': checkYaml('TEAM.A.1') });
    const r = loadChecks([{ dir: a }, { dir: b }]);
    assert.equal(r.checks.length, 1);
    assert.equal(r.diagnostics.length, 1);
    const d = r.diagnostics[0]!;
    assert.equal(d.code, 'duplicate-check-id');
    assert.equal(d.file, join(b, 'y/TEAM.A.1.yaml'));
    assert.equal(d.message, `check ID TEAM.A.1 is already used by ${join(a, 'x/TEAM.A.1.yaml')}:1`);
    assert.equal(at(d), '1:5');
  });

  it('a missing directory is a diagnostic', () => {
    const r = loadChecks([{ dir: '/nonexistent/tfguard-checks' }]);
    assert.deepEqual(
      r.diagnostics.map((d) => [d.code, d.message]),
      [['checks-dir', 'cannot read the check directory: ENOENT']],
    );
  });

  it('built-in checks follow the ID scheme and never take a retired ID', () => {
    const dir = tempDir({
      'aws/x/team-a.yaml': checkYaml('TEAM.A.1'),
      'aws/x/retired-one.yaml': checkYaml('TFG.AWS.CLOUDTRAIL.9'),
      'retired.txt': '# retired\nTFG.AWS.CLOUDTRAIL.9  merged into TFG.AWS.CLOUDTRAIL.1\n',
    });
    const r = loadChecks([{ dir, builtin: true }]);
    assert.deepEqual(r.checks, []);
    assert.deepEqual(
      r.diagnostics.map((d) => d.message),
      [
        'the check ID TFG.AWS.CLOUDTRAIL.9 was retired (merged into TFG.AWS.CLOUDTRAIL.1) and may not be reused',
        'the built-in check ID TEAM.A.1 does not follow the ID scheme',
      ],
    );
  });

  it('the ID scheme', () => {
    for (const id of ['D9.TF.AWS.LOG.01', 'D9.TF.AWS.LOG.03', 'TFG.AWS.CLOUDTRAIL.1', 'TFG.AWS.S3.12']) assert.ok(isBuiltinId(id), id);
    for (const id of ['D9.AWS.LOG.01', 'TFG.AWS.CLOUDTRAIL.0', 'TFG.aws.cloudtrail.1', 'CKV_AWS_67', 'TFG.AWS.1'])
      assert.ok(!isBuiltinId(id), id);
    assert.deepEqual(parseRetiredIds('# c\n\nA.B.1  why # note\nC.D.2\n'), [
      { id: 'A.B.1', reason: 'why', line: 3 },
      { id: 'C.D.2', reason: '', line: 4 },
    ]);
  });
});

// Properties of the whole library are in library.test.ts; this is the seed's CloudGuard logic, verbatim.
describe('the built-in checks', () => {
  const r = loadChecks([{ dir: join(repoRoot, 'checks'), builtin: true }]);

  it('D9.TF.AWS.LOG.03 runs CloudGuard logic exactly as written', () => {
    const c = r.checks.find((x) => x.id === 'D9.TF.AWS.LOG.03')!;
    assert.equal(c.logic, 'aws_cloudtrail should not have (cloud_watch_logs_role_arn isEmpty() or cloud_watch_logs_group_arn isEmpty())');
    assert.equal(r.checks.find((x) => x.id === 'D9.TF.AWS.LOG.01')!.logic, 'aws_cloudtrail should have is_multi_region_trail=true');
  });
});

describe('check files: entity types', () => {
  it('a CloudGuard native type is an error at the type, naming the Terraform types', () => {
    const [d] = errors(checkYaml(undefined, { logic: 'logic: CloudTrail should have IsMultiRegionTrail = true' }));
    assert.equal(d!.code, 'check-logic');
    assert.equal(d!.message, '`CloudTrail` is not a Terraform resource type, so the rule would match nothing');
    assert.equal(d!.hint, '`CloudTrail` is a CloudGuard entity type; in Terraform write `aws_cloudtrail`');
    assert.equal(at(d!), '7:8');
    const [list] = errors(checkYaml(undefined, { logic: 'logic: List<SecurityGroup> should have items length() > 0' }));
    assert.match(list!.hint!, /`aws_security_group` or `aws_default_security_group`/);
    assert.equal(at(list!), '7:13');
  });

  it('Terraform types, data sources and the dotted types of AWS data are accepted', () => {
    for (const logic of [
      'logic: aws_cloudtrail should have name',
      'logic: data.aws_iam_policy_document should have json',
      'logic: aws.cloudtrail.trail should have Name',
    ])
      assert.deepEqual(
        parseCheck(
          FILE,
          checkYaml(undefined, { logic, tests: 'tests:\n  - name: t\n    expect: pass\n    resource:\n      type: x_y\n      values: {}' }),
        ).diagnostics,
        [],
      );
  });
});
