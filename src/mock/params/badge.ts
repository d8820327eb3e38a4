/**
 * @module
 * What the badge action (`GET /api/v1/badge/{user_id}/{project}`) reads from its request: the user
 * of the path and the `aliases` list.
 */
import type { World } from '../../world/store.js';
import type { User } from '../../world/types.js';
import { isBlankString } from '../rails/ruby/blank.js';
import { rubySplit, rubyStrip } from '../rails/ruby/string-methods.js';

/** The badge's user: blank → none; else Slack UID, username, then (digits only) id. */
export function badgeUser(world: World, identifier: string): User | undefined {
  return isBlankString(identifier) ? undefined : world.lookupForBadge(identifier);
}

/** The `aliases` names as the controller reads them (`split(",").map(&:strip)`), the badge's own project removed. */
export function aliasNames(aliases: string, project: string): Set<string> {
  return new Set(
    rubySplit(aliases)
      .map(rubyStrip)
      .filter((f) => f !== project),
  );
}
