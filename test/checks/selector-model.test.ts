// One reading of trail event selectors: recordsManagementEvents() and recordsS3ObjectEvents() give, on every test
// snippet of the selector checks (TFG.AWS.CLOUDTRAIL.6/7/8, whose logic spells the same reading out so their messages
// can name the selector at fault), the verdict the check's test expects.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadChecks } from '../../src/checks/index.js';
import { projectWorlds } from '../../src/checks/run.js';
import { loadProject } from '../../src/evaluate/project.js';
import { compileRule, runRule } from '../../src/gsl/index.js';
import { repoRoot } from '../helpers/paths.js';
import { tempDir } from './helpers.js';

const MODEL: Record<string, string> = {
  'TFG.AWS.CLOUDTRAIL.8': "aws_cloudtrail should have $ recordsManagementEvents('all')",
  'TFG.AWS.CLOUDTRAIL.6': "List<aws_cloudtrail> where items length() > 0 should have items contain [ $ recordsS3ObjectEvents('write') ]",
  'TFG.AWS.CLOUDTRAIL.7': "List<aws_cloudtrail> where items length() > 0 should have items contain [ $ recordsS3ObjectEvents('read') ]",
};

describe('the trail selector model', () => {
  const { checks } = loadChecks([{ dir: join(repoRoot, 'checks'), builtin: true }]);
  for (const [id, logic] of Object.entries(MODEL))
    it(`agrees with every test of ${id}`, async () => {
      const check = checks.find((c) => c.id === id)!;
      const compiled = compileRule(logic, 'model');
      if (!compiled.ok) throw new Error(compiled.errors[0]!.message);
      const rule = compiled.rule;
      let n = 0;
      for (const t of check.tests) {
        if (t.input.kind !== 'terraform') continue;
        const project = await loadProject(tempDir({ 'main.tf': t.input.text }), { env: {} });
        const results = projectWorlds(project).flatMap(({ world }) => runRule(rule, world));
        const got = results.some((r) => r.status === 'fail') ? 'fail' : results.some((r) => r.status === 'unknown') ? 'unknown' : 'pass';
        assert.equal(got, t.expect, `${id}: "${t.name}"`);
        n++;
      }
      assert.ok(n >= 5, `${id}: only ${n} snippets`);
    });
});
