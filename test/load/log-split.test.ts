// The streaming record splitter: the same records whatever the chunk boundaries, strings with brackets, quotes and
// escapes inside, the three shapes, and broken text (cut short, a stray bracket, nesting past the limit).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_RECORD_DEPTH, type RawRecord, RecordSplitter } from '../../src/load/log-split.js';

/** Split `text` fed in chunks of `size` bytes; the records as text, with the splitter's problem. */
function split(text: string, size: number): { records: RawRecord[]; texts: string[]; shape?: string; problem?: string } {
  const s = new RecordSplitter();
  const bytes = Buffer.from(text);
  const records: RawRecord[] = [];
  for (let i = 0; i < bytes.length; i += size) records.push(...s.push(Buffer.from(bytes.subarray(i, i + size))));
  const end = s.end();
  records.push(...end.records);
  return {
    records,
    texts: records.map((r) => r.bytes.toString()),
    ...(s.shape ? { shape: s.shape } : {}),
    ...(end.problem ? { problem: end.problem.message } : {}),
  };
}

const tricky = [
  { eventName: 'A', eventSource: 's', note: 'a } and a ] and a { in a string' },
  { eventName: 'B"quoted"', eventVersion: '1', path: 'C:\\dir\\', nested: { list: [1, [2, { x: '\\"' }]] } },
  { eventName: 'Ünïcödé ✓', eventSource: 's', n: null, t: true, f: -1.5e3 },
];

describe('splitting records', () => {
  for (const size of [1, 2, 3, 7, 64, 1 << 20])
    it(`{"Records": [...]} in chunks of ${size} bytes gives each record as written`, () => {
      const text = `{"Records": [\n ${tricky.map((r) => JSON.stringify(r)).join(',\n ')}\n], "other": ["x"]}`;
      const r = split(text, size);
      assert.equal(r.shape, 'records');
      assert.equal(r.problem, undefined);
      assert.deepEqual(
        r.texts.map((t) => JSON.parse(t) as unknown),
        tricky,
      );
      assert.deepEqual(
        r.records.map((x) => [x.index, x.range.start.line, x.range.start.column]),
        [
          [0, 2, 2],
          [1, 3, 2],
          [2, 4, 2],
        ],
      );
      assert.deepEqual(
        r.records.map((x) => [x.keys, x.escaped]),
        [
          [3, false],
          [5, true],
          [3, false],
        ],
      );
    });

  it('JSON lines: every top-level value is a record, on its line', () => {
    const r = split(tricky.map((x) => JSON.stringify(x)).join('\n') + '\n', 5);
    assert.equal(r.shape, 'values');
    assert.deepEqual(
      r.records.map((x) => x.range.start.line),
      [1, 2, 3],
    );
    assert.deepEqual(
      r.texts.map((t) => JSON.parse(t) as unknown),
      tricky,
    );
  });

  it('a top-level array: its items, scalars too', () => {
    const r = split('[{"a": 1}, 2, "three", null]', 4);
    assert.equal(r.shape, 'array');
    assert.deepEqual(r.texts, ['{"a": 1}', '2', '"three"', 'null']);
  });

  it('a key in a record that is not at its top level is not taken for the event keys', () => {
    const r = split('{"Records": [{"x": {"eventName": "A", "eventSource": "s"}}]}', 1);
    assert.equal(r.records[0]!.keys, 0);
  });

  it('a file cut short inside a record is a problem, and the records before it are given', () => {
    const r = split('{"Records": [{"eventName": "A"}, {"eventName": "B", "x": [1, ', 3);
    assert.deepEqual(r.texts, ['{"eventName": "A"}']);
    assert.equal(r.problem, 'the text ends inside Records[1]: the file is cut short');
  });

  it('a string cut short is a problem', () => {
    assert.match(split('{"Records": [{"eventName": "A', 4).problem ?? '', /cut short/);
  });

  it('a bracket that closes nothing stops the split', () => {
    const r = split('{"eventName": "A"}\n]\n{"eventName": "B"}', 2);
    assert.deepEqual(r.texts, ['{"eventName": "A"}']);
    assert.equal(r.problem, 'unexpected `]`: a bracket closes nothing');
  });

  it(`a record nested more than ${MAX_RECORD_DEPTH} levels deep is marked, and the next one is not`, () => {
    const deep = '['.repeat(MAX_RECORD_DEPTH + 1) + ']'.repeat(MAX_RECORD_DEPTH + 1);
    const r = split(`{"Records": [{"eventName": "A", "x": ${deep}}, {"eventName": "B"}]}`, 16);
    assert.deepEqual(
      r.records.map((x) => x.tooDeep),
      [true, false],
    );
    const ok = '['.repeat(MAX_RECORD_DEPTH - 1) + ']'.repeat(MAX_RECORD_DEPTH - 1);
    assert.equal(split(`{"Records": [{"x": ${ok}}]}`, 16).records[0]!.tooDeep, false);
  });

  it('a byte-order mark and whitespace before the text are skipped', () => {
    const r = split('\uFEFF  \n{"Records": [{"eventName": "A"}]}', 1);
    assert.equal(r.shape, 'records');
    assert.deepEqual(r.texts, ['{"eventName": "A"}']);
  });
});
