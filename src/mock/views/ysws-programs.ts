/**
 * @module
 * The removed heartbeat `ysws_program` enum (last present at upstream `586e5ae2`): a name's index is
 * its integer value, the `program_id` of the claim endpoint.
 */

export const YSWS_PROGRAMS: readonly string[] = [
  'nothing', 'high_seas', 'arcade', 'juice', 'onboard', 'sprig', 'cider', 'hackpad', 'boba_drops', 'the_bin',
  'blot', 'infill', 'scrapyard', 'hackcraft_mod_edition', 'browser_buddy', 'hackaccino', 'cafe', 'low_skies', 'rasp_api', 'terminal_craft',
  'neon', 'jungle', 'counterspell', 'riceathon', 'power_hour', 'scrapyard_flagship', 'ten_days_in_public', 'build_your_own_llm', 'cargo_cult_v2', 'sockathon',
  'bakebuild', 'minus_twelve', 'easel', 'retrospect', 'cascade', 'ten_hours_in_public', 'swirl', 'tarot', 'asylum', 'cargo_cult',
  'rpg', 'ham_club', 'anchor', 'dessert', 'wizard_orpheus', 'onboard_live', 'say_cheese', 'hackapet', 'clubs_competitions', 'printboard',
  'black_box', 'shipwrecked', 'pizza_grant_ysws', 'pixeldust', 'hacklet', 'reflow', 'the_journey', 'visioneer', 'neighborhood',
];

/** `Heartbeat.ysws_programs.value?(n)`. */
export const isProgramValue = (n: number): boolean => Number.isInteger(n) && n >= 0 && n < YSWS_PROGRAMS.length;
