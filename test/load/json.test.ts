import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseJsonConfig, parseJsonValue } from '../../src/load/json.js';
import { at, messages, shape } from './helpers.js';

describe('Terraform JSON syntax', () => {
  it('resources, modules, variables, locals and meta blocks with positions', () => {
    const src = `{
  "//": "a comment",
  "resource": {
    "aws_s3_bucket": {
      "b": {
        "bucket": "x",
        "tags": {"Name": "n"},
        "versioning": [{"enabled": true}],
        "lifecycle": {"prevent_destroy": true},
        "provisioner": {"local-exec": {"command": "echo"}}
      }
    }
  },
  "module": {"m": [{"source": "./m"}]},
  "variable": {"v": {"default": 1.5e3}},
  "locals": {"a": null},
  "terraform": {"backend": {"s3": {"bucket": "s"}}}
}
`;
    const f = parseJsonConfig('main.tf.json', src, 'config');
    assert.deepEqual(messages(f.diagnostics), []);
    assert.equal(f.kind, 'json');
    assert.deepEqual(
      f.comments.map((c) => [c.text, at(c.range)]),
      [['a comment', '2:3-2:20']],
    );
    const [b, m, v, l, t] = f.body.blocks;
    assert.equal(b!.type, 'resource');
    assert.deepEqual(b!.labels, ['aws_s3_bucket', 'b']);
    assert.equal(at(b!.typeRange), '5:7-5:10');
    assert.deepEqual(b!.labelRanges.map(at), ['4:5-4:20', '5:7-5:10']);
    assert.equal(at(b!.range), '5:7-11:8');
    assert.deepEqual(
      b!.body.attributes.map((a) => [a.name, at(a.nameRange)]),
      [
        ['bucket', '6:9-6:17'],
        ['tags', '7:9-7:15'],
        ['versioning', '8:9-8:21'],
      ],
    );
    assert.deepEqual(shape(b!.body.attributes[1]!.expr), {
      kind: 'object',
      items: [{ key: { kind: 'literal', value: 'Name' }, keyIsIdent: false, value: { kind: 'literal', value: 'n' } }],
    });
    assert.equal(b!.body.attributes[2]!.expr.kind, 'tuple');
    assert.deepEqual(
      b!.body.blocks.map((x) => [x.type, x.labels]),
      [
        ['lifecycle', []],
        ['provisioner', ['local-exec']],
      ],
    );
    assert.deepEqual([m!.type, m!.labels], ['module', ['m']]);
    assert.deepEqual(shape(v!.body.attributes[0]!.expr), { kind: 'literal', value: 1500 });
    assert.deepEqual([l!.type, l!.body.attributes[0]!.name], ['locals', 'a']);
    assert.deepEqual([t!.type, t!.body.blocks[0]!.type, t!.body.blocks[0]!.labels], ['terraform', 'backend', ['s3']]);
  });

  it('strings with ${ or %{ are HCL templates; their ranges are the JSON string', () => {
    const src = '{"output": {"o": {"value": "${aws_s3_bucket.b.arn}", "t": "a-${var.x}-$${y}", "d": "%{ if c }y%{ endif }", "p": "$5"}}}';
    const f = parseJsonConfig('o.tf.json', src, 'config');
    assert.deepEqual(messages(f.diagnostics), []);
    const [value, t, d, p] = f.body.blocks[0]!.body.attributes;
    assert.deepEqual(shape(value!.expr), {
      kind: 'template',
      heredoc: false,
      parts: [
        {
          kind: 'interp',
          stripLeft: false,
          stripRight: false,
          expr: {
            kind: 'getattr',
            name: 'arn',
            object: { kind: 'getattr', name: 'b', object: { kind: 'variable', name: 'aws_s3_bucket' } },
          },
        },
      ],
    });
    assert.equal(at(value!.expr.range), '1:28-1:52');
    const inner = value!.expr.kind === 'template' && value!.expr.parts[0]!.kind === 'interp' ? value!.expr.parts[0]!.expr : undefined;
    assert.equal(at(inner!.range), '1:28-1:52');
    assert.deepEqual(shape(t!.expr), {
      kind: 'template',
      heredoc: false,
      parts: [
        { kind: 'text', value: 'a-' },
        {
          kind: 'interp',
          expr: { kind: 'getattr', name: 'x', object: { kind: 'variable', name: 'var' } },
          stripLeft: false,
          stripRight: false,
        },
        { kind: 'text', value: '-${y}' },
      ],
    });
    assert.deepEqual(shape(d!.expr), {
      kind: 'template',
      heredoc: false,
      parts: [{ kind: 'if', cond: { kind: 'variable', name: 'c' }, then: [{ kind: 'text', value: 'y' }] }],
    });
    assert.deepEqual(shape(p!.expr), { kind: 'literal', value: '$5' });
  });

  it('a bad template in a JSON string is reported at the string', () => {
    const f = parseJsonConfig('o.tf.json', '{"locals": {"a": "${foo("}}', 'config');
    assert.equal(f.diagnostics.length > 0, true);
    assert.equal(at(f.diagnostics[0]!.range!), '1:18-1:26');
  });

  it('tfvars.json is a flat object of attributes; templates are not evaluated', () => {
    const f = parseJsonConfig('terraform.tfvars.json', '{\n  "region": "eu-${x}",\n  "n": [1, true, null]\n}', 'tfvars');
    assert.deepEqual(messages(f.diagnostics), []);
    assert.deepEqual(
      f.body.attributes.map((a) => [a.name, at(a.nameRange), shape(a.expr)]),
      [
        ['region', '2:3-2:11', { kind: 'literal', value: 'eu-${x}' }],
        [
          'n',
          '3:3-3:6',
          {
            kind: 'tuple',
            items: [
              { kind: 'literal', value: 1 },
              { kind: 'literal', value: true },
              { kind: 'literal', value: null },
            ],
          },
        ],
      ],
    );
  });

  it('syntax errors say where, what was found and what was expected', () => {
    const cases: Array<[string, string]> = [
      ['{\n  "a": {\n    "b": 1\n  ]\n}', "syntax main.tf.json:4:3: expected ',' or '}' after object member, found \"]\""],
      ['{"a": [1, 2}', "syntax main.tf.json:1:12: expected ',' or ']' after array element, found \"}\""],
      ['{"a": 1,}', 'syntax main.tf.json:1:9: expected a member name after \',\', found "}" (JSON does not allow a trailing comma)'],
      ['{"a" 1}', 'syntax main.tf.json:1:6: expected \':\' after member name "a", found "1"'],
      ['{"a": tru}', 'syntax main.tf.json:1:7: expected a JSON value (object, array, string, number, true, false or null), found "tru"'],
      ['{"a": "x', "syntax main.tf.json:1:7: unterminated string: no closing '\"'"],
      ['{"a": "\\x"}', 'syntax main.tf.json:1:8: invalid escape "\\\\x" in a string'],
      ['{} {}', 'syntax main.tf.json:1:4: expected the end of the file after the JSON value'],
      [
        '',
        'syntax main.tf.json:1:1: expected a JSON value (object, array, string, number, true, false or null), found the end of the file',
      ],
      ['[1]', 'syntax main.tf.json:1:1: expected a JSON object at the top of the file, found an array'],
      [
        '{"resource": {"t": {"n": 5}}}',
        'syntax main.tf.json:1:26: expected an object (or an array of objects) as the body of "resource", found a number',
      ],
      ['{"locals": {"a": 1, "a": 2}}', 'duplicate-attribute main.tf.json:1:21: attribute "a" is set twice: it was already set on line 1'],
    ];
    for (const [src, want] of cases) assert.deepEqual(messages(parseJsonConfig('main.tf.json', src, 'config').diagnostics), [want], src);
  });

  it('parseJsonValue keeps data, uses null-prototype objects and warns on duplicate keys', () => {
    const r = parseJsonValue('x.json', '{"__proto__": {"a": 1}, "k": [1.5, "s"], "k": false}');
    assert.deepEqual(messages(r.diagnostics), ['duplicate-key x.json:1:42: duplicate key "k" in an object; the last value is used']);
    const v = r.value as Record<string, unknown>;
    assert.equal(Object.getPrototypeOf(v), null);
    assert.deepEqual(Object.keys(v), ['__proto__', 'k']);
    assert.equal(v.k, false);
    assert.deepEqual(parseJsonValue('y.json', '[1,').value, undefined);
    const deep = parseJsonValue('d.json', '['.repeat(500));
    assert.match(messages(deep.diagnostics)[0]!, /nested more than 200 levels/);
  });
});
