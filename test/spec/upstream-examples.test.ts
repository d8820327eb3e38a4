import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { loadSpec } from '../../src/spec/load.js';
import { validatorFor } from '../../src/spec/validator.js';
import { describeWhen } from '../helpers/requirements.js';

/**
 * The response bodies found in the real server's repository (shared/reference/upstream), each with a
 * note on how far to trust it. Those not known to differ from the real server must fit our spec.
 */
const FILE = new URL('../../../shared/reference/upstream/examples.json', import.meta.url);

interface UpstreamExample {
  method: string;
  path: string;
  status: number;
  body: unknown;
  note: string;
}

const DIFFERS =
  /known to differ|disagrees|does not match|impossible|not emitted|no current controller|never return|subset|the real '[^']+' is/i;
const trusted = (e: UpstreamExample) =>
  !DIFFERS.test(e.note) && (!/old documentation/i.test(e.note) || /still matches/i.test(e.note)) && e.path !== '*';
/** Bodies put together from per-field examples, or with fields left out, may lack required fields. */
const partial = (e: UpstreamExample) => /assembled|left out/i.test(e.note);

const shape = (path: string) => path.replace(/\{[^}]+\}/g, '{}');
const matches = (template: string, path: string) => {
  const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+').replace(/\./g, '\\.')}$`);
  return shape(template) === shape(path) || pattern.test(path);
};

const SHARED_EXAMPLES = {
  present: existsSync(FILE),
  missing: `${fileURLToPath(FILE)} is absent (the project's shared/ folder beside the checkout)`,
};

describeWhen(SHARED_EXAMPLES, 'upstream response bodies', () => {
  const examples = JSON.parse(readFileSync(FILE, 'utf8')) as UpstreamExample[];
  const spec = loadSpec();
  const validator = validatorFor(spec.document);
  const cases = examples.filter(trusted);

  it('leaves out only bodies whose note says they differ or are partial', () => {
    expect(examples).toHaveLength(63);
    expect(cases).toHaveLength(39);
  });

  it.each(cases.map((e) => [`${e.method} ${e.path} ${e.status}`, e] as const))('%s fits the spec', (_label, example) => {
    const op = spec.operations.find((o) => o.method === example.method.toLowerCase() && matches(o.path, example.path));
    expect(op, 'operation').toBeDefined();
    const response = op!.responses.find((r) => r.status === String(example.status));
    expect(response, `status ${example.status}`).toBeDefined();
    const media = response!.content[0];
    expect(media?.schemaPointer, 'schema').toBeDefined();
    const result = validator.validate(media!.schemaPointer!, example.body);
    const issues = result.ok ? [] : result.issues.filter((i) => !(partial(example) && i.keyword === 'required'));
    expect(issues).toEqual([]);
  });
});
