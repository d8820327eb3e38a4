/**
 * @module
 * A reporter consumes run events; it may write as they come (console) or on close (files).
 */
import type { RunEvent } from '../events.js';

export interface Reporter {
  onEvent(event: RunEvent): void;
  close(): Promise<void>;
}
