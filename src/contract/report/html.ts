/**
 * @module
 * `--report html:FILE`: the run as one self-contained page (see html-page.ts), written on close.
 */
import type { RunEvent, RunFinished, RunStarted } from '../events.js';
import { htmlPage } from './html-page.js';
import { caseKinds } from './outcome.js';
import type { Reporter } from './reporter.js';
import { writeReport } from './write-file.js';

/**
 * A reporter that writes the HTML page to `path` when the run is over.
 *
 * @example
 * const reporter = htmlReporter('contract-report.html');
 * await runContract({ baseUrl, onEvent: (e) => reporter.onEvent(e) });
 * await reporter.close();
 */
export function htmlReporter(path: string): Reporter {
  const kinds = caseKinds();
  let started: RunStarted | undefined;
  let finished: RunFinished | undefined;
  return {
    onEvent(e: RunEvent) {
      kinds.onEvent(e);
      if (e.type === 'run-started') started = e;
      if (e.type === 'run-finished') finished = e;
    },
    async close() {
      if (finished) await writeReport(path, htmlPage(finished, started, kinds.byOperation));
    },
  };
}
