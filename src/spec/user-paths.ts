/**
 * @module
 * Paths a person names on the command line (`--out`, `--spec`, `--data-file`, `--report`): checked
 * before the work starts, and file-system errors on them turned into a one-line {@link UsageError}
 * that says what to change, instead of a Node stack trace. Paths are shown as they were given.
 */
import { accessSync, constants, type Stats, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from './errors.js';

/** What each file-system error means for the path a person gave (Node's `err.code`). */
const REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'on a read-only file system',
  EEXIST: 'already exists and is not a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  ENOSPC: 'no space left on the device',
  ENAMETOOLONG: 'the name is too long',
  ELOOP: 'too many levels of symbolic links',
};

/**
 * `err` as a one-line {@link UsageError} about `path` (given as `option`) when it is a file-system
 * error a person can fix by naming another path or fixing permissions; any other error is returned
 * as it is. The file the error is about is named when it is not `path` itself (a file inside it).
 * @example
 * try { await writeFile(out, text); } catch (err) { throw pathError(err, '--out', out); }
 */
export function pathError(err: unknown, option: string, path: string): unknown {
  if (err instanceof UsageError) return err;
  const { code, path: failed } = (err ?? {}) as NodeJS.ErrnoException;
  const reason = code === undefined ? undefined : REASONS[code];
  if (reason === undefined) return err;
  const where = failed !== undefined && resolve(failed) !== resolve(path) ? `${failed}: ` : '';
  return new UsageError(`${option} ${path}: ${where}${reason}`);
}

/** The entry at `path`, or undefined when there is none (a file on the way means there is none either). */
function stat(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw err;
  }
}

/**
 * Throws a one-line {@link UsageError} unless `path` (given as `option`) is a readable file, or a
 * readable folder when `kind` says so.
 * @example
 * requireReadable('--spec', 'openapi/hackatime.yaml', 'file');
 */
export function requireReadable(option: string, path: string, kind: 'file' | 'folder'): void {
  const subject = `${option} ${path}`;
  try {
    const found = stat(path);
    if (!found) throw new UsageError(`${subject}: no such ${kind}`);
    if (kind === 'file' && found.isDirectory()) throw new UsageError(`${subject}: is a folder, not a file`);
    if (kind === 'folder' && !found.isDirectory()) throw new UsageError(`${subject}: is a file, not a folder`);
    accessSync(path, constants.R_OK);
  } catch (err) {
    throw pathError(err, option, path);
  }
}

/**
 * Throws a one-line {@link UsageError} unless a `kind` can be written at `path` (given as `option`):
 * an existing one of that kind that is writable, or a new one in a writable folder. Missing folders
 * on the way are fine when the writer creates them (`createFolders`), else they are the error.
 * @example
 * requireWritable('--out', 'site', 'folder', { createFolders: true });
 */
export function requireWritable(
  option: string,
  path: string,
  kind: 'file' | 'folder',
  { createFolders }: { createFolders: boolean },
): void {
  const subject = `${option} ${path}`;
  try {
    const found = stat(path);
    if (found) {
      if (kind === 'file' && found.isDirectory()) throw new UsageError(`${subject}: is a folder, not a file`);
      if (kind === 'folder' && !found.isDirectory()) throw new UsageError(`${subject}: is a file, not a folder`);
      accessSync(path, constants.W_OK);
      return;
    }
    let folder = dirname(path);
    let folderStat = stat(folder);
    while (!folderStat && dirname(folder) !== folder) {
      if (!createFolders) throw new UsageError(`${subject}: folder ${folder} does not exist`);
      folder = dirname(folder);
      folderStat = stat(folder);
    }
    if (folderStat && !folderStat.isDirectory()) throw new UsageError(`${subject}: ${folder} is a file, not a folder`);
    accessSync(folder, constants.W_OK);
  } catch (err) {
    throw pathError(err, option, path);
  }
}
