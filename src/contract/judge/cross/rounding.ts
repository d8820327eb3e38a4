/**
 * @module
 * How far a daily summary's total may sit from one computed in a single sum: the server sums each
 * (day, project, AI model) group's gaps as floats and casts each group to whole seconds
 * (`SUM(...)::integer`, half a second either way), where the status bar and the stats cast their one
 * sum once. The groups are not in the answer, but the day's projects and AI models bound them.
 */
import { member } from '../invariants/select.js';

/**
 * Whole seconds of slack for one day of `getSummaries`: half a second per possible group, plus
 * one for the other side's own cast.
 * @example
 * roundingSlack({ projects: [{}, {}], ai_model_breakdown: [{}] }) // 3
 */
export function roundingSlack(day: unknown): number {
  const projects = member(day, 'projects');
  const models = member(day, 'grand_total/ai_model_breakdown');
  const p = Math.max(1, Array.isArray(projects) ? projects.length : 1);
  const m = Array.isArray(models) ? models.length : 0;
  return Math.ceil(0.5 * p * (m + 1)) + 1;
}
