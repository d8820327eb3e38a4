/**
 * @module
 * `float_format`: a number the spec marks `x-float` is written as a float. The real server writes
 * JSON with Oj in Rails mode (`Oj.optimize_rails`, `config/initializers/oj.rb` of hackclub/hackatime),
 * which writes a whole Ruby Float as `100.0`; a server writing `100` there breaks typed clients that
 * decode the field as a double (Dart `as double`, Swift, serde with `f64` and no coercion). Read off
 * the raw body, since parsed JSON cannot tell the two apart.
 */
import { floatShape } from '../../../spec/floats.js';
import type { FindingDraft } from '../../findings.js';
import { rawFloats, writtenAsFloat } from '../raw-floats.js';
import { type Check, onlyDocumentedJson } from './check.js';

/** `/spans/3/start_time` → `/spans/*\/start_time`: one key for the same field in every item. */
const fieldOf = (pointer: string): string => pointer.replace(/\/\d+(?=\/|$)/g, '/*');

export const floatFormat: Check = {
  name: 'float_format',
  summary: 'Numbers the spec marks x-float are written as floats (`100.0`, not `100`), as Oj writes Ruby Floats.',
  run: onlyDocumentedJson((ctx, _kase, res) => {
    const pointer = res.media?.schemaPointer;
    const shape = pointer === undefined ? undefined : floatShape(ctx.spec.document, pointer);
    if (shape === undefined) return [];
    return rawFloats(res.text, shape)
      .filter((token) => !writtenAsFloat(token))
      .map(
        (token): FindingDraft => ({
          title: 'Float written as an integer',
          message: `${token.pointer} is ${token.text}, a Float on the server, which writes it as ${token.text}.0.`,
          pointer: token.pointer,
          key: `float:${fieldOf(token.pointer)}`,
          expected: `${token.text}.0`,
          received: token.text,
        }),
      );
  }),
};
