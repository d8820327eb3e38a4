/**
 * `float_format` on its own: the raw body of an answer is read at the places the spec marks
 * `x-float`; a whole Float written without `.0` (Oj in Rails mode writes `100.0`,
 * `config/initializers/oj.rb` of hackclub/hackatime) is a finding with its pointer.
 */
import { describe, expect, it } from 'vitest';
import type { CheckContext } from '../../../src/contract/judge/checks/check.js';
import { floatFormat } from '../../../src/contract/judge/checks/float-format.js';
import { rawFloats } from '../../../src/contract/judge/raw-floats.js';
import { inspect } from '../../../src/contract/send/response.js';
import { floatShape } from '../../../src/spec/floats.js';
import { loadSpec } from '../../../src/spec/load.js';
import { validatorFor } from '../../../src/spec/validator.js';
import { caseOf } from '../helpers/case.js';

const spec = loadSpec();
const ctx: CheckContext = { spec, validator: validatorFor(spec.document), strict: false };

const judge = (operationId: string, status: number, text: string) =>
  floatFormat.run(
    ctx,
    caseOf(operationId),
    inspect(spec.byOperationId.get(operationId)!, {
      status,
      headers: new Headers({ 'content-type': 'application/json; charset=utf-8' }),
      text,
      durationMs: 1,
    }),
  );

describe('rawFloats', () => {
  it('finds the number tokens at float places as written, through strings, escapes and nesting', () => {
    const shape = floatShape(spec.document, '/components/schemas/Span')!;
    expect(rawFloats('{"note":"a \\"}\\" b","start_time":1795180000,"end_time":-1.5e3,"duration":60}', shape)).toEqual([
      { pointer: '/start_time', text: '1795180000', kind: 'always' },
      { pointer: '/end_time', text: '-1.5e3', kind: 'always' },
    ]);
  });
});

describe('float_format', () => {
  it('finds nothing in spans written with .0', () => {
    expect(judge('getUserSpans', 200, '{"spans":[{"start_time":1795180000.0,"end_time":1795180060.5,"duration":60}]}')).toEqual([]);
  });

  it('reports a whole float written as an integer, with its pointer and one key per field', () => {
    const drafts = judge(
      'getUserSpans',
      200,
      '{"spans":[{"start_time":1795180000,"end_time":1795180060.5,"duration":60}, {"start_time":1795190000,"end_time":1795190060,"duration":60}]}',
    );
    expect(drafts.map((d) => [d.pointer, d.key, d.received, d.expected])).toEqual([
      ['/spans/0/start_time', 'float:/spans/*/start_time', '1795180000', '1795180000.0'],
      ['/spans/1/start_time', 'float:/spans/*/start_time', '1795190000', '1795190000.0'],
      ['/spans/1/end_time', 'float:/spans/*/end_time', '1795190060', '1795190060.0'],
    ]);
  });

  it('accepts the Integer 0 of last_7_days daily_average (x-float: except-zero), not another integer', () => {
    const body = (average: string) => `{"data":{"total_seconds":0,"daily_average":${average},"categories":[{"percent":100.0}]}}`;
    expect(judge('getLast7Days', 200, body('0'))).toEqual([]);
    expect(judge('getLast7Days', 200, body('5040')).map((d) => d.pointer)).toEqual(['/data/daily_average']);
  });

  it('does not judge integers or answers without float places', () => {
    expect(judge('getUserTrustFactor', 200, '{"trust_level":"green","trust_value":2}')).toEqual([]);
  });
});
