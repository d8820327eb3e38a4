/** Hand-made heartbeats for the world's unit tests: fixed inputs only. */
import type { Heartbeat } from '../../src/world/types.js';

/** Unix seconds of an ISO instant. */
export function at(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new Error(`bad instant in test: ${iso}`);
  return ms / 1000;
}

/** Minimal timed rows with ids 1..n, for duration and span rules. */
export function timed(times: readonly number[]): { id: number; time: number }[] {
  return times.map((time, i) => ({ id: i + 1, time }));
}

/** A complete stored row with every optional field null. */
export function row(overrides: Partial<Heartbeat> & { id: number; time: number }): Heartbeat {
  return {
    user_id: 1,
    entity: '/home/orpheus/code/hackatime/app/models/user.rb',
    type: 'file',
    category: 'coding',
    project: 'hackatime',
    branch: 'main',
    language: 'Ruby',
    editor: 'vscode',
    operating_system: 'linux',
    machine: 'orpheus-laptop',
    user_agent: 'wakatime/v1.115.2 (linux-6.8.0-40-generic-x86_64) go1.23.1 vscode/1.96.0 vscode-wakatime/24.6.0',
    is_write: false,
    lineno: 1,
    lines: 10,
    cursorpos: 1,
    line_additions: null,
    line_deletions: null,
    project_root_count: null,
    dependencies: [],
    ai_model: null,
    ai_session: null,
    ai_subscription_plan: null,
    ai_input_tokens: null,
    ai_output_tokens: null,
    ai_prompt_length: null,
    ai_line_changes: null,
    human_line_changes: null,
    source_type: 'direct_entry',
    ip_address: '203.0.113.10',
    ja4_id: null,
    fields_hash: '',
    created_at: '2026-08-22T14:00:00.000Z',
    updated_at: '2026-08-22T14:00:00.000Z',
    deleted_at: null,
    ...overrides,
  };
}

/** Heartbeats every `step` seconds from `start` for `count` beats. */
export function series(start: number, step: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => start + i * step);
}
