/**
 * @module
 * `--data-file PATH`: every heartbeat the mock accepts, appended to a JSON-lines file and reloaded on
 * start, so that nothing acknowledged is lost when the process dies.
 *
 * Durability: rows are appended in acceptance order and `fsync`ed before the request that posted them
 * is answered (the handlers await `World#flushed`). Writes are group-committed: whatever was accepted
 * while the previous write was on its way goes out as one `write` + one `fsync`, so a bulk request costs
 * one sync. A crash can only tear the last line, which no client was told about; on start that torn
 * tail is reported and cut off so that the next append starts on a clean line. A complete line that is
 * not a valid row is reported and skipped, and stays in the file.
 *
 * Reset (`POST /__mock/reset`) truncates the file too: the file always holds exactly the world's
 * posted heartbeats, so a restart after a reset does not bring back what was reset away.
 */
import { closeSync, fstatSync, fsync, fsyncSync, ftruncate, ftruncateSync, openSync, readFileSync, write, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import type { HeartbeatSink, World } from '../../world/store.js';
import type { Heartbeat } from '../../world/types.js';
import { recordLine } from './heartbeat-records.js';
import { type ImportReport, importLines, numberedLines } from './import.js';

const writeAsync = promisify(write);
const fsyncAsync = promisify(fsync);
const ftruncateAsync = promisify(ftruncate);

/** The file cannot be read or opened for appending (a usage problem, not a bug). */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

export interface DataFileReport extends ImportReport {
  path: string;
  /** The last line had no newline and was not a valid row: a write cut short. */
  tornTail: { line: number; bytes: number } | undefined;
}

/** The problems worth telling the person who started the mock, one line each. */
export function describeLoad(report: DataFileReport): string[] {
  const out = report.errors.map((e) => `data file ${report.path}: line ${e.line} skipped: ${e.error}`);
  if (report.tornTail) {
    out.push(
      `data file ${report.path}: line ${report.tornTail.line} is incomplete (${report.tornTail.bytes} bytes, a write cut short); skipped and cut from the file`,
    );
  }
  out.push(
    `data file ${report.path}: ${report.accepted} heartbeats loaded${report.duplicates > 0 ? `, ${report.duplicates} already in the world` : ''}`,
  );
  return out;
}

function readExisting(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw err;
  }
}

export class DataFile implements HeartbeatSink {
  private buffer: string[] = [];
  /** Settles when every write or truncation scheduled so far has finished. */
  private tail: Promise<void> = Promise.resolve();
  /** The next write, not yet started: it takes everything buffered when it starts. */
  private next: Promise<void> | undefined;
  /** Bumped by a reset: a write scheduled before it must not write lines accepted after it. */
  private generation = 0;
  private failure: Error | undefined;
  private closed = false;

  private constructor(
    readonly path: string,
    private readonly fd: number,
  ) {}

  /**
   * Opens (or creates) the file, loads its rows into `world`, repairs a torn tail, and from then on
   * keeps every posted row. Synchronous: the mock loads before it listens.
   */
  static open(path: string, world: World, nowMs: number): { file: DataFile; report: DataFileReport } {
    let existed: string;
    let fd: number;
    try {
      existed = readExisting(path);
      fd = openSync(path, 'a+');
    } catch (err) {
      throw new DataFileError(`cannot open data file ${path}: ${(err as Error).message}`);
    }
    // A new file's directory entry must be durable too, or the file could vanish with its rows.
    if (existed === '' && fstatSync(fd).size === 0) syncDirectory(path);
    const lines = numberedLines(existed);
    let tornTail: DataFileReport['tornTail'];
    const complete = existed.endsWith('\n') || existed === '' ? lines : lines.slice(0, -1);
    const completeBytes = Buffer.byteLength(existed.slice(0, existed.lastIndexOf('\n') + 1));
    const report = importLines(world, complete, new Date(nowMs).toISOString());
    if (complete.length < lines.length) {
      const last = lines[lines.length - 1]!;
      const alone = importLines(world, [last], new Date(nowMs).toISOString());
      if (alone.errors.length === 0) {
        // A valid row that only lacks its newline: keep it, and end it.
        report.lines += alone.lines;
        report.accepted += alone.accepted;
        report.duplicates += alone.duplicates;
        appendSync(fd, '\n');
      } else {
        tornTail = { line: last.line, bytes: Buffer.byteLength(existed) - completeBytes };
        truncateSync(fd, completeBytes);
      }
    }
    const file = new DataFile(path, fd);
    world.addSink(file);
    return { file, report: { ...report, path, tornTail } };
  }

  added(row: Heartbeat): void {
    this.buffer.push(recordLine(row));
    this.schedule();
  }

  reset(): void {
    this.buffer = [];
    this.generation += 1;
    this.next = undefined;
    this.enqueue(async () => {
      await ftruncateAsync(this.fd, 0);
      await fsyncAsync(this.fd);
    });
  }

  flushed(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return this.next ?? this.tail;
  }

  /** Writes what is left and closes the file. */
  async close(): Promise<void> {
    if (this.closed) return;
    await this.tail.catch(() => undefined);
    this.closed = true;
    closeSync(this.fd);
  }

  private schedule(): void {
    if (this.next) return;
    const generation = this.generation;
    const write: Promise<void> = this.enqueue(async () => {
      if (this.next === write) this.next = undefined;
      if (generation !== this.generation) return;
      const text = this.buffer.join('');
      this.buffer = [];
      if (text === '') return;
      const bytes = Buffer.from(text, 'utf8');
      let offset = 0;
      while (offset < bytes.length) offset += (await writeAsync(this.fd, bytes, offset, bytes.length - offset)).bytesWritten;
      await fsyncAsync(this.fd);
    });
    this.next = write;
  }

  /** Runs `op` after everything before it; after a failure nothing more is written. */
  private enqueue(op: () => Promise<void>): Promise<void> {
    const run = this.tail.then(async () => {
      if (this.failure) throw this.failure;
      if (this.closed) throw new Error(`data file ${this.path} is closed`);
      try {
        await op();
      } catch (err) {
        this.failure = new Error(`data file ${this.path} cannot be written: ${(err as Error).message}`);
        throw this.failure;
      }
    });
    this.tail = run.catch(() => undefined);
    return run;
  }
}

/** Appends `text` and syncs (start-up repairs only; requests go through the queue). */
function appendSync(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
  fsyncSync(fd);
}

function truncateSync(fd: number, length: number): void {
  ftruncateSync(fd, length);
  fsyncSync(fd);
}

function syncDirectory(path: string): void {
  let dir: number | undefined;
  try {
    dir = openSync(dirname(path), 'r');
    fsyncSync(dir);
  } catch {
    // Some platforms cannot open or sync a directory; the file's own fsync is all there is then.
  } finally {
    if (dir !== undefined) closeSync(dir);
  }
}
