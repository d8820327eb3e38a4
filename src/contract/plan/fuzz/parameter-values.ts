/**
 * @module
 * Values for one parameter: valid ones (mostly realistic — the run's user, project and dates near
 * its today, the spec's examples — the rest anything the schema allows, odd text included) and
 * invalid ones (mutations the shared validator rejects). A plain string parameter accepts every
 * string, so it has no invalid value: the server is lenient there and so is the fuzzer.
 */
import fc from 'fast-check';
import type { IndexedParameter } from '../../../spec/operations.js';
import { DATE_NAME, PATH_VARIABLES, QUERY_VARIABLES, type Target, variable } from '../variables.js';
import { type FuzzPlanContext, generatorsOf } from './context.js';
import { headerString, isRoutableSegment, NASTY_STRINGS, oddString } from './strings.js';

const UNCONSTRAINING = new Set(['type', 'description', 'examples', 'default', 'deprecated', 'title', 'x-path-glob']);

/** Whether the schema can reject a string at all (a plain string schema cannot). */
function isConstrained(param: IndexedParameter): boolean {
  const schema = param.schema as Record<string, unknown>;
  return schema['type'] !== 'string' || Object.keys(schema).some((k) => !UNCONSTRAINING.has(k));
}

const examplesOf = (param: IndexedParameter): string[] => {
  const schema = param.schema as { examples?: unknown[]; default?: unknown };
  return [...(schema.examples ?? []), ...(schema.default === undefined ? [] : [schema.default])].map(String);
};

const ENDING = /end|to|until/i;

/**
 * A day near the run's today, as `YYYY-MM-DD` or as a date-time like the parameter's example. A
 * range's end falls mostly after its start (a reversed range is documented, but rarely the point).
 */
function nearbyDate(param: IndexedParameter, target: Target): fc.Arbitrary<string> {
  const dateTime = examplesOf(param).some((e) => e.includes('T')) || (param.schema as { format?: unknown }).format === 'date-time';
  const ending = ENDING.test(param.name) && !/start|from|since/i.test(param.name);
  return fc.integer(ending ? { min: -20, max: 2 } : { min: -60, max: -10 }).map((offset) => {
    const day = variable(target, offset === 0 ? 'today' : `today${offset > 0 ? '+' : ''}${offset}`)!;
    return dateTime ? `${day}T${ending ? '23:59:59' : '00:00:00'}Z` : day;
  });
}

/** The realistic values of a parameter: the run's own user (mostly) and others, nearby dates, examples. */
function realistic(param: IndexedParameter, ctx: FuzzPlanContext): fc.Arbitrary<string> | undefined {
  const name = param.in === 'path' ? PATH_VARIABLES[param.name] : QUERY_VARIABLES[param.name];
  if (param.in !== 'path' && DATE_NAME.test(param.name)) return nearbyDate(param, ctx.target);
  const own = name === undefined ? variable(ctx.target, param.name) : variable(ctx.target, name);
  const others = name === 'username' ? (ctx.target.users ?? []).filter((u) => u !== own) : [];
  // A user-naming path parameter is never filled from an example (it names someone else's account).
  const examples = name === undefined || own === undefined ? examplesOf(param) : [];
  const first = own === undefined ? examples : [own];
  if (first.length === 0) return others.length === 0 ? undefined : fc.constantFrom(...others);
  const mine = fc.constantFrom(...first, ...(own === undefined ? [] : examples));
  // Cross-shrinking: a failure with another user shrinks to the run's own user when it still fails.
  return others.length === 0
    ? mine
    : fc.oneof({ withCrossShrink: true }, { weight: 4, arbitrary: mine }, { weight: 1, arbitrary: fc.constantFrom(...others) });
}

/** Any string the parameter's place can carry. */
function anyText(param: IndexedParameter): fc.Arbitrary<string> {
  if (param.in === 'header') return headerString();
  if (param.in === 'path' && param.glob)
    return fc.array(oddString(64).filter(isRoutableSegment), { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));
  return param.in === 'path' ? oddString(256).filter(isRoutableSegment) : oddString();
}

const isValid =
  (param: IndexedParameter, ctx: FuzzPlanContext) =>
  (value: string): boolean =>
    ctx.validator.validateParameter(param.schemaPointer, value).ok &&
    (param.in !== 'path' || (param.glob ? value.split('/').every(isRoutableSegment) : isRoutableSegment(value)));

/**
 * Valid values of a parameter, realistic three times out of four. For a path parameter that names
 * a user, "valid" includes users that do not exist: the server answers those with a documented 404.
 */
export function validValues(param: IndexedParameter, ctx: FuzzPlanContext): fc.Arbitrary<string> {
  const real = realistic(param, ctx);
  const fromSchema = isConstrained(param)
    ? generatorsOf(ctx)
        .schemas.at(param.schemaPointer)
        .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    : anyText(param);
  const valid = isValid(param, ctx);
  const generated = fromSchema.filter(valid);
  const realValid = real?.filter(valid);
  return realValid === undefined
    ? generated
    : fc.oneof({ withCrossShrink: true }, { weight: 3, arbitrary: realValid }, { weight: 1, arbitrary: generated });
}

/** Likely-invalid strings for any schema; kept are those the validator rejects. */
const CANDIDATES: readonly string[] = [
  'not-a-date',
  '2026-02-30',
  '2026-13-01',
  '26-08-22',
  '2026/08/22',
  '2026-08-22T00:00:00Z',
  ' 2026-08-22',
  'not-a-number',
  '1.5',
  '1e3',
  'not-a-boolean',
  'hackatime-kit-invalid',
  'bad.value',
  'a.b.c',
  '.hidden',
  'trailing.',
  'bad value!',
  '',
  ...NASTY_STRINGS,
];

/** One character inserted into a value, or a value cut short: a near-miss of a valid value. */
function nearMiss(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(valid, fc.nat(), fc.constantFrom('.', ' ', '%', '\u0000', 'x', '-', '9', 'é', '.', '..'), fc.boolean())
    .map(([v, at, c, cut]) => {
      const i = at % (v.length + 1);
      return cut && v.length > 1 ? v.slice(0, i) : `${v.slice(0, i)}${c}${v.slice(i)}`;
    });
}

/**
 * Values the parameter's schema rejects (for a path parameter: that still route as one segment),
 * or `undefined` when there are none to be found (a plain string, a path parameter matching any
 * segment).
 */
export function invalidValues(param: IndexedParameter, ctx: FuzzPlanContext): fc.Arbitrary<string> | undefined {
  if (!isConstrained(param) || param.in === 'cookie') return undefined;
  const routable = (v: string) => param.in !== 'path' || (param.glob ? v.split('/').every(isRoutableSegment) : isRoutableSegment(v));
  const invalid = (v: string) => routable(v) && !ctx.validator.validateParameter(param.schemaPointer, v).ok;
  const known = CANDIDATES.filter(invalid);
  if (known.length === 0) return undefined;
  const fallback = known[0]!;
  // A near miss that happens to be valid becomes a known invalid value: no filter that could spin.
  const missed = nearMiss(validValues(param, ctx)).map((v) => (invalid(v) ? v : fallback));
  const odd = anyText(param).map((v) => (invalid(v) ? v : fallback));
  return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: missed }, { weight: 1, arbitrary: odd });
}
