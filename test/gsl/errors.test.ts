// Every compile error path, with its exact rendering (message, position, caret, hint).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileRule, defaultFunctions } from '../../src/gsl/index.js';
import { compileErrors } from './helpers.js';

const CASES: [string, string, string[]][] = [
  [
    'lexer: == is not an operator',
    't should have a == 1',
    [
      'checks/aws/x.yaml:1:17: error: unexpected `==`',
      '  |',
      '1 | t should have a == 1',
      '  |                 ^^',
      '  = help: GSL compares with a single `=`',
    ],
  ],
  [
    'lexer: unterminated string',
    "t should have a = 'abc",
    [
      'checks/aws/x.yaml:1:19: error: unterminated string',
      '  |',
      "1 | t should have a = 'abc",
      '  |                   ^^^^',
      "  = help: close it with '",
    ],
  ],
  [
    'lexer: invalid escape',
    "t should have a = 'a\\qb'",
    [
      'checks/aws/x.yaml:1:21: error: invalid escape `\\q`',
      '  |',
      "1 | t should have a = 'a\\qb'",
      '  |                     ^^',
      '  = help: valid escapes are \\\\ \\\' \\" \\n \\t \\r \\0 \\/ and \\uXXXX',
    ],
  ],
  [
    'lexer: short \\u escape',
    "t should have a = '\\u12'",
    [
      'checks/aws/x.yaml:1:20: error: invalid escape `\\u`',
      '  |',
      "1 | t should have a = '\\u12'",
      '  |                    ^^',
      '  = help: write \\u followed by four hex digits, e.g. \\u00e9',
    ],
  ],
  [
    'lexer: unterminated regex',
    't should have a regexMatch /abc',
    [
      'checks/aws/x.yaml:1:28: error: unterminated regular expression',
      '  |',
      '1 | t should have a regexMatch /abc',
      '  |                            ^^^^',
      '  = help: close it with `/`; write `\\/` for a slash inside it',
    ],
  ],
  [
    'lexer: slash outside regexMatch',
    't should have a / 2',
    [
      'checks/aws/x.yaml:1:17: error: unexpected `/`',
      '  |',
      '1 | t should have a / 2',
      '  |                 ^',
      '  = help: a regular expression /.../ can only follow `regexMatch`',
    ],
  ],
  [
    'lexer: && instead of and',
    't should have a = 1 && b = 2',
    [
      'checks/aws/x.yaml:1:21: error: unexpected `&&`',
      '  |',
      '1 | t should have a = 1 && b = 2',
      '  |                     ^^',
      '  = help: GSL spells it `and`',
    ],
  ],
  [
    'lexer: ! instead of not',
    't should have !a',
    [
      'checks/aws/x.yaml:1:15: error: unexpected `!`',
      '  |',
      '1 | t should have !a',
      '  |               ^',
      '  = help: GSL spells negation `not`; inequality is `!=`',
    ],
  ],
  [
    'lexer: unexpected character',
    't should have a # 1',
    ['checks/aws/x.yaml:1:17: error: unexpected character `#`', '  |', '1 | t should have a # 1', '  |                 ^'],
  ],
  [
    'lexer: digits then letters',
    't should have a = 1abc',
    [
      'checks/aws/x.yaml:1:19: error: `1abc` is neither a number nor a name',
      '  |',
      '1 | t should have a = 1abc',
      '  |                   ^^^^',
      '  = help: names start with a letter or `_`',
    ],
  ],
  [
    'empty logic',
    '',
    [
      'checks/aws/x.yaml:1:1: error: the logic is empty',
      '  |',
      '1 | ',
      '  | ^',
      '  = help: write a rule such as `aws_cloudtrail should have is_multi_region_trail = true`',
    ],
  ],
  [
    'missing entity',
    'should have a',
    [
      'checks/aws/x.yaml:1:1: error: expected an entity type (such as `aws_cloudtrail`), found `should`',
      '  |',
      '1 | should have a',
      '  | ^^^^^^',
      '  = help: a rule starts with the entity type it checks',
    ],
  ],
  [
    'List< without type',
    'List< > should have a',
    [
      'checks/aws/x.yaml:1:7: error: expected an entity type inside `List<...>`, found `>`',
      '  |',
      '1 | List< > should have a',
      '  |       ^',
    ],
  ],
  [
    'List< without >',
    'List<t should have a',
    ['checks/aws/x.yaml:1:8: error: expected `>` to close `List<`, found `should`', '  |', '1 | List<t should have a', '  |        ^^^^^^'],
  ],
  [
    'misspelt should',
    't shuld have a',
    [
      'checks/aws/x.yaml:1:3: error: expected `should` or `where` after the entity type, found `shuld`',
      '  |',
      '1 | t shuld have a',
      '  |   ^^^^^',
      '  = help: did you mean `should`?',
    ],
  ],
  [
    'neither should nor where',
    't hello',
    [
      'checks/aws/x.yaml:1:3: error: expected `should` or `where` after the entity type, found `hello`',
      '  |',
      '1 | t hello',
      '  |   ^^^^^',
      '  = help: write `<entity> should have <condition>`',
    ],
  ],
  [
    'two tests without and/or',
    't should have a = 1 b = 2',
    [
      'checks/aws/x.yaml:1:21: error: expected `and`, `or` or the end of the logic, found `b`',
      '  |',
      '1 | t should have a = 1 b = 2',
      '  |                     ^',
    ],
  ],
  [
    'misspelt and',
    't should have a = 1 adn b = 2',
    [
      'checks/aws/x.yaml:1:21: error: expected `and`, `or` or the end of the logic, found `adn`',
      '  |',
      '1 | t should have a = 1 adn b = 2',
      '  |                     ^^^',
      '  = help: did you mean `and`?',
    ],
  ],
  [
    'unclosed (',
    't should have (a = 1',
    [
      'checks/aws/x.yaml:1:21: error: expected `)` to close the `(` at column 15, found the end of the logic',
      '  |',
      '1 | t should have (a = 1',
      '  |                     ^',
    ],
  ],
  [
    'contain without [',
    't should have l contain $ = 1',
    [
      'checks/aws/x.yaml:1:25: error: expected `[` after `contain`, found `$`',
      '  |',
      '1 | t should have l contain $ = 1',
      '  |                         ^',
      '  = help: write `contain [ <condition on each element> ]`',
    ],
  ],
  [
    'unclosed [',
    't should have l contain [$ = 1',
    [
      'checks/aws/x.yaml:1:31: error: expected `]` to close `contain [`, found the end of the logic',
      '  |',
      '1 | t should have l contain [$ = 1',
      '  |                               ^',
    ],
  ],
  [
    'like without a string',
    't should have a like 1',
    [
      'checks/aws/x.yaml:1:22: error: expected a quoted pattern after `like`, found the number 1',
      '  |',
      '1 | t should have a like 1',
      '  |                      ^',
      "  = help: write e.g. `name like 'prod-%'` (% matches any text)",
    ],
  ],
  [
    'in without (',
    't should have a in 1',
    [
      'checks/aws/x.yaml:1:20: error: expected `(` after `in`, found the number 1',
      '  |',
      '1 | t should have a in 1',
      '  |                    ^',
    ],
  ],
  [
    'in with a name',
    't should have a in (b)',
    [
      'checks/aws/x.yaml:1:21: error: expected a literal value inside `in (...)`',
      '  |',
      '1 | t should have a in (b)',
      '  |                     ^',
    ],
  ],
  [
    'unclosed in (',
    't should have a in (1, 2',
    [
      'checks/aws/x.yaml:1:25: error: expected `)` to close `in (`, found the end of the logic',
      '  |',
      '1 | t should have a in (1, 2',
      '  |                         ^',
    ],
  ],
  [
    'regexMatch without a regex',
    "t should have a regexMatch 'x'",
    [
      'checks/aws/x.yaml:1:28: error: expected a regular expression /.../ after `regexMatch`, found the string "x"',
      '  |',
      "1 | t should have a regexMatch 'x'",
      '  |                            ^^^',
      '  = help: write e.g. `name regexMatch /^prod-/i`',
    ],
  ],
  [
    'not after the attribute',
    "t should have a not like 'x'",
    [
      'checks/aws/x.yaml:1:17: error: unexpected `not` after an attribute',
      '  |',
      "1 | t should have a not like 'x'",
      '  |                 ^^^',
      "  = help: put `not` before the whole test: `not name like 'x%'`",
    ],
  ],
  [
    'misspelt operator',
    't should have a contians [$ = 1]',
    [
      'checks/aws/x.yaml:1:17: error: unknown operator `contians`',
      '  |',
      '1 | t should have a contians [$ = 1]',
      '  |                 ^^^^^^^^',
      '  = help: did you mean `contain`?',
    ],
  ],
  [
    'unknown operator, nothing near',
    't should have a frobnicate',
    [
      'checks/aws/x.yaml:1:17: error: unknown operator `frobnicate`',
      '  |',
      '1 | t should have a frobnicate',
      '  |                 ^^^^^^^^^^',
      '  = help: expected a comparison (=, !=, <, >, <=, >=), `like`, `in`, `regexMatch`, `contain`, `contain-any`, `contain-all`, `contain-none`, `with` or a function such as `isEmpty()`',
    ],
  ],
  [
    'keyword as attribute',
    't should have with = 1',
    [
      'checks/aws/x.yaml:1:15: error: expected an attribute name, found the keyword `with`',
      '  |',
      '1 | t should have with = 1',
      '  |               ^^^^',
      "  = help: to test an attribute named `with`, write `$['with']`",
    ],
  ],
  [
    'literal on the left',
    "t should have 'x' = a",
    [
      'checks/aws/x.yaml:1:15: error: expected an attribute name, `$`, `^`, `not` or `(`, found the string "x"',
      '  |',
      "1 | t should have 'x' = a",
      '  |               ^^^',
      "  = help: a test starts with the attribute: `name = 'x'`, not `'x' = name`",
    ],
  ],
  [
    'nothing after .',
    't should have a.= 1',
    [
      'checks/aws/x.yaml:1:17: error: expected an attribute name or list index after `.`, found `=`',
      '  |',
      '1 | t should have a.= 1',
      '  |                 ^',
    ],
  ],
  [
    'unclosed index',
    "t should have a['x' = 1",
    [
      'checks/aws/x.yaml:1:21: error: expected `]` to close the index, found `=`',
      '  |',
      "1 | t should have a['x' = 1",
      '  |                     ^',
    ],
  ],
  [
    'bad index',
    't should have a[true] = 1',
    [
      'checks/aws/x.yaml:1:17: error: expected a quoted key or a list index inside `[...]`, found `true`',
      '  |',
      '1 | t should have a[true] = 1',
      '  |                 ^^^^',
    ],
  ],
  [
    'unclosed call',
    't should have a isEmpty(',
    [
      'checks/aws/x.yaml:1:25: error: expected an argument (a number, a string or a name), found the end of the logic',
      '  |',
      '1 | t should have a isEmpty(',
      '  |                         ^',
    ],
  ],
  [
    'bad argument',
    't should have a before(,)',
    [
      'checks/aws/x.yaml:1:24: error: expected an argument (a number, a string or a name), found `,`',
      '  |',
      '1 | t should have a before(,)',
      '  |                        ^',
    ],
  ],
  [
    'missing value',
    't should have a =',
    [
      'checks/aws/x.yaml:1:18: error: expected a value (a number, a quoted string, true or false) after `=`, found the end of the logic',
      '  |',
      '1 | t should have a =',
      '  |                  ^',
    ],
  ],
  [
    'nesting limit',
    't should have ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))',
    [
      'checks/aws/x.yaml:1:79: error: the logic nests deeper than 64 levels',
      '  |',
      '1 | t should have ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((a))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))',
      '  |                                                                               ^',
      '  = help: split the condition',
    ],
  ],
  [
    'misspelt function',
    't should have a isEmty()',
    [
      'checks/aws/x.yaml:1:17: error: unknown function `isEmty()`',
      '  |',
      '1 | t should have a isEmty()',
      '  |                 ^^^^^^',
      '  = help: did you mean `isEmpty()`?',
    ],
  ],
  [
    'unknown function, nothing near',
    't should have a zzzzzzzz()',
    [
      'checks/aws/x.yaml:1:17: error: unknown function `zzzzzzzz()`',
      '  |',
      '1 | t should have a zzzzzzzz()',
      '  |                 ^^^^^^^^',
      '  = help: known functions: isEmpty, length, before, after, references, referencedBy, entitiesOf, isFilterPatternEqual, allowedHostsForPort, isFilterPatternConformant, arnName, policyStatements, allowsPublicAccess, deniesInsecureTransport, allowsEverything, allowsServiceWildcard, principalAccounts, isPublic, networkRules, admitsPort, isAnyAddress, imdsHttpTokens, certificateExpiry, recordsManagementEvents, recordsS3ObjectEvents',
    ],
  ],
  [
    'attribute function alone',
    't should have isEmpty()',
    [
      'checks/aws/x.yaml:1:15: error: `isEmpty()` needs an attribute before it',
      '  |',
      '1 | t should have isEmpty()',
      '  |               ^^^^^^^^^',
      '  = help: write e.g. `kms_key_id isEmpty()`; use `$ isEmpty(...)` for the current element',
    ],
  ],
  [
    'context function after an attribute',
    't should have a referencedBy(x, y)',
    [
      'checks/aws/x.yaml:1:17: error: `referencedBy()` is written alone, not after an attribute',
      '  |',
      '1 | t should have a referencedBy(x, y)',
      '  |                 ^^^^^^^^^^^^^^^^^^',
      '  = help: write `referencedBy(aws_s3_bucket_logging, bucket) length() > 0` as a test of its own',
    ],
  ],
  [
    'wrong number of arguments',
    't should have a isEmpty(1)',
    [
      'checks/aws/x.yaml:1:17: error: `isEmpty()` takes 0 arguments, got 1',
      '  |',
      '1 | t should have a isEmpty(1)',
      '  |                 ^^^^^^^^^^',
      '  = help: write `x isEmpty()`',
    ],
  ],
  [
    'wrong argument kind',
    "t should have a before('x', 'days')",
    [
      'checks/aws/x.yaml:1:24: error: argument 1 of `before()` must be a number',
      '  |',
      "1 | t should have a before('x', 'days')",
      '  |                        ^^^',
      "  = help: write `x before(-90, 'days')`",
    ],
  ],
  [
    'unknown time unit',
    "t should have a after(-90, 'fortnights')",
    [
      "checks/aws/x.yaml:1:28: error: unknown time unit 'fortnights'; expected one of 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'years'",
      '  |',
      "1 | t should have a after(-90, 'fortnights')",
      '  |                            ^^^^^^^^^^^^',
      "  = help: write `x after(-90, 'days')`",
    ],
  ],
  [
    'port out of range',
    't should have a allowedHostsForPort(70000) > 1',
    [
      'checks/aws/x.yaml:1:37: error: port 70000 is not between 0 and 65535',
      '  |',
      '1 | t should have a allowedHostsForPort(70000) > 1',
      '  |                                     ^^^^^',
      '  = help: write `ingress allowedHostsForPort(22) > 256`',
    ],
  ],
  [
    '^ outside [...]',
    't should have ^.a = 1',
    [
      'checks/aws/x.yaml:1:15: error: `^` refers to the parent context, but this test is not inside `[...]`',
      '  |',
      '1 | t should have ^.a = 1',
      '  |               ^',
      '  = help: `^.x` reads `x` of the element (or entity) around the current `contain [...]` / `with [...]`',
    ],
  ],
  [
    '^^ too deep',
    't should have l contain [^^.a = 1]',
    [
      'checks/aws/x.yaml:1:26: error: `^^` goes up 2 contexts, but this test is inside only 1',
      '  |',
      '1 | t should have l contain [^^.a = 1]',
      '  |                          ^^',
      '  = help: `^.x` reads `x` of the element (or entity) around the current `contain [...]` / `with [...]`',
    ],
  ],
  [
    'unsupported regex flag',
    't should have a regexMatch /x/g',
    [
      'checks/aws/x.yaml:1:28: error: unsupported regular expression flag `g`',
      '  |',
      '1 | t should have a regexMatch /x/g',
      '  |                            ^^^^',
      '  = help: flags are i (ignore case), m (multi-line), s (dot matches newline), u (unicode)',
    ],
  ],
  [
    'invalid regex',
    't should have a regexMatch /(/',
    [
      'checks/aws/x.yaml:1:28: error: invalid regular expression: missing closing )',
      '  |',
      '1 | t should have a regexMatch /(/',
      '  |                            ^^^',
      '  = help: regexMatch takes RE2 syntax, as Terraform does: no lookaround or backreferences',
    ],
  ],
  [
    'misspelt have on a later line',
    't where a = 1\n  and b = 2\n  should hav c',
    [
      'checks/aws/x.yaml:3:10: error: unknown word `hav` followed by `c`',
      '  |',
      '3 |   should hav c',
      '  |          ^^^',
      '  = help: did you mean `have`?',
    ],
  ],
];

