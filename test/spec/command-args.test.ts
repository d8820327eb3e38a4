/**
 * The shared command-line plumbing: parseCommandArgs (negative numbers as values) and the checks of
 * paths a person names (one-line reasons instead of Node stack traces).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../src/spec/command-args.js';
import { UsageError } from '../../src/spec/errors.js';
import { pathError, requireReadable, requireWritable } from '../../src/spec/user-paths.js';
import { tempDir } from '../helpers/temp.js';

const OPTIONS = { port: { type: 'string', short: 'p' }, days: { type: 'string' }, strict: { type: 'boolean' } } as const;

describe('parseCommandArgs', () => {
  it.each([
    [['--port', '-1'], { port: '-1' }],
    [['-p', '-1'], { port: '-1' }],
    [['--port=-1'], { port: '-1' }],
    [['--days', '-5', '--port', '0'], { days: '-5', port: '0' }],
    [['--days', '-0.5'], { days: '-0.5' }],
  ])('takes a negative number after a string option as its value: %j', (args, values) => {
    expect(parseCommandArgs(args, OPTIONS).values).toEqual(values);
  });

  it('still refuses what is not a value: a negative number after a flag, an unknown option', () => {
    expect(() => parseCommandArgs(['--strict', '-1'], OPTIONS)).toThrow(UsageError);
    expect(() => parseCommandArgs(['--port', '-x'], OPTIONS)).toThrow(UsageError);
    expect(() => parseCommandArgs(['--nope'], OPTIONS)).toThrow(/^Unknown option '--nope'/);
  });
});

describe('paths a person names', () => {
  const work = tempDir('user-paths');
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const file = join(work, 'plain');
  writeFileSync(file, 'x');
  mkdirSync(join(work, 'folder'));

  it('turns file-system errors into one line naming the option and the path', () => {
    const errno = (code: string, path?: string) => Object.assign(new Error(`${code}: boom`), { code, ...(path ? { path } : {}) });
    expect(pathError(errno('EACCES'), '--out', 'site')).toEqual(new UsageError('--out site: permission denied'));
    expect(pathError(errno('EROFS'), '--out', 'site')).toEqual(new UsageError('--out site: on a read-only file system'));
    expect(pathError(errno('EISDIR', 'site/index.html'), '--out', 'site')).toEqual(
      new UsageError('--out site: site/index.html: is a folder, not a file'),
    );
    // Not a file-system error a person can fix: left as it is, a bug to report.
    const bug = new TypeError('x is undefined');
    expect(pathError(bug, '--out', 'site')).toBe(bug);
    expect(pathError(errno('ECONNRESET'), '--out', 'site')).toBeInstanceOf(Error);
    expect(pathError(errno('ECONNRESET'), '--out', 'site')).not.toBeInstanceOf(UsageError);
  });

  it('accepts a readable file or folder and names what is wrong otherwise', () => {
    expect(() => requireReadable('--spec', file, 'file')).not.toThrow();
    expect(() => requireReadable('--fixtures', work, 'folder')).not.toThrow();
    expect(() => requireReadable('--spec', join(file, 'x.yaml'), 'file')).toThrow(`--spec ${join(file, 'x.yaml')}: no such file`);
  });

  it('accepts a path it can write or create, and names the part in the way otherwise', () => {
    expect(() => requireWritable('--out', join(work, 'new', 'deeper'), 'folder', { createFolders: true })).not.toThrow();
    expect(() => requireWritable('--out', join(work, 'folder'), 'folder', { createFolders: true })).not.toThrow();
    expect(() => requireWritable('--data-file', file, 'file', { createFolders: false })).not.toThrow();
    expect(() => requireWritable('--data-file', join(work, 'new', 'x.jsonl'), 'file', { createFolders: false })).toThrow(
      new UsageError(`--data-file ${join(work, 'new', 'x.jsonl')}: folder ${join(work, 'new')} does not exist`),
    );
    expect(() => requireWritable('--out', join(file, 'a', 'b'), 'folder', { createFolders: true })).toThrow(
      new UsageError(`--out ${join(file, 'a', 'b')}: ${file} is a file, not a folder`),
    );
  });
});