describe('GSL compile errors', () => {
  for (const [name, logic, rendered] of CASES) {
    it(name, () => {
      assert.deepEqual(compileErrors(logic, 'checks/aws/x.yaml'), [rendered.join('\n')]);
    });
  }

  it('collects every semantic error of one rule', () => {
    const errors = compileErrors('t should have a isEmty() and b lenght() > 0');
    assert.deepEqual(
      errors.map((e) => e.split('\n')[0]),
      ['checks/aws/test.yaml:1:17: error: unknown function `isEmty()`', 'checks/aws/test.yaml:1:32: error: unknown function `lenght()`'],
    );
  });

  it('reports file positions when the logic starts inside a file', () => {
    const r = compileRule('aws_cloudtrail should have\n  is_multi_region_trail == true', 'checks/aws/cloudtrail/log_01.yaml', {
      origin: { line: 12, column: 8 },
    });
    assert.equal(r.ok, false);
    if (r.ok) return;
    const [e] = r.errors;
    assert.deepEqual(
      [e!.line, e!.column, e!.length, e!.message, e!.hint],
      [13, 25, 2, 'unexpected `==`', 'GSL compares with a single `=`'],
    );
    assert.equal(e!.rendered.split('\n')[0], 'checks/aws/cloudtrail/log_01.yaml:13:25: error: unexpected `==`');
    const first = compileRule('t shuld x', 'f.yaml', { origin: { line: 3, column: 8 } });
    assert.equal(
      first.ok ? '' : first.errors[0]!.rendered.split('\n')[0],
      'f.yaml:3:10: error: expected `should` or `where` after the entity type, found `shuld`',
    );
  });

  it('a registry without a function rejects it; an extended registry accepts it', () => {
    const reg = defaultFunctions();
    reg.register({
      name: 'startsWithDigit',
      signature: 'x startsWithDigit()',
      minArgs: 0,
      maxArgs: 0,
      argKinds: [],
      receiver: 'attribute',
      kind: 'test',
      test: (input) => (typeof input.value === 'string' && /^\d/.test(input.value) ? 1 : 0),
    });
    assert.equal(compileRule('t should have a startsWithDigit()', 'x').ok, false);
    assert.equal(compileRule('t should have a startsWithDigit()', 'x', { functions: reg }).ok, true);
    assert.throws(() => reg.register({ ...reg.get('isempty')!, name: 'ISEMPTY' }), /already registered/);
  });
});
