/**
 * The Hackatime API's types (`paths`, `components`, `operations`), generated from
 * openapi/hackatime.yaml by openapi-typescript: run `npm run types` after changing the spec;
 * `npm run lint` fails while this file is not current. Do not edit by hand.
 * @example
 * import createClient from 'openapi-fetch';
 * import type { paths } from 'hackatime-kit/types';
 * const client = createClient<paths>({ baseUrl: 'http://127.0.0.1:4010' });
 */
export interface paths {
    "/api/hackatime/v1/users/{id}/heartbeats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send one heartbeat (WakaTime-compatible)
         * @description Stores one heartbeat for the owner of the API key and returns the stored row. `{id}` is ignored.
         *
         *     **Body.** The server takes the first heartbeat it finds, in this order: a top-level JSON array (its
         *     first element; the others are ignored); a `text/plain` body that parses as JSON (an object, or an
         *     array → its first element); a `{"hackatime": {…}}` wrapper; otherwise the top-level JSON object
         *     (Rails wraps a plain JSON object under `hackatime` itself, so a bare object works) or form fields.
         *     Unknown keys are dropped. Nothing usable — an empty body, an empty array, a first item that is not
         *     an object or has no accepted key (`[{}]`), an unparseable or scalar `text/plain` body — gives
         *     `400 {"error":"No data provided..."}`; a malformed `application/json` body is rejected earlier
         *     with the error page's `400`.
         *
         *     **Normalisation.** `time` accepts epoch seconds, milliseconds, microseconds or nanoseconds (numbers
         *     or numeric strings) and date strings; project names lose control characters; `<<LAST_LANGUAGE>>` /
         *     `<<LAST_BRANCH>>` placeholders are resolved from the user's previous heartbeat of the same project;
         *     a blank or `unknown` language is inferred from the file extension; `category` defaults to `coding`
         *     (`browsing` for `domain`/`url` entities). `user_agent` falls back to `plugin`, then to the
         *     `User-Agent` header; `editor` and `operating_system` are parsed from the user agent (the posted
         *     values are used only when it cannot be parsed); `machine` is the `X-Machine-Name` header, else the
         *     posted value; `ip_address` is `CF-Connecting-IP`, else the client address; a posted `created_at` is
         *     ignored. An `entity` of `test.txt` is stored as a `test_entry`.
         *
         *     **Duplicates.** A heartbeat identical to one already stored (same hash over user, time, entity,
         *     project, branch, language, editor, OS, machine, category, type, user agent, dependencies, line
         *     counters, cursor, `is_write` and any AI fields) is not inserted again: the existing row comes back,
         *     same `id`, still `202`.
         *
         *     **Auth.** A user API key as Bearer, as Basic base64(key) — what WakaTime plugins and wakatime-cli
         *     send — or as `?api_key=`; OAuth tokens are rejected. Banned (red) users are accepted; an account
         *     with a pending deletion request gets `403`. Rate limit: 360 heartbeat uploads per minute per IP
         *     (shared with `heartbeats.bulk`).
         *
         *     **Historical docs:** the old API docs said every request authenticates with `Authorization: Bearer`
         *     or `?api_key=` and did not mention the `Authorization: Basic base64(key)` form that WakaTime plugins
         *     use; they pointed WakaTime tools at `/api/v1/` (the WakaTime-compatible base is `/api/hackatime/v1`),
         *     showed authentication errors as `{"error": "Invalid API key"}` (the server says
         *     `{"error": "Unauthorized"}`) and claimed there were no hard rate limits.
         */
        post: operations["postHeartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hackatime/v1/users/{id}/heartbeats.bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send up to 100 heartbeats (WakaTime-compatible)
         * @description Stores a batch of heartbeats for the owner of the API key — the endpoint wakatime-cli uses
         *     (`…/users/current/heartbeats.bulk`, `Authorization: Basic base64(key)`, machine name in
         *     `X-Machine-Name`). Same route and action as the single endpoint: Rails reads `.bulk` as the format.
         *     `{id}` is ignored.
         *
         *     **Body.** The heartbeats come from a top-level JSON array, a `text/plain` JSON array, or
         *     `{"heartbeats": […]}` / `{"hackatime": {"heartbeats": […]}}`; at most 100. An empty or missing
         *     array gives `400 {"error":"No data provided..."}`, more than 100 gives `400 {"error":"Too many
         *     heartbeats in a single request (max 100)"}`. A JSON request with no body at all, or a malformed
         *     JSON body, is rejected by the error page (`400`).
         *
         *     **Result.** `201` whenever the request itself is valid — even if every item failed — with one
         *     `[body, status]` pair per input item, in input order: the stored heartbeat and `201`, or
         *     `{"error", "type"}` and `422`. A non-object item (e.g. a string) gets its own `422` without
         *     affecting the others. Each item is normalised exactly like a single heartbeat (time scaling,
         *     placeholders — `<<LAST_PROJECT>>`, `<<LAST_LANGUAGE>>` and `<<LAST_BRANCH>>` resolve against earlier
         *     items of the same request first — language inference, user-agent parsing, `X-Machine-Name`);
         *     duplicates of stored heartbeats return the stored row with `201`. A database failure during the
         *     batch insert marks every otherwise valid item of the request `422` with the same error.
         *
         *     **Auth.** A user API key as Bearer, Basic base64(key) or `?api_key=`; OAuth tokens are rejected.
         *     Banned (red) users are accepted; an account with a pending deletion request gets `403`. Rate limit:
         *     360 heartbeat uploads per minute per IP (shared with the single endpoint).
         *
         *     **Historical docs:** the old API docs said every request authenticates with `Authorization: Bearer`
         *     or `?api_key=` and did not mention the `Authorization: Basic base64(key)` form that wakatime-cli
         *     uses; they pointed WakaTime tools at `/api/v1/` (the WakaTime-compatible base is `/api/hackatime/v1`),
         *     showed authentication errors as `{"error": "Invalid API key"}` (the server says
         *     `{"error": "Unauthorized"}`) and claimed there were no hard rate limits.
         */
        post: operations["postHeartbeatsBulk"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hackatime/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the current user (WakaTime-compatible)
         * @description The profile of the API key's owner in WakaTime's "current user" shape (`{"data": {…}}`), as editor
         *     plugins and dashboards request it at `/users/current`. `{id}` is ignored. Every key of `data` is
         *     always present; `display_name` and `full_name` carry the same value and `plan` is always `free`.
         *
         *     **Auth.** A user API key as Bearer, Basic base64(key) or `?api_key=`; OAuth tokens are rejected.
         *     Banned and pending-deletion users are still answered.
         *
         *     **Historical docs:** the old API docs did not list this endpoint; their general rules said
         *     requests authenticate with `Authorization: Bearer` or `?api_key=` (the Basic base64(key) form
         *     WakaTime plugins send was not mentioned) and showed authentication errors as
         *     `{"error": "Invalid API key"}` (the server says `{"error": "Unauthorized"}`).
         */
        get: operations["getCurrentUser"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hackatime/v1/users/{id}/summaries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get daily summaries (WakaTime-compatible)
         * @description WakaTime-style daily summaries of the API key's owner for an inclusive date range of at most 366
         *     days: one entry per calendar day (ascending, days without activity included) computed in
         *     `timezone` (default: the user's zone), plus the range's cumulative total and daily average.
         *     `{id}` is ignored.
         *
         *     Every heartbeat counts (any category, test entries included). Time is attributed forward: each
         *     heartbeat owns the gap to the next one, capped at 120 seconds and cut at the end of the local day.
         *     Per day only `grand_total` and `projects` are filled (projects with time, sorted by seconds
         *     descending then name; a blank project is `Other`); `branches`, `categories`, `dependencies`,
         *     `editors`, `entities`, `languages`, `machines` and `operating_systems` are always empty arrays.
         *     `grand_total` gains `ai_input_tokens`, `ai_output_tokens` and `ai_model_breakdown` only on days
         *     whose heartbeats carried AI telemetry. Note that `cumulative_total.seconds` is the range's total
         *     seconds, not a remainder.
         *
         *     **Auth.** A user API key as Bearer, Basic base64(key) or `?api_key=`; OAuth tokens are rejected.
         *     The credential is checked before the parameters (a bad key with bad dates is `401`).
         *
         *     **Historical docs:** the old API docs did not list this endpoint; their general rules said
         *     requests authenticate with `Authorization: Bearer` or `?api_key=` (the Basic base64(key) form
         *     WakaTime plugins send was not mentioned) and showed authentication errors as
         *     `{"error": "Invalid API key"}` (the server says `{"error": "Unauthorized"}`).
         */
        get: operations["getSummaries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hackatime/v1/users/{id}/statusbar/today": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get today's coding time for the status bar (WakaTime-compatible)
         * @description What editor plugins show in their status bar: the API key owner's coding time today, and the daily
         *     goal's progress when the user has set one. `{id}` is ignored.
         *
         *     "Today" is the user's local calendar day (their configured time zone). Every heartbeat counts (any
         *     category or source); each contributes the gap since the previous heartbeat, capped at 120 seconds.
         *     `grand_total.text` follows the user's status-bar text setting: `simple_text` (default) gives
         *     `Start coding!` at zero and `2h 30m`-style text otherwise, with a ` / <target> goal` suffix when a
         *     daily goal exists and goals are shown in the status bar (default on); `clock_emoji` gives a clock
         *     emoji; `compliment_text` a compliment that changes every 7 minutes. The `goal` object is present
         *     only when the user has a daily goal — the key is absent, never null, otherwise; its tracked time
         *     respects the goal's project/language filters and excludes archived projects.
         *
         *     **Auth.** A user API key as Bearer, Basic base64(key) or `?api_key=`; OAuth tokens are rejected.
         *     Banned and pending-deletion users are still answered.
         *
         *     **Historical docs:** the old API docs showed `{"data": {"grand_total": {"total_seconds": 7200.0,
         *     "text": "2 hrs"}}}`: `total_seconds` is an integer, the default text reads `2h` (`Start coding!`
         *     at zero, emoji or compliment for other settings, optional ` / 4h goal` suffix), and a `goal` object
         *     may be present. They also said requests authenticate only with `Authorization: Bearer` or
         *     `?api_key=` (WakaTime plugins send `Authorization: Basic base64(key)`) and showed authentication
         *     errors as `{"error": "Invalid API key"}` (the server says `{"error": "Unauthorized"}`).
         */
        get: operations["getStatusbarToday"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hackatime/v1/users/current/stats/last_7_days": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the last 7 days' stats (WakaTime-compatible)
         * @description WakaTime-style stats of the API key's owner from 00:00 seven days ago to 23:59:59 today in the
         *     user's time zone — 8 calendar days. Only the literal path `/users/current/stats/last_7_days` is
         *     routed; any other user segment is a `404`.
         *
         *     Durations follow the 2-minute rule: heartbeats are ordered by time and each contributes the gap
         *     since the previous one, capped at 120 seconds; in the per-editor/language/project/machine/OS lists
         *     the previous heartbeat is the previous one of the same group, so the lists need not add up to
         *     `total_seconds`. Lists are sorted by time (descending), drop groups with no time and are `[]` when
         *     the total is 0; `categories` is always a single synthetic `coding` entry with the overall total.
         *     Editors and operating systems get display names (`vscode` → `VSCode`, `darwin` → `macOS`),
         *     languages are canonicalised, blanks become `Unknown` (editors, OS) or `unknown` (projects,
         *     machines). `username` and `user_id` are both the user's Slack UID (null without Slack);
         *     `days_including_holidays` counts the days **with** activity and `daily_average` divides by that
         *     count.
         *
         *     **Auth.** A user API key as Bearer, Basic base64(key) or `?api_key=`; OAuth tokens are rejected.
         *     Banned and pending-deletion users are still answered.
         *
         *     **Historical docs:** the old API docs did not list this endpoint; their general rules said
         *     requests authenticate with `Authorization: Bearer` or `?api_key=` (the Basic base64(key) form
         *     WakaTime plugins send was not mentioned) and showed authentication errors as
         *     `{"error": "Invalid API key"}` (the server says `{"error": "Unauthorized"}`).
         */
        get: operations["getLast7Days"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a user's public summary (Wakapi-style)
         * @description Coding time per project and per language for any user who allows public stats, over an explicit
         *     range or a named interval, in a Wakapi-style shape. No credential is read: access depends only on
         *     the target user's public-stats setting.
         *
         *     **Range.** With both `from` (or `start`) and `to` (or `end`), the range runs from the start of the
         *     first UTC day to the end of the last (both parsed leniently in UTC); if only one side is given it
         *     is ignored. Otherwise `interval` (or `range`) picks a UTC window; without either the range is all
         *     time (1970-01-01 to the end of today).
         *
         *     **Computation.** Durations follow the 2-minute rule: each heartbeat contributes the gap since the
         *     previous heartbeat of the same project (or language), capped at 120 seconds; totals are integer
         *     seconds. Blank projects/languages are grouped as `Other` and languages are canonicalised.
         *     `editors`, `operating_systems`, `machines`, `categories`, `branches`, `entities` and `labels` are
         *     always empty objects. Results are cached for 1 minute per query.
         *
         *     `user_id` in the body is not the looked-up user: it echoes the `user` query parameter and is null
         *     whenever `user` is absent.
         *
         *     **Historical docs:** the old API docs did not list this endpoint and said all requests need an API
         *     key (`Authorization: Bearer` or `?api_key=`); this endpoint reads none.
         */
        get: operations["getSummary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Total coding time across all users (admin)
         * @description Returns the total coding time, in integer seconds, over the heartbeats of **every user** in the
         *     window, or of one user when `username` or `user_email` is given. It is an aggregate for
         *     integrations, answered as a bare number in `text/plain`; errors are still JSON.
         *
         *     The window is `start_date` 00:00:00 UTC to `end_date` 23:59:59 UTC, both inclusive (defaults:
         *     10 years ago to the end of today). All categories count. Time follows the 2-minute rule: heartbeats
         *     are ordered by time and each adds the gap since the previous one, capped at 120 s. Without a user
         *     filter the heartbeats of all users form **one merged timeline** (gaps are taken between consecutive
         *     heartbeats whatever their owner), so the result is not the sum of the per-user totals.
         *
         *     **Authentication**: an active Admin API key (`hka_` + 64 hex digits) of a user whose admin level is
         *     admin, superadmin, viewer or ultraadmin, as `Authorization: Bearer <key>` — the header must match
         *     `Bearer +<token>` (spaces only; a tab is rejected). A key whose owner lost admin rights is revoked on
         *     first use. User API keys and OAuth tokens are rejected. Admin keys are never read from `?api_key=`.
         *     **Legacy stats key**: while the server's `allow_legacy_stats_api_key` feature flag is on, the
         *     server-wide `STATS_API_KEY` is also accepted in the same `Authorization: Bearer` header, or as
         *     `?api_key=<key>` — the query form only when the request carries no `Authorization` header at all
         *     (an empty or malformed header disables it). The check is skipped entirely when the server runs in
         *     its development environment.
         *
         *     **Historical docs:** the seed documentation lists this endpoint as "Your Coding Stats — get how much
         *     you've coded overall", callable with a user API key as Bearer or `?api_key=`, and elsewhere marks it
         *     "Admin Only". It is an admin-only aggregate over all users (optionally one), returned as
         *     `text/plain` integer seconds. The upstream swagger lists the 401/404/422 errors under `text/plain`;
         *     they are `application/json`.
         */
        get: operations["getGlobalStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's coding stats (languages, projects, totals, streak)
         * @description Returns a WakaTime-style summary of one user's coding time — the endpoint behind the GitHub stats
         *     card. The window is `start_date <= time < end_date` (UTC; defaults 10 years ago → end of today).
         *     Durations follow the 2-minute rule: heartbeats are ordered by time and each adds the gap since the
         *     previous one, capped at 120 s; per-language and per-project totals apply the rule within each group.
         *     The summary is computed on every request (no cache); only `streak` is cached (1 hour).
         *
         *     With `total_seconds=true` the body is just `{"total_seconds": <int>}`.
         *
         *     **Access**: public when the target user allows public stats lookup. Otherwise only the user
         *     themself may read it: the caller is identified from `Authorization: Bearer <user API key>` or
         *     `Bearer <OAuth access token with the read scope>` (no Basic, no `?api_key`) or a Hackatime browser
         *     session. A bad, unknown or under-scoped credential, or one of a restricted user (trust level red or
         *     pending deletion), is not an error: the caller is simply anonymous. The user lookup (404) and the
         *     privacy check (403) run before any query parameter is parsed.
         *
         *     **Historical docs:** the seed documents the body as
         *     `{"user", "total_seconds", "languages": [{"name", "seconds"}], "projects": [{"name", "seconds"}]}`
         *     and says every request needs an API key (Bearer or `?api_key=`). The real body is
         *     `{"data": {…summary…}, "trust_factor": {…}}` with the fields below, projects only with
         *     `features=projects`, the endpoint is public unless the user opted out, and `?api_key=` is never read
         *     here. The upstream swagger's `StatsSummary` lacks most fields, lists `editors` (never returned) and
         *     float seconds.
         */
        get: operations["getUserStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/heartbeats/spans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's coding sessions (heartbeat spans)
         * @description Returns the user's heartbeats in the window grouped into spans — runs with no gap over 120 s — for
         *     timeline visualisations, ascending by time. A span closes when the next heartbeat is more than 120 s
         *     away; it then ends 120 s after its last heartbeat and its duration includes those 120 s, except for
         *     the final span, which ends at its last heartbeat. Spans with a duration of 0 are dropped. All
         *     categories and sources count; only heartbeats with valid timestamps are used.
         *
         *     **Access** is that of `GET /api/v1/users/{username}/stats`: public when the user allows public stats,
         *     otherwise only the user themself via `Authorization: Bearer` with a user API key or an OAuth token
         *     with `read` (bad credentials just make the caller anonymous).
         *
         *     **Historical docs:** the upstream swagger shows `duration` as a fraction (`2220.5`) and declares no
         *     security; durations are integers and the optional owner credential works as on the stats endpoint.
         */
        get: operations["getUserSpans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/trust_factor": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's public trust level
         * @description Returns the user's trust level as the public sees it: `blue`/0 (unscored), `red`/1 (convicted,
         *     banned) or `green`/2 (trusted). The hidden `yellow` level (3, suspected) is masked to `blue`/0.
         *     Public, with no privacy check: it answers even for users who disabled public stats.
         *
         *     The user is the one whose Slack user id **or** username equals `{username}`, or (all digits only)
         *     whose numeric id does — whichever row the database returns first. `my` is an ordinary username
         *     here, not the caller.
         *
         *     **Historical docs:** the seed's example is `{"trust_level": "yellow", "trust_value": 0}`, which
         *     cannot happen: yellow is never exposed and its number is 3. It also says every request needs an API
         *     key; this endpoint needs none.
         */
        get: operations["getUserTrustFactor"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Names of a user's recent projects
         * @description Returns the distinct, non-empty project names of the user's heartbeats (with valid timestamps) in a
         *     discovery window — by default the last 30 days (from 00:00 UTC 30 days ago until now). Archived
         *     projects are **included**; placeholder names such as `<<LAST_PROJECT>>` appear as stored. The order
         *     is the database's (not sorted).
         *
         *     **Access** is that of `GET /api/v1/users/{username}/stats`: public when the user allows public stats,
         *     otherwise only the user themself via `Authorization: Bearer` with a user API key or an OAuth token
         *     with `read` (bad credentials just make the caller anonymous).
         *
         *     The window bounds are read leniently: the start is the first parseable of `since`, `start`,
         *     `start_date`; the end the first parseable of `until`, `until_date`, `end`, `end_date`. Unparseable
         *     values are skipped silently, so this endpoint never answers 422.
         *
         *     **Historical docs:** the upstream swagger documents no query parameters and no security here;
         *     `since`/`until`/`until_date` (which it documents for `projects/details`) only work on this endpoint.
         */
        get: operations["getUserProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/project/{project_name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One of a user's projects, with totals
         * @description Returns one project's row — total time, heartbeat count, languages, first/last heartbeat, repository
         *     URL — over a window that defaults to **one year ago → now**. Only heartbeats with valid timestamps
         *     count; `total_seconds` follows the 2-minute rule over this project's heartbeats (each adds the gap
         *     since the previous one, capped at 120 s). A project with no heartbeats in the window, or whose
         *     repository mapping is archived, is `404 {"error":"found nuthin"}`.
         *
         *     **A dot in the project name must be percent-encoded.** The route is
         *     `/api/v1/users/:username/project/:project_name(.:format)`: Rails matches it on the raw path, where
         *     `{project_name}` stops at the first `.` and the rest is taken as a response format and dropped, so
         *     `…/project/pimlico.dev` looks up the project `pimlico` (and a name the router cannot split that way
         *     gets the 404 error page). The parameter is unescaped after routing, so `…/project/pimlico%2Edev`
         *     looks up `pimlico.dev` (most clients do not encode `.` by themselves). `GET
         *     /api/v1/users/{username}/projects/details?projects=pimlico.dev` works too.
         *
         *     **Access** is that of `GET /api/v1/users/{username}/stats`: public when the user allows public stats,
         *     otherwise only the user themself via `Authorization: Bearer` with a user API key or an OAuth token
         *     with `read` (bad credentials just make the caller anonymous). The user and privacy checks run first.
         *
         *     **Historical docs:** the seed's route list shows `/api/v1/users/:username/project/:project_name(.:format)`
         *     without warning that the format suffix eats dotted names. The upstream swagger shows fractional
         *     `total_seconds` (`14820.5`); it is an integer.
         */
        get: operations["getUserProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{username}/projects/details": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Rows for several (or all) of a user's projects
         * @description Returns a row per project — total time, heartbeat count, languages, first/last heartbeat, repository
         *     URL — for the projects named in `projects`, or for every project with heartbeats in the window
         *     (default **one year ago → now**). Archived projects are left out. Rows are sorted by `total_seconds`
         *     descending; the list is `[]` when nothing matches. Only heartbeats with valid timestamps and a
         *     non-empty project count; each project's `total_seconds` follows the 2-minute rule over that
         *     project's heartbeats (gaps capped at 120 s).
         *
         *     **Access** is that of `GET /api/v1/users/{username}/stats`: public when the user allows public stats,
         *     otherwise only the user themself via `Authorization: Bearer` with a user API key or an OAuth token
         *     with `read` (bad credentials just make the caller anonymous).
         *
         *     **Historical docs:** the upstream swagger documents `since`, `until` and `until_date` here; this
         *     endpoint ignores them (they only affect `GET /api/v1/users/{username}/projects`). It also shows
         *     fractional `total_seconds` (`14820.5`); they are integers.
         */
        get: operations["getUserProjectsDetails"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/lookup_email/{email}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a user id by email address (admin)
         * @description Returns the id of the user owning `{email}`. The match is exact and case-sensitive against the
         *     stored addresses, which are lower-case, so send the address in lower case. The email is echoed back
         *     as sent, in the 200 and in the 404 body.
         *
         *     **Authentication**: an active Admin API key (`hka_` + 64 hex digits) of an admin, superadmin, viewer
         *     or ultraadmin user, as `Authorization: Bearer <key>` (spaces only between scheme and key). While the
         *     server's `allow_legacy_stats_api_key` feature flag is on, the server-wide `STATS_API_KEY` is also
         *     accepted in that header. `?api_key=` is never read here (→ 401). The check is skipped when the server
         *     runs in its development environment.
         *
         *     **Historical docs:** the seed says every request needs "your API key" (Bearer or `?api_key=`); user
         *     API keys are rejected here and the query form is not read.
         */
        get: operations["lookupUserByEmail"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/lookup_slack_uid/{slack_uid}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find a user id by Slack user id (admin)
         * @description Returns the id of the user whose Slack user id is exactly `{slack_uid}`. The Slack id is echoed back
         *     as received, in the 200 and in the 404 body.
         *
         *     **Authentication**: an active Admin API key (`hka_` + 64 hex digits) of an admin, superadmin, viewer
         *     or ultraadmin user, as `Authorization: Bearer <key>` (spaces only between scheme and key). While the
         *     server's `allow_legacy_stats_api_key` feature flag is on, the server-wide `STATS_API_KEY` is also
         *     accepted in that header. `?api_key=` is never read here (→ 401). The check is skipped when the server
         *     runs in its development environment.
         *
         *     **Historical docs:** the seed says every request needs "your API key" (Bearer or `?api_key=`); user
         *     API keys are rejected here and the query form is not read.
         */
        get: operations["lookupUserBySlackUid"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/my/heartbeats/most_recent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's most recent heartbeat
         * @description Returns the caller's latest heartbeat (highest `time`), optionally filtered by source type and
         *     editor, with a human-readable "time ago" — handy for checking whether the user is coding right now.
         *     When no `source_type` is given, test entries (heartbeats whose entity was `test.txt`) are skipped.
         *     Nothing matching is not an error: the answer is 200 with `has_heartbeat: false` and nulls.
         *
         *     **Credentials:** a user API key as `Authorization: Bearer <key>` or `Authorization: Basic base64(<key>)`,
         *     or an OAuth access token with the `read` scope as `Authorization: Bearer`. `?api_key=` is not read.
         *     A token with only `profile`, an unknown key, and any credential of a restricted user (trust level
         *     `red`, or a pending deletion request) all get `401 {"error": "Unauthorized"}` — never the empty
         *     Doorkeeper 401/403 of `/api/v1/authenticated/*`. Answers carry `Cache-Control: no-store`.
         *
         *     **Historical docs:** the seed lists this endpoint only by name, under "Your Raw Activity Data", with
         *     the options `start`, `end` and `limit`, none of which this endpoint reads; it says API keys may
         *     also be sent as `?api_key=`, which is rejected here (401).
         */
        get: operations["getMyMostRecentHeartbeat"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/my/heartbeats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller's raw heartbeats in a time range
         * @description Returns every heartbeat of the caller whose `time` lies in `[start_time, end_time]` (both bounds
         *     inclusive), ascending by time, test entries included, plus `total_seconds`: the coded time over
         *     those heartbeats (ordered by time, each adds the gap since the previous one capped at 120 s, the
         *     first adds 0). Without parameters the range is today in **UTC** (00:00:00.000 to 23:59:59.999),
         *     not the user's time zone. There is **no limit and no pagination** — a wide range returns
         *     everything in it in one response. An `end_time` before `start_time` gives an empty list.
         *
         *     **Credentials:** as for `/api/v1/my/heartbeats/most_recent`: a user API key as Bearer or Basic, or
         *     an OAuth token with `read` as Bearer; otherwise (including `?api_key=`, a `profile`-only token or a
         *     restricted user) `401 {"error": "Unauthorized"}`. Answers carry `Cache-Control: no-store`.
         *
         *     **Historical docs:** the seed documents the options `start` ("Start date"), `end` ("End date") and
         *     `limit` ("How many results (max 100)") and a curl example with `?limit=10`; the server reads
         *     `start_time`/`end_time` instead and ignores `start`, `end` and `limit` (the whole day is returned).
         *     It also says keys may be passed as `?api_key=`, which is rejected here, and gives the error example
         *     `{"error": "Invalid API key"}`, which the server never sends.
         */
        get: operations["getMyHeartbeats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authenticated/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The OAuth user's profile
         * @description "Sign in with Hackatime": returns the id, email addresses, linked Slack and GitHub identities and
         *     trust factor of the user who authorised the token. The trust factor is masked (`yellow` shown as
         *     `blue`/0) unless the token belongs to an OAuth app that is both **verified and confidential**, which
         *     gets the raw level (possibly `yellow`/3).
         *
         *     **Credentials:** an OAuth access token carrying the `profile` scope (the default scope), only as
         *     `Authorization: Bearer <token>` (`?access_token=` is rejected; API keys are not accepted). A missing
         *     or invalid token → empty-bodied 401 with `WWW-Authenticate`; a token without `profile` (e.g. only
         *     `read`) → empty-bodied 403 `insufficient_scope`. Unlike the other `/api/v1/authenticated/*`
         *     endpoints, users with trust level `red` **are** served here; only a user with a pending deletion
         *     request gets `401 {"error": "Unauthorized"}`. Success carries
         *     `Cache-Control: max-age=0, private, must-revalidate`.
         *
         *     **Historical docs:** the seed lists this route (`api/v1/authenticated/me#index`) and says all requests
         *     need "your API key" as `Authorization: Bearer` or `?api_key=`; this endpoint accepts neither —
         *     only OAuth access tokens as `Authorization: Bearer` (an API key there is an invalid token:
         *     empty-bodied 401).
         */
        get: operations["getAuthenticatedMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authenticated/hours": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The OAuth user's coded time between two dates
         * @description Returns the user's total coded time from 00:00:00 UTC of `start_date` to 23:59:59 UTC of
         *     `end_date` (both days included; UTC, not the user's time zone). Every heartbeat counts (all
         *     categories and sources); ordered by time, each adds the gap since the previous one capped at
         *     120 s. Defaults: the last 7 days through today, i.e. 8 calendar days. The dates are not checked
         *     against each other — `end_date` before `start_date` simply gives 0.
         *
         *     **Credentials:** an OAuth access token with the `read` scope, only as `Authorization: Bearer`.
         *     Missing/invalid token → empty-bodied 401; a token without `read` (e.g. `profile` only) →
         *     empty-bodied 403; a user with trust level `red` or a pending deletion request →
         *     `401 {"error": "Unauthorized"}`. Success carries `Cache-Control: max-age=0, private, must-revalidate`.
         *
         *     **Historical docs:** the seed lists this route (`api/v1/authenticated/hours#index`) and says all requests
         *     need "your API key" as `Authorization: Bearer` or `?api_key=`; this endpoint accepts neither —
         *     only OAuth access tokens as `Authorization: Bearer` (an API key there is an invalid token:
         *     empty-bodied 401).
         */
        get: operations["getAuthenticatedHours"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authenticated/streak": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The OAuth user's current daily coding streak
         * @description Returns how many consecutive days the user has coded at least 15 minutes, counted in the user's own
         *     time zone and ending today or yesterday (so a streak survives until the end of a day without
         *     coding). Heartbeats count only when their category is set and is not `browsing`; durations are
         *     taken within each local day with the 120 s gap cap. The computation looks back 31 days and is
         *     cached for an hour. This is the same number as `data.streak` of `/api/v1/users/{username}/stats`.
         *
         *     **Credentials:** an OAuth access token with the `read` scope, only as `Authorization: Bearer`.
         *     Missing/invalid token → empty-bodied 401; a token without `read` → empty-bodied 403; a user with
         *     trust level `red` or a pending deletion request → `401 {"error": "Unauthorized"}`. Success carries
         *     `Cache-Control: max-age=0, private, must-revalidate`.
         *
         *     **Historical docs:** the seed lists this route (`api/v1/authenticated/streak#show`) and says all requests
         *     need "your API key" as `Authorization: Bearer` or `?api_key=`; this endpoint accepts neither —
         *     only OAuth access tokens as `Authorization: Bearer` (an API key there is an invalid token:
         *     empty-bodied 401).
         */
        get: operations["getAuthenticatedStreak"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authenticated/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The OAuth user's projects with their coded time
         * @description Lists the user's projects (heartbeats with a non-empty project name and a valid timestamp) with
         *     their coded time, latest heartbeat and languages, sorted by `total_seconds` descending. By default
         *     the window is **all time** (epoch to now) and archived projects are left out.
         *
         *     With no `projects`, `start`/`start_date` or `end`/`end_date` the answer comes from a precomputed
         *     per-user rollup when one exists; it can lag behind the newest heartbeats (a refresh is queued only
         *     when the rollup is marked dirty). Any of those filters makes the server compute from the
         *     heartbeats directly.
         *
         *     **Credentials:** an OAuth access token with the `read` scope, only as `Authorization: Bearer`.
         *     Missing/invalid token → empty-bodied 401; a token without `read` → empty-bodied 403; a user with
         *     trust level `red` or a pending deletion request → `401 {"error": "Unauthorized"}`. Success carries
         *     `Cache-Control: max-age=0, private, must-revalidate`.
         *
         *     The upstream documentation also lists `since`, `until` and `until_date`; they have no effect here.
         *
         *     **Historical docs:** the seed lists this route (`api/v1/authenticated/projects#index`) and says all requests
         *     need "your API key" as `Authorization: Bearer` or `?api_key=`; this endpoint accepts neither —
         *     only OAuth access tokens as `Authorization: Bearer` (an API key there is an invalid token:
         *     empty-bodied 401).
         */
        get: operations["getAuthenticatedProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authenticated/heartbeats/latest": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The OAuth user's latest heartbeat
         * @description Returns a summary of the user's latest heartbeat (highest `time`) that is not a test entry (entity
         *     `test.txt`): id, storage time, heartbeat time and the descriptive fields. When there is none the
         *     answer is still 200, with the different shape `{"heartbeat": null}`.
         *
         *     **Credentials:** an OAuth access token with the `read` scope, only as `Authorization: Bearer`.
         *     Missing/invalid token → empty-bodied 401; a token without `read` → empty-bodied 403; a user with
         *     trust level `red` or a pending deletion request → `401 {"error": "Unauthorized"}`. Success carries
         *     `Cache-Control: max-age=0, private, must-revalidate`.
         *
         *     The upstream documentation shows `created_at` without fractional seconds; the server sends
         *     milliseconds (`2026-08-22T14:00:35.120Z`).
         */
        get: operations["getAuthenticatedLatestHeartbeat"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/authenticated/api_keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The OAuth user's API key (created if missing)
         * @description Returns the user's first API key — a full credential for the WakaTime-compatible API (heartbeat
         *     uploads, summaries, …). **Side effect:** if the user has no API key, this GET creates one and
         *     returns it, so the call always succeeds for a valid token and repeated calls return the same key
         *     (until the user rotates it in settings).
         *
         *     Because it needs only the default `profile` scope, any app the user authorised with default scopes
         *     can obtain the key; treat the response as a secret.
         *
         *     **Credentials:** an OAuth access token with the `profile` scope (Doorkeeper's default scope; the
         *     endpoint asks for no specific scope), only as `Authorization: Bearer`. Missing/invalid token →
         *     empty-bodied 401; a token without `profile` (e.g. only `read`) → empty-bodied 403; a user with
         *     trust level `red` or a pending deletion request → `401 {"error": "Unauthorized"}`. Success carries
         *     `Cache-Control: max-age=0, private, must-revalidate`.
         *
         *     The upstream swagger declares a plain Bearer scheme without OAuth scopes and no 403; the current
         *     OAuth docs say any OAuth token works.
         */
        get: operations["getAuthenticatedApiKeys"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leaderboard": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daily leaderboard (alias)
         * @description An alias of `GET /api/v1/leaderboard/daily` — the same controller action and the same answers. It
         *     is hidden from the upstream swagger (`document: false`); prefer the explicit `/daily` path.
         *
         *     The daily board ranks users by their coded time over the **last 24 hours** (rolling, ending when the
         *     board was generated). Only leaderboard-eligible time counts — category `coding`, editor not a
         *     browser, project not `<<LAST_PROJECT>>` — and only users with a linked GitHub account who are not
         *     `red` and have more than 60 s; users shadow-banned from the leaderboard are left out and ranks
         *     renumbered 1..n. Boards are global (UTC), precomputed by a scheduled job and cached up to 10
         *     minutes; if today's (UTC) board does not exist yet, the request queues its generation and gets
         *     `503`.
         *
         *     **Credentials:** none. Answers carry `Cache-Control: no-store`.
         *
         *     **Historical docs:** the seed says every request needs an API key (Bearer or `?api_key=`); the
         *     leaderboards need none. The older docs it was taken from documented `/api/v1/leaderboard` among
         *     the "Admin Only" leaderboards, requiring the stats API key, with `start_date` as a date-time and
         *     `date_range` as a date (`"Sat, Dec 20, 2025"`); today `start_date` is a plain date and
         *     `date_range` is `"Last 24 hours"`.
         */
        get: operations["getLeaderboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leaderboard/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daily leaderboard
         * @description The public daily leaderboard: users ranked by their coded time over the **last 24 hours** (a rolling
         *     window ending when the board was generated, not the calendar day). Only leaderboard-eligible time
         *     counts — category `coding`, editor not a browser, project not `<<LAST_PROJECT>>` — and only users
         *     with a linked GitHub account who are not `red` and have more than 60 s; users shadow-banned from
         *     the leaderboard are left out and ranks renumbered 1..n.
         *
         *     Boards are global (UTC) and precomputed by a scheduled job (the daily one roughly every minute);
         *     the server caches the board for up to 10 minutes, so check `generated_at`. If today's (UTC) board
         *     does not exist yet, the request queues its generation and gets `503`.
         *
         *     **Credentials:** none. Answers carry `Cache-Control: no-store`.
         *
         *     The upstream swagger's `date_range` example `"Wed, Mar 20, 2024"` is really `"Last 24 hours"`.
         *
         *     **Historical docs:** the seed says every request needs an API key (Bearer or `?api_key=`); the
         *     leaderboards need none. The older docs it was taken from listed them as "Admin Only", requiring the
         *     stats API key, and showed `start_date` as a date-time and `date_range` as a date
         *     (`"Sat, Dec 20, 2025"`); today `start_date` is a plain date and the daily `date_range` is
         *     `"Last 24 hours"`.
         */
        get: operations["getDailyLeaderboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/leaderboard/weekly": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Weekly (last 7 days) leaderboard
         * @description The public weekly leaderboard: users ranked by their coded time over **today and the 6 days
         *     before** (UTC calendar days, 00:00 six days ago through the end of today). `start_date` is
         *     **today** — the last day of the window, not its first — and `date_range` spells the window out
         *     (`"Aug 16 - Aug 22, 2026"`). Only leaderboard-eligible time counts — category `coding`, editor not
         *     a browser, project not `<<LAST_PROJECT>>` — and only users with a linked GitHub account who are not
         *     `red` and have more than 60 s; users shadow-banned from the leaderboard are left out and ranks
         *     renumbered 1..n.
         *
         *     Boards are global (UTC) and precomputed by a scheduled job (the weekly one about every 7
         *     minutes); the server caches the board for up to 10 minutes, so check `generated_at`. If today's
         *     board does not exist yet, the request queues its generation and gets `503`.
         *
         *     **Credentials:** none. Answers carry `Cache-Control: no-store`.
         *
         *     The upstream swagger shows `start_date` as the window's first day and a `date_range` starting 7
         *     days back (`"Mar 13 - Mar 20, 2024"`); the server sends today and a range starting 6 days back.
         *
         *     **Historical docs:** the seed says every request needs an API key (Bearer or `?api_key=`); the
         *     leaderboards need none. The older docs it was taken from listed them as "Admin Only", requiring the
         *     stats API key.
         */
        get: operations["getWeeklyLeaderboard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/badge/{user_id}/{project}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Redirect to a shields.io badge of a project's coding time
         * @description Redirects (`307 Temporary Redirect`) to an `img.shields.io` badge showing the all-time coding time of
         *     one of a user's projects, e.g. `https://img.shields.io/badge/hackatime-12h%2034m-blue`. The time is
         *     the 2-minute rule over all the project's heartbeats (every category, no window), plus those of the
         *     `aliases` projects, shown as `"<h>h <m>m"` or, under an hour, `"<m>m"`. Public; no credentials.
         *
         *     Checks, in order: the user is looked up by Slack user id, then username, then (all digits only)
         *     numeric id — none → `404 {"error":"User not found"}`; the user must allow public stats →
         *     `403 {"error":"User has disabled public stats"}` (capital "U", unlike the `/api/v1/users/*`
         *     endpoints); `{project}` must be a project with heartbeats or an `owner/repo` in the user's repository
         *     mappings → `404 {"error":"Project not found"}`; the project's own time must be above 0 → `400` with
         *     an empty body.
         *
         *     Query parameters other than `label`, `color` and `aliases` are appended to the badge URL as
         *     `&name=value` — without a `?`, so they end up inside the badge path and shields.io renders a broken
         *     badge (an upstream bug).
         *
         *     **Historical docs:** the upstream swagger says extra query parameters (`style`, `logo`, …) are
         *     "passed straight through to shields.io"; they are appended with `&` and no `?`, which breaks the
         *     badge. The seed does not document this endpoint.
         */
        get: operations["getBadge"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/currently_hacking": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users coding right now
         * @description Lists the users with a `direct_entry` heartbeat of category `coding` in the last 5 minutes (imported
         *     and test heartbeats do not count), with the project each is working on when it is shareable. Public;
         *     no credentials. The list is computed by a background job and cached for 5 minutes, so it can lag.
         *
         *     `working_on` is set only when the project of the user's latest such heartbeat has a repository
         *     mapping that is not archived; users with `working_on` come first. No user ids are exposed.
         */
        get: operations["getCurrentlyHacking"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/banned_users/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How many users were banned recently
         * @description Returns the number of distinct users whose trust level was set to `red` (convicted/banned) in the
         *     last day, week and month, counted from the trust-level audit log (a user banned twice counts once
         *     per period). Public; no credentials; computed on every request.
         */
        get: operations["getBannedUserCounts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/external/slack/oauth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find or create a user from a Slack OAuth token (removed)
         * @deprecated
         * @description **Removed.** This endpoint was deleted upstream in commit `fd5263cb` ("Migrate stats integrations to
         *     admin API keys", 2026-08-04): the integrations that used the shared `STATS_API_KEY` moved to per-user
         *     Admin API keys, and this key-only endpoint went with it. **The live server now answers `404` (no
         *     route)** for it, and so does the mock (the unknown-route page, HTML or JSON by Accept) unless started
         *     with `--legacy-endpoints` (`legacyEndpoints: true`). What follows is its last behaviour
         *     (`external_slack_controller.rb` at `0186bb03`), kept for old integrations.
         *
         *     Given a Slack user OAuth token, it calls Slack `auth.test` to learn the Slack user id. If a Hackatime
         *     user with that Slack id exists, it answers `200` with the user's id, display name and first email.
         *     Otherwise it fetches the Slack profile (`users.info`), creates the user (email and time zone from
         *     Slack) and answers `201` with the same shape. CSRF protection was skipped for this action.
         *
         *     **Authentication**: the server-wide `STATS_API_KEY` must be configured (otherwise every call is
         *     `401`) and must equal the **last whitespace-separated word** of the `Authorization` header, so
         *     `Bearer <key>`, any other scheme, or the bare key all work. `?api_key=` was not accepted. Failure →
         *     `401 {"error":"Invalid API token"}`.
         *
         *     **Historical docs:** the seed's route list still shows `POST /api/v1/external/slack/oauth`; it no
         *     longer exists.
         */
        post: operations["createUserFromSlackOauth"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ysws_programs/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim a user's heartbeats for a YSWS program (removed)
         * @deprecated
         * @description **Removed.** Deleted upstream in commit `9f3f42ac` ("Clean up code", 2026-05-23) together with the
         *     heartbeat `ysws_program` attribute it wrote: YSWS ("You Ship, We Ship") programs no longer claim
         *     heartbeats through Hackatime. **The live server now answers `404` (no route).** The mock answers
         *     that `404` (the unknown-route page, HTML or JSON by Accept) unless started with
         *     `--legacy-endpoints` (`legacyEndpoints: true`), which keeps the behaviour below for old clients.
         *     What follows is its last behaviour (`ysws_programs_controller.rb` at `586e5ae2`).
         *
         *     Marks every heartbeat of the user with `start_time <= time <= end_time` (optionally only of
         *     `project`) as claimed by program `program_id`. If any of those heartbeats is already claimed by a
         *     program other than `nothing`, nothing is changed and the answer is `409` listing the conflicts. An
         *     unknown user claims 0 heartbeats (still `200`). The parameters may come from a JSON or form body or
         *     from the query string.
         *
         *     **Authentication**: the server-wide `STATS_API_KEY`, as the last whitespace-separated word of the
         *     `Authorization` header or, when there is no such header, as `?api_key=`. The comparison was a plain
         *     equality, so with no `STATS_API_KEY` configured a request without any key got through. Failure →
         *     `401 {"error":"Unauthorized"}`.
         *
         *     **Broken validation**: the action meant to answer
         *     `400 {"error":"Missing required parameters: start_time, end_time, user_id, program_id"}` (listing the
         *     missing ones) and `400 {"error":"Invalid program_id value"}`, but it rendered those without
         *     returning, so the action went on and either rendered a second time or failed parsing a missing time
         *     — in practice a **500** error page. **CSRF**: the controller did not skip Rails' CSRF protection, so
         *     in production a POST without a CSRF token would have been rejected first with the `422` error page
         *     (inferred; the request specs ran with forgery protection off).
         *
         *     **Historical docs:** the seed's route list still shows `POST /api/v1/ysws_programs/claim`; it no
         *     longer exists. The last upstream swagger required both `Bearer` and `ApiKeyAuth` at once; either
         *     form of the single stats key worked.
         */
        post: operations["claimYswsHeartbeats"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/ysws_programs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List the YSWS program names (removed)
         * @deprecated
         * @description **Removed.** Deleted upstream in commit `9f3f42ac` ("Clean up code", 2026-05-23) together with
         *     `POST /api/v1/ysws_programs/claim` and the heartbeat `ysws_program` attribute: YSWS ("You Ship, We
         *     Ship") programs no longer claim heartbeats through Hackatime. **The live server now answers `404`
         *     (no route).** The mock answers that `404` (the unknown-route page, HTML or JSON by Accept)
         *     unless started with `--legacy-endpoints` (`legacyEndpoints: true`), which keeps the behaviour
         *     below for old clients. What follows is its last behaviour (`ysws_programs_controller.rb` at
         *     `586e5ae2`).
         *
         *     Returned the names of the heartbeat `ysws_program` enum in enum order, so a name's index is the
         *     `program_id` to send to the claim endpoint: 59 names, `nothing` (0) to `neighborhood` (58). Public;
         *     no credentials.
         *
         *     **Historical docs:** the seed's route list still shows `GET /api/v1/ysws_programs`; it no longer
         *     exists.
         */
        get: operations["listYswsPrograms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ask the user to authorize an OAuth app (consent screen)
         * @description Step 1 of "Sign in with Hackatime", the OAuth 2.0 authorization-code flow of Hackatime's
         *     Doorkeeper 5.9.6 server. The app registers itself under **My OAuth Apps**
         *     (`/oauth/applications`: name, redirect URIs one per line, allowed scopes, "Confidential" for
         *     server-side apps that can keep a secret) and gets a **client ID** (UID) and a **secret**. It then
         *     sends the user's **browser** here:
         *
         *     `https://hackatime.hackclub.com/oauth/authorize?client_id=…&redirect_uri=https%3A%2F%2Fsinerider.com%2Fauth%2Fcallback&response_type=code&scope=profile+read&state=…`
         *
         *     The user approves on the consent screen, the browser comes back to `redirect_uri` with
         *     `?code=…&state=…`, the app checks `state` and exchanges the code at `POST /oauth/token` (from
         *     its server: `/oauth/*` sends no CORS headers) for a token that lives 16 years; there are no
         *     refresh tokens. A token can be given up with `POST /oauth/revoke`.
         *
         *     **Credentials:** none in the API sense (`security: []`), but this is a browser page that needs
         *     the user's Hackatime **session cookie**. Without one the answer is a `302` to
         *     `/signin?continue=<this URL>` (or `/auth/hca?continue=…` for apps set to use Hack Club Auth),
         *     which comes back here after sign-in; a user with a pending account deletion is sent to
         *     `/deletion`. The local hackatime-kit mock has no sessions: it answers a valid request with its
         *     own consent page (`200`): the app, the scopes, a picker of the world's users (default: the demo
         *     user) and Authorize/Deny buttons that post to `POST /oauth/authorize`. For headless use it
         *     decides at once: `Prefer: oauth=approve` (or the mock's `--oauth-auto-approve` option) answers
         *     the `302` with a code, `Prefer: oauth=deny` the `302` with `error=access_denied` (for the
         *     out-of-band URI: the error page);
         *     `Prefer: oauth-user=<username or id>` picks the approving user (an unknown one → error page,
         *     a user with a pending deletion → `302` to the mock's `/deletion`). The mock never skips the
         *     consent page for an already-authorized app (it cannot know the user before the choice).
         *
         *     **Checks, in order:** `client_id` present and known; `redirect_uri` present and registered
         *     (rules below); `response_type` present and `code`; `response_mode` (if sent) one of `query`,
         *     `fragment`, `form_post`; every `scope` allowed for the app. On this GET, **every failure renders
         *     Hackatime's "An error has occurred" page with status 200** showing the `error_description`
         *     (Doorkeeper's `handle_auth_errors` is `:render`): nothing is sent back to the app, not even for
         *     errors RFC 6749 §4.1.2.1 would redirect. Then the `admin` scope rules (below) may answer `403`.
         *
         *     **Outcome:** if the user already holds an unrevoked token for this app with exactly the
         *     requested scopes, the consent screen is skipped and the answer is an immediate `302` to
         *     `redirect_uri` with a new code. Otherwise `200`: "Authorize <app name>?" with the scopes listed,
         *     an "Unverified application" warning unless Hack Club HQ verified the app, and a red warning for
         *     `admin`. The user's Authorize/Cancel click is `POST /oauth/authorize`. (The admin rule about the
         *     user's admin level is checked by the local mock when the user is chosen: on approval.)
         *
         *     **Redirect URI matching:** the value must equal one of the app's registered URIs, compared as
         *     parsed URIs. A query string on the requested URI is ignored when the registered one has none
         *     (and kept on the redirect); when the registered one has a query, the same parameters are
         *     required in any order. For loopback IP literals (`http://127.0.0.1:PORT/…`, `http://[::1]:PORT/…`)
         *     the port is ignored (RFC 8252 §7.3), so native apps can listen on any port; `localhost` by name
         *     must match exactly. Plain `http` and custom schemes (`myapp://callback`) are allowed; fragments
         *     are not. A registered `urn:ietf:wg:oauth:2.0:oob` makes Hackatime show the code on its own page
         *     (`/oauth/authorize/native?code=…`) for the user to copy; the local mock answers that page
         *     directly (`200`) instead of redirecting to it.
         *
         *     **Scopes** (space-separated, `+` in a URL): `profile` (default; `/api/v1/authenticated/me` and
         *     `/api/v1/authenticated/api_keys` — which hands the app the user's WakaTime API key), `read`
         *     (coding activity: `/api/v1/authenticated/{hours,streak,projects,heartbeats/latest}`,
         *     `/api/v1/my/heartbeats*`, the owner-only per-user stats), `admin` (the Admin API; only for apps
         *     configured with it that are confidential **and** verified, authorized by a user whose admin level
         *     is admin, superadmin, viewer or ultraadmin — otherwise `403` with one of "Only applications
         *     configured with the admin scope can request it.", "Only confidential applications can request the
         *     admin scope.", "Only verified applications can request the admin scope.", "Only admins can
         *     authorize applications that request the admin scope."). Ask for `profile read` to get both user
         *     data sets; a `read`-only token cannot call `/me`. When the app configured scopes, only those may
         *     be requested.
         *
         *     **PKCE is not enforced:** `code_challenge` and `code_challenge_method` are carried through the
         *     consent form but never stored or checked, because Hackatime's database lacks Doorkeeper's PKCE
         *     columns. A public (non-confidential) app therefore exchanges its code with `client_id` alone.
         *     Sending PKCE parameters is harmless. **The local mock verifies a PKCE challenge when one is
         *     given** (production accepts and ignores it): the challenge is kept with the code and
         *     `POST /oauth/token` checks the `code_verifier`; a `code_challenge_method` other than `S256` or
         *     `plain` (absent means `plain`) gets the error page "The code_challenge_method must be one of
         *     plain, S256.".
         *
         *     **Hackatime's OAuth guide** (`docs/oauth/oauth-apps.md`) says PKCE is supported; the code does
         *     not check it (see above). It also says a denial sends the user back with an `error` parameter,
         *     which holds for the Cancel button (`POST`), not for invalid requests on this `GET`.
         */
        get: operations["authorizeOAuthApp"];
        put?: never;
        /**
         * Approve or deny an OAuth authorization (consent form)
         * @description What the consent screen of `GET /oauth/authorize` submits when the user clicks **Authorize** or
         *     **Cancel**. Not meant for apps to call: it needs the user's Hackatime session cookie and the
         *     form's Rails CSRF token (`authenticity_token`, or an `X-CSRF-Token` header). A missing or invalid
         *     CSRF token is rejected before anything else with the `422` error page; a missing session
         *     (after the CSRF check) → `302` to `/signin?continue=…`. The local mock's consent page posts here
         *     too, but the mock checks no CSRF token and has no session: the form's `user_id` (a world user's
         *     id or username; absent → the demo user) is who approves, an unknown one →
         *     `400 invalid_request`, and a user with a pending deletion → `302` to the mock's `/deletion`.
         *
         *     **Authorize** (the hidden fields as the consent page filled them, no `_method`) re-runs the
         *     checks of the GET, but here failures follow RFC 6749 §4.1.2.1:
         *
         *     - while the redirect URI cannot be trusted, no redirect: missing `client_id` → `400`
         *       `invalid_request` JSON; unknown `client_id` → `401` `invalid_client` JSON; missing or
         *       unregistered `redirect_uri` → `400` `invalid_redirect_uri` JSON;
         *     - afterwards, `302` to `redirect_uri` with `error`, `error_description` and `state`: missing
         *       `response_type` (`invalid_request`), another response type (`unsupported_response_type`), bad
         *       `response_mode` (`unsupported_response_mode`), bad `scope` (`invalid_scope`);
         *     - refused `admin` scope → `403` error page, as for the GET.
         *
         *     On success an authorization code (10 minutes, single use) is created and the answer is `302` to
         *     `redirect_uri?code=…&state=…` (fragment for `response_mode=fragment`; an auto-submitting HTML
         *     form, `200`, for `form_post`).
         *
         *     **Cancel** is the same form plus `_method=delete` (Rails turns it into `DELETE /oauth/authorize`):
         *     `302` to `redirect_uri?error=access_denied&error_description=The+resource+owner+or+authorization+server+denied+the+request.&state=…`.
         *     This branch does not re-check the client or the redirect URI.
         */
        post: operations["decideOAuthAuthorization"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Exchange an authorization code for an access token
         * @description The token endpoint of Hackatime's OAuth 2.0 server (Doorkeeper 5.9.6). Step 3 of "Sign in with
         *     Hackatime": after `/oauth/authorize` sent the user back to the app's `redirect_uri` with `code`
         *     (and `state`), the app posts `grant_type=authorization_code`, that `code`, the same
         *     `redirect_uri` and its client credentials, and gets an access token for the scopes the user
         *     approved. It then calls `/api/v1/authenticated/*` (and, with `read`, `/api/v1/my/heartbeats*`
         *     and the owner-only stats) with `Authorization: Bearer <access_token>`.
         *
         *     **Client authentication** (this endpoint needs no user credential, hence `security: []`): either
         *     HTTP Basic, `Authorization: Basic base64(<client_id>:<client_secret>)` (split at the first colon,
         *     not URL-decoded), or `client_id` and `client_secret` as body parameters. A **public** app (the
         *     "Confidential" box left unchecked) sends only `client_id`; a **confidential** app must send its
         *     secret. Unknown client, wrong secret or a confidential app without its secret →
         *     `401 invalid_client`. A secret sent both ways, or two different client ids (Basic vs. body), →
         *     `400 invalid_request` ("The request utilizes more than one mechanism for authenticating the
         *     client."). Because Basic credentials are not URL-decoded, a client library that form-encodes
         *     them as RFC 6749 §2.3.1 asks (oauth4webapi's `client_secret_basic` turns the `-` and `_` of
         *     Hackatime's UIDs and secrets into `%2D` and `%5F`) gets `401 invalid_client`: send the
         *     credentials in the body instead (the mock behaves the same).
         *
         *     **Checks for `authorization_code`**, in this order: `grant_type` present and supported; `code`
         *     present; `redirect_uri` present (`400 invalid_request`, "Missing required parameter: <name>.");
         *     client authenticated (`401 invalid_client`); the code exists, was issued to this client, is less
         *     than 10 minutes old and was not used yet (`400 invalid_grant`); `redirect_uri` matches the one
         *     of the authorization request (`400 invalid_grant`). A code works once: it is revoked by the
         *     exchange.
         *
         *     **The token** lives 16 years (`expires_in` 504 911 232 s when new) and there are **no refresh
         *     tokens** (`refresh_token` is never returned; `grant_type=refresh_token` →
         *     `400 unsupported_grant_type`). Tokens are **reused**: when the user already holds an unrevoked,
         *     unexpired token for this app with exactly the same scopes, the exchange returns that token again
         *     (same `access_token` and `created_at`, smaller `expires_in`). To end access, revoke it
         *     (`POST /oauth/revoke`) or let the user revoke the app in their settings.
         *
         *     **PKCE is not enforced.** Doorkeeper checks PKCE only when its `code_challenge` columns exist, and
         *     Hackatime's database has none: `code_challenge` at `/oauth/authorize` and `code_verifier` here are
         *     accepted and ignored, so a public client is authenticated by its `client_id` alone. Apps may send
         *     them anyway (harmless, and future-proof should PKCE be switched on). **The local mock verifies
         *     PKCE when the authorization request carried a `code_challenge`**, answering as Doorkeeper does
         *     with PKCE on: no `code_verifier` → `400 invalid_request` ("Missing required parameter:
         *     code_verifier.", checked just before `redirect_uri`'s presence); a verifier that does not match
         *     (`S256`: base64url SHA-256; `plain`: equal) → `400 invalid_grant`, checked last. Without a
         *     challenge a verifier is ignored, as in production.
         *
         *     **`client_credentials`** (Doorkeeper's default second grant, left enabled) issues a token that
         *     belongs to the app and no user, with the requested `scope` (default `profile`, limited to the
         *     app's scopes; invalid → `400 invalid_scope`). Hackatime's user endpoints have no user to serve
         *     for it, so it is of no practical use.
         *
         *     **Response headers:** success carries `Cache-Control: no-store` and `Pragma: no-cache`
         *     (RFC 6749 §5.1; Doorkeeper's `no-store, no-cache` is normalised by Rails). OAuth errors carry
         *     `Cache-Control: no-store` and a `WWW-Authenticate` challenge repeating the error, even on 400.
         *     The route is outside `/api/*`, so it sends **no CORS headers**: exchange the code from the
         *     app's server (or a native app), not from browser JavaScript on another origin. Counts towards the
         *     60-POSTs-per-5-minutes limit per IP.
         *
         *     **Hackatime's OAuth guide** (`docs/oauth/oauth-apps.md`) shows `expires_in: 504576000` (16 × 365
         *     days; the server computes Rails years, 504 911 232) and presents PKCE as supported; see above.
         */
        post: operations["createOAuthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke an access token
         * @description Token revocation (RFC 7009, Doorkeeper 5.9.6): an app gives up a token it was issued, e.g. when
         *     the user signs out of the app. The token stops working at once (`/api/v1/authenticated/*` then
         *     answers 401 with `error_description="The access token was revoked"`), and the next
         *     authorization of the same app by the same user yields a new token instead of reusing this one.
         *
         *     **Client authentication comes first and is mandatory**, as for the token endpoint: HTTP Basic
         *     `base64(<client_id>:<client_secret>)` or `client_id` (+ `client_secret` for a confidential app)
         *     in the body; a public app sends `client_id` alone. If the client does not authenticate — no
         *     client fields, unknown `client_id`, wrong or missing secret of a confidential app — the answer is
         *     `403 {"error": "unauthorized_client", "error_description": "You are not authorized to revoke this token"}`
         *     whatever the token (this endpoint never answers `401 invalid_client`). A secret sent both ways,
         *     or two different client ids, → `400 invalid_request`.
         *
         *     **Then the token:** missing or unknown → `200 {}` (RFC 7009 §2.2: the client cannot learn
         *     whether a token exists); a token issued to this app → revoked (if not already), `200 {}`; a
         *     token issued to another app → the same `403 unauthorized_client`. With
         *     `token_type_hint=refresh_token` only refresh tokens are searched — Hackatime issues none, so
         *     that hint makes any access token "unknown": `200 {}` and nothing revoked. Leave the hint out or
         *     send `access_token`.
         *
         *     In the local mock, the world's seeded tokens (the demo tokens of `/__mock/credentials`) belong
         *     to apps outside its registry: revoking one gives the `403`. Tokens its OAuth server issued are
         *     revoked as described.
         *
         *     Users can also revoke an app themselves on their Privacy & Security settings page. No CORS
         *     headers (the route is outside `/api/*`); counts towards the 60-POSTs-per-5-minutes limit per IP.
         *
         *     **Hackatime's OAuth guide** (`docs/oauth/oauth-apps.md`) lists `token`, `client_id` and
         *     `client_secret` (confidential apps), which matches; it does not mention the `403` answers.
         */
        post: operations["revokeOAuthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/check": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who is calling the admin API, and how
         * @description Checks a credential of the admin API: answers who it belongs to (`creator`) and what it is
         *     (`auth.type`): an admin API key — then `api_key` names it — or an OAuth access token — then
         *     `auth.application` and `auth.scopes` describe it. Any admin level (viewer, admin, superadmin,
         *     ultraadmin) may call it; every other caller gets Rails' token challenge.
         *
         *     Every admin route (`/api/admin/v1/*`) authenticates this way, and shares one server-wide throttle
         *     of 5 requests per second in production (`429`).
         *
         *     **Historical docs:** the server's rswag spec documents no response body at all, describes the 401
         *     without its `text/plain` body and `WWW-Authenticate` header, and says the credential must be
         *     prefixed with "Bearer" (`Token` works too).
         */
        get: operations["adminCheck"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/user/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's record and heartbeat statistics
         * @description The user's profile, raw trust and admin levels, emails, the number of (user) API keys, and
         *     statistics over the heartbeats whose time lies between 2000-01-01 and 2100-01-01 (a millisecond
         *     `time` is divided by 1000 first): count, coding time (gaps capped at 120 s), distinct languages
         *     and projects (an empty string counts), distinct UTC days. Any admin level.
         *
         *     **Historical docs:** the server's rswag spec documents `total_coding_time` as a float
         *     (`187200.0`); it is an integer. It does not document the 401.
         */
        get: operations["adminGetUserInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/user/info_batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Several users at once
         * @description The users whose ids are listed in `ids`, as `as_json` renders them (no order is promised; unknown
         *     ids are left out). Any admin level.
         *
         *     **Historical docs:** the server's rswag spec says `no valid ids provided` answers ids that do not
         *     parse as integers; such ids become 0 and the answer is a 200 without them. The message answers
         *     only a list with no items at all (`ids=,`). It does not document the 401.
         */
        get: operations["adminGetUserInfoBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/user/trust_logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's trust-level history
         * @description The user's 25 newest trust-level audit log entries, newest first. Any admin level.
         *
         *     **Historical docs:** the server's rswag spec documents neither the 404 nor the 422 (`who?`), nor the 401.
         */
        get: operations["adminGetUserTrustLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/banned_users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Convicted users
         * @description Users whose trust level is `red`, by id, each with their alphabetically first email (or the text
         *     `no email`). Any admin level.
         *
         *     **Historical docs:** the server's rswag spec illustrates its 401 with a "viewer-api-key"; a viewer's
         *     key is accepted here — the 401 means an unknown key.
         */
        get: operations["adminListBannedUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/user/get_user_by_email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find a user id by email address
         * @description The id of the user owning `email` — an exact, case-sensitive match against the stored (lower-case)
         *     addresses. Any admin level. The parameter may also come in the query string.
         *
         *     **Historical docs:** the server's rswag spec does not document the 401.
         */
        post: operations["adminGetUserByEmail"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/user/search_fuzzy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search users by name, email, Slack uid or id
         * @description Users matching the stripped `query`: Slack uid equal to it; username, display-name override,
         *     GitHub or Slack name or an email containing it (case-insensitive); id equal to it (digits). Each
         *     gets a `rank_score`: +1000 for the id, +1000 for the Slack uid, and for each name and the best
         *     email +100 exact, +50 prefix, +10 contains. The 10 best (score descending, then username), and only
         *     then the users without an email are left out — so fewer than 10 may come back. Any admin level.
         *     The parameter may also come in the query string.
         *
         *     **Historical docs:** the server's rswag spec shows `rank_score` as `0.87`; it is an integer score
         *     (e.g. `1100`). The 10-result limit and the email filter are not documented there, nor is the 401.
         */
        post: operations["adminSearchUsersFuzzy"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/user/convict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a user's trust level
         * @description Sets the user's trust level and writes a trust-level audit log entry — only when the level
         *     changes; setting the current level again answers the same 200 and writes nothing. Checked in
         *     this order: the caller is admin or above (a viewer gets `403` before the user is even looked up);
         *     the user (`id` or `user_id`: `422 who?` / `404`); `reason` present (`422`); `trust_level` one of
         *     `blue`, `red`, `green`, `yellow` (`422`); the caller is not the user, ranks strictly above them,
         *     and — for `red` — is a superadmin or ultraadmin (`403`). Parameters may also come in the query.
         *
         *     Effects elsewhere at once: the public `GET /api/v1/users/{username}/trust_factor` shows the new
         *     level (yellow as blue), `GET /api/v1/banned_users/counts` counts a new `red`, a `red` user leaves
         *     the leaderboards and is refused by the user-API endpoints that refuse convicted users, and the
         *     audit log routes list the entry.
         *
         *     **Historical docs:** the server's rswag spec gives the message `User convicted successfully`; it is
         *     `gotcha, updated to <level>`. It calls `user.username` a username — it is the display name. It gives
         *     none of the 422/403 texts, does not say that a plain admin cannot set `red`, and omits the 401.
         */
        post: operations["adminConvictUser"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/admin_api_keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every user's active admin API keys
         * @description The active admin API keys of all users, newest first — a preview of each token, never the token.
         *     Any admin level (viewers too).
         *
         *     **Historical docs:** the server's rswag spec says "List all admin API keys"; revoked keys are not
         *     listed. Its key schema has a `last_used_at` that no key has.
         */
        get: operations["adminListApiKeys"];
        put?: never;
        /**
         * Create an admin API key for the caller
         * @description Creates a key owned by the caller (for an OAuth caller, the token's user) and answers its token —
         *     the only time it is shown. The key authenticates at once. Any admin level, viewers included.
         *     `name` must be present and not already the name of another of the caller's keys (revoked keys were
         *     renamed, so their names are free again). The parameter may also come in the query string.
         *
         *     **Historical docs:** the server's rswag spec gives the 422 as `Validation failed`; it is
         *     `Failed to create admin API key` with the validation messages in `errors`. It does not say viewers
         *     may create keys.
         */
        post: operations["adminCreateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/admin_api_keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One admin API key
         * @description Any key by id, revoked ones included (then `active` is false, `revoked_at` set and the name carries
         *     the `_revoked_<16 hex>` suffix). Any admin level.
         */
        get: operations["adminGetApiKey"];
        put?: never;
        post?: never;
        /**
         * Revoke an admin API key
         * @description Revokes the key: `revoked_at` is set and `_revoked_<16 hex>` appended to its name (again on each
         *     call: revoking a revoked key succeeds too). It stops authenticating at once — also when it is the
         *     key of this very request — and leaves the list. An ultraadmin may revoke any key; everyone else
         *     only their own. There is no 404: a key the caller may not revoke, or that does not exist, is a 403.
         *
         *     Browsers cannot call it cross-origin: the server's CORS allows only GET, POST and OPTIONS.
         *
         *     **Historical docs:** the server's rswag spec gives the message `Admin API key revoked successfully`;
         *     it is `Admin API key has been revoked`. It documents a 404 that cannot happen, and its "not your key"
         *     example uses the seed key of an ultraadmin, which would succeed.
         */
        delete: operations["adminRevokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/leaderboard_shadowbans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users hidden from the leaderboards
         * @description Every shadow-banned user, most recently updated first. Admin level and above (a viewer gets 403).
         */
        get: operations["adminListShadowbans"];
        put?: never;
        /**
         * Hide a user from the leaderboards
         * @description Shadow-bans the user: they disappear from the public daily and weekly leaderboards at once (the
         *     ranks after them move up); their trust level is untouched. Banning a banned user again answers
         *     201 and replaces the reason, expiry and banning admin. Admin level and above, and the caller must
         *     rank strictly above the user and not be the user. Checked in this order: the user (404), the rank
         *     rules (403), the expiry (422), then the reason and the expiry's being in the future (422, both
         *     messages together). Parameters may also come in the query string.
         *
         *     With an expiry, the ban lapses at that instant (`LeaderboardShadowbanExpirationJob`, scheduled when
         *     the ban is set): a user still banned then has the four shadow-ban fields cleared, `updated_at` set to
         *     the expiry, and is back on the public leaderboards. The mock lifts the ban when its clock passes
         *     the expiry.
         *
         *     **Historical docs:** the server's rswag spec gives the message `User shadowbanned from leaderboards`;
         *     it is `<display name> is now hidden from leaderboards.`. Its expiry error is
         *     `… is not a valid datetime`; it is `Leaderboard shadowban expires at is invalid`. It documents only
         *     the rank 403, not the viewer's.
         */
        post: operations["adminCreateShadowban"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/leaderboard_shadowbans/search_users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find users to shadow-ban
         * @description The fuzzy user search of `POST /user/search_fuzzy` with up to 20 results, users without an email
         *     included, each rendered as a shadow-ban row. A blank query answers 200 with no users. Admin level
         *     and above.
         *
         *     **Historical docs:** the server's rswag spec documents no 403 here, and does not say a blank query
         *     answers `{"users":[]}`.
         */
        get: operations["adminSearchShadowbanUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/leaderboard_shadowbans/{user_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Show a user on the leaderboards again
         * @description Clears the user's shadow-ban (reason, expiry and banning admin too); it also answers 200 for a user
         *     who was not banned. The user is back on the public leaderboards at once. Same rules as the ban:
         *     admin and above, ranking strictly above the user, not oneself.
         *
         *     Browsers cannot call it cross-origin: the server's CORS allows only GET, POST and OPTIONS.
         *
         *     **Historical docs:** the server's rswag spec gives the message `User removed from leaderboard
         *     shadowban list`; it is `<display name> is visible on leaderboards again.`. It documents only the
         *     rank 403, not the viewer's.
         */
        delete: operations["adminDeleteShadowban"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/trust_level_audit_logs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The trust-level audit log
         * @description The 250 newest trust-level changes that pass the filters, newest first. `total_count` counts that
         *     list, so it is never above 250. Any admin level.
         *
         *     **Historical docs:** the server's rswag spec presents `total_count` as a grand total (example 137);
         *     it is the count of the returned page. It does not document the `Admin not found` 404, and calls the
         *     searches fuzzy: they are "contains" (case-insensitive), exact Slack uid or exact id.
         */
        get: operations["adminListTrustLevelAuditLogs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/trust_level_audit_logs/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One trust-level change
         * @description One audit log entry, with the user's current trust level and the entry's `updated_at`. Any admin level.
         */
        get: operations["adminGetTrustLevelAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/deletion_requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Account deletion requests by state
         * @description Pending requests (oldest request first), approved ones (soonest deletion first) and the 25 most
         *     recently completed. Cancelled requests are not listed. Superadmin and ultraadmin only: an admin or
         *     viewer gets a JSON 401 (`lmao no perms`).
         *
         *     **Historical docs:** the server's rswag spec does not document the `lmao no perms` 401.
         */
        get: operations["adminListDeletionRequests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/deletion_requests/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One account deletion request
         * @description A request in any state. Superadmin and ultraadmin only (others: JSON 401 `lmao no perms`).
         */
        get: operations["adminGetDeletionRequest"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/deletion_requests/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve an account deletion request
         * @description Approves the request — in whatever state it is (even cancelled or completed): the caller is
         *     recorded as the approver and the deletion is scheduled 30 days out. Nothing is deleted now: on the
         *     real server a daily job anonymises the user once the date has passed. While a request is pending or
         *     approved, the user is restricted: the user-API endpoints that refuse a pending deletion refuse their
         *     API keys and OAuth tokens (`401`), at once. Superadmin and ultraadmin only (others: JSON 401).
         *
         *     **Historical docs:** the server's rswag spec says "Approve and execute", with the message
         *     `Deletion request approved and processed`; it only schedules the deletion, and the message is
         *     `Deletion request approved. Scheduled for <Month DD, YYYY>`.
         */
        post: operations["adminApproveDeletionRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/deletion_requests/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject an account deletion request
         * @description Cancels the request, in whatever state it is (even completed). The user is no longer restricted once
         *     none of their requests is pending or approved. Superadmin and ultraadmin only (others: JSON 401).
         */
        post: operations["adminRejectDeletionRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The staff and their admin levels
         * @description Every user whose admin level is not `default`, ordered by the level's storage number (superadmin,
         *     admin, viewer, ultraadmin), then username. Superadmin and ultraadmin only (others: JSON 401
         *     `lmao no perms`).
         *
         *     **Historical docs:** the server's rswag spec says "List system permissions" and describes a
         *     `Permission` object (`role`, `resource_type`, `resource_id`) that no answer has; it lists users. It
         *     does not document the `lmao no perms` 401.
         */
        get: operations["adminListPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/permissions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a user's admin level
         * @description Sets the user's admin level. Superadmin and ultraadmin only (others: JSON 401). The caller must not
         *     be the user, must rank strictly above the user's current level and at least as high as the level
         *     granted; only an ultraadmin grants `ultraadmin`, and nobody changes an ultraadmin. Checked in this
         *     order: the user (404), the level's name (422), the rank rules (403, first matching message), then
         *     the write; setting the current level again answers 200 without writing.
         *
         *     The change takes effect at once: a user demoted to `default` can no longer use the admin API — their
         *     admin keys are revoked the next time they are used and their admin OAuth tokens are refused — and
         *     the level decides what their key may do everywhere else (convictions, shadow-bans, this route).
         *
         *     Browsers cannot call it cross-origin: the server's CORS allows only GET, POST and OPTIONS. `PUT` is
         *     not routed (404).
         *
         *     **Historical docs:** the server's rswag spec gives the message `Admin level updated successfully`; it
         *     is `<display name>'s admin level updated from <old> to <new>`. It does not document the
         *     `lmao no perms` 401.
         */
        patch: operations["adminUpdatePermission"];
        trace?: never;
    };
    "/api/admin/v1/audit_logs/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * How many trust-level changes each user has had
         * @description For each requested user id (the first 1000), the number of trust-level audit log entries about
         *     that user; every requested id is a key (as a string), 0 when it has none. Any admin level.
         *
         *     **Historical docs:** the server's rswag spec answers an empty array with
         *     `no valid user_ids provided`; an empty array is blank, so it gets `user_ids array required` (the
         *     other message cannot happen). Non-numeric ids crash the query (500), which it does not say.
         */
        post: operations["adminCountAuditLogs"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/introspect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Introspect an access token
         * @description Token introspection (RFC 7662) as Doorkeeper 5.9.6 answers it with Hackatime's configuration
         *     (`allow_token_introspection` left at its default, so the route is mounted). A resource server asks
         *     whether a token is active and what it grants. The caller must authorize the call, checked in this
         *     order (`lib/doorkeeper/oauth/token_introspection.rb:58-101`):
         *
         *     1. **Client credentials** — HTTP Basic `base64(<client_id>:<client_secret>)` or
         *        `client_id`/`client_secret` in the body (a public app may leave the secret out). A client that
         *        does not authenticate → `401 invalid_client`. An authenticated client gets `active: true` only
         *        for **its own app's** tokens that are neither revoked nor expired; any other token →
         *        `200 {"active": false}`. A secret sent both ways, or two client ids → `400 invalid_request`.
         *     2. Else **`Authorization: Bearer <access token>`** of an existing token: that token must be
         *        neither revoked nor expired, must not be the token asked about, and must belong to the same app
         *        as it; otherwise `401 invalid_token` (also for a missing or unknown `token`), described by the
         *        *authorizing* token's state ("The access token was revoked" / "… expired" / "… is invalid").
         *        If it passes, `active` says whether the token asked about is usable.
         *     3. **Neither** (no credentials, or a Bearer value that is no token, such as an API key) →
         *        `400 invalid_request` with Hackatime's sentence "Request need to be authorized. Required
         *        parameter for authorizing request is missing or invalid.".
         *
         *     `active` agrees with authentication: a token `/api/v1/authenticated/*` accepts is active, a
         *     revoked or expired one is not. `token_type_hint=refresh_token` looks only among refresh tokens —
         *     Hackatime issues none, so the answer is then `{"active": false}`.
         *
         *     In the local mock, the world's seeded tokens (the demo tokens of `/__mock/credentials`) belong to
         *     apps outside its registry (one per kind: plain, verified-and-confidential), so a registered app
         *     introspecting one gets `{"active": false}`, and one seeded token may introspect another of its
         *     kind. No CORS headers (the route is outside `/api/*`).
         *
         *     **Historical docs:** not documented (neither Hackatime's OAuth guide nor its swagger files list it).
         */
        post: operations["introspectOAuthToken"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token/info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The access token's own record
         * @description Doorkeeper 5.9.6's `GET /oauth/token/info` (`app/controllers/doorkeeper/token_info_controller.rb:5-13`):
         *     for the token in `Authorization: Bearer <token>` (the prefix in any case; `?access_token=` is not
         *     read, `config/initializers/doorkeeper.rb:10`), who authorized it, its scopes, the seconds it has
         *     left, its app and when it was created. Any scope will do.
         *
         *     A missing, unknown, revoked or expired token → `401 invalid_token`, always described as "The access
         *     token is invalid" (the controller builds the error without a reason, unlike
         *     `/api/v1/authenticated/*`). A token is accepted here exactly when authentication accepts it.
         *     No CORS headers (the route is outside `/api/*`).
         *
         *     **Historical docs:** not documented.
         */
        get: operations["getOAuthTokenInfo"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/internal/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a leaked API key or admin key (server-to-server)
         * @description For secret scanners and Hack Club's own services (`app/controllers/api/internal/revocations_controller.rb`):
         *     a holder of the server's revocation key kills a leaked key. A user API key (a UUID) gets a new
         *     random token — the same key, name and owner; the old token stops working everywhere at once
         *     (`User#rotate_single_api_key!`, `app/models/user.rb:360-364`). An admin key (`hka_` and 64
         *     lowercase hex digits) is revoked.
         *
         *     **Authentication** is Rails' `authenticate_with_http_token` against the server's
         *     `HKA_REVOCATION_KEY` (`:60-67`): `Authorization: Bearer <key>`, `Token <key>` or
         *     `Token token="<key>"`. Without it, or with a wrong key, the answer is a `302` to a YouTube video
         *     before the body is read (the `INTERNAL_API_KEYS` of the other internal routes play no part).
         *
         *     Then the `token` parameter (JSON body, form or query), `422 {"success": false, "error": …}` in
         *     this order: blank → "Token is required"; neither an admin-key nor a UUID format → "Token doesn't
         *     match any supported type"; no such key, or an admin key already revoked → "Token is invalid or
         *     already revoked" (so a second call with the same token gets this). A `token` that is not a
         *     string (a JSON number or object) makes the server raise: `500`.
         *
         *     In the local mock the revocation key is `demo-revocation-key` (or the `HKA_REVOCATION_KEY` of the
         *     environment the mock was started in), listed as `revocation_key` by `/__mock/credentials`, whose
         *     `api_keys` then show a rotated key's new token. The world's admin keys have no name: the mock
         *     reports them as `Admin key`.
         *
         *     **Historical docs:** the admin swagger file lists the route without its `422` messages, the
         *     redirect's `Location` or the `500`.
         */
        post: operations["revokeKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/hackatime/v1": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The WakaTime-compatible API's root (a redirect)
         * @description `get "/", to: redirect("/", status: 302)` (`config/routes.rb:341`): some clients link the API root
         *     as the user's dashboard, so the server sends them to the site's home page. Rails' routing redirect
         *     writes an absolute `Location` on the request's host and an empty body; no authentication.
         *
         *     **Historical docs:** not documented.
         */
        get: operations["redirectHackatimeRoot"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/user/heartbeats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's raw heartbeats, a page at a time (admin)
         * @description Lists one user's heartbeats ordered by `time` then `id`, ascending, a page of `limit` after
         *     `offset`. `total_count` counts every heartbeat that matches the dates and filters (no paging) and
         *     `has_more` is `offset + limit < total_count`. Read off `user_heartbeats`
         *     (`app/controllers/concerns/api/admin/v1/user_utilities.rb:294-346`). Open to every admin level,
         *     viewers included.
         *
         *     The user is resolved first (`422 {"error":"who?"}` without an id, `404 {"error":"user not found"}`),
         *     then `start_date`, then `end_date`.
         *
         *     **Upstream swagger:** documents the 422 as "invalid date filter" and not the `who?` answer; the
         *     code answers `invalid start_date` / `invalid end_date` and `who?`, as here.
         */
        get: operations["getAdminUserHeartbeats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/user/heartbeat_values": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The distinct values of one heartbeat field of a user (admin)
         * @description Distinct non-null values of one column of the user's heartbeats, ascending (database collation),
         *     the first `limit` of them, and only then empty strings removed, so `count` can be below `limit`
         *     while more values exist. Read off `user_heartbeat_values`
         *     (`app/controllers/concerns/api/admin/v1/user_utilities.rb:348-367`).
         *
         *     Checked in this order: the user (`who?`, `user not found`), `field` (`422 {"error":"invalid field"}`),
         *     then the dates. `field=ips` answers `500` whenever the user has a heartbeat with an address in the
         *     window: the server's plucked `inet` values are `IPAddr` objects, which have no `empty?`.
         *
         *     **Upstream swagger:** its 422 mentions only "invalid field"; the date messages (`invalid start_date`,
         *     `invalid end_date`), `who?` and the `ips` 500 are the code's and documented here.
         */
        get: operations["getAdminUserHeartbeatValues"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/user/get_users_by_ip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users that sent heartbeats from an IP address (admin)
         * @description One entry per distinct (address, user, machine, user agent) among all heartbeats (all time) stored
         *     with exactly this address: `inet` equality, so a CIDR string matches only rows stored with that
         *     prefix, and a value `inet` cannot read matches nothing (`200 {"users":[]}`). No order, no limit.
         *     Read off `get_users_by_ip` (`app/controllers/concerns/api/admin/v1/user_utilities.rb:59-73`).
         */
        get: operations["getAdminUsersByIp"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/user/get_users_by_machine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Users that sent heartbeats from a machine name (admin)
         * @description Distinct (user, machine) among all heartbeats (all time) of exactly this machine name. No order, no
         *     limit. Read off `get_users_by_machine` (`app/controllers/concerns/api/admin/v1/user_utilities.rb:75-80`).
         */
        get: operations["getAdminUsersByMachine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/user/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's heartbeats and coding time over a window (admin)
         * @description Every heartbeat of the user with `start <= time <= end` (integer epoch seconds, both inclusive),
         *     ordered by time, with no paging, and their total under the 2-minute rule (`total_duration`:
         *     gaps capped at 120 s, an integer) — the rule of the public `/api/v1/users/{username}/stats`, so
         *     both agree over the same heartbeats. Read off `user_stats`
         *     (`app/controllers/concerns/api/admin/v1/user_utilities.rb:121-174`).
         *
         *     The window: when `start_date` or `end_date` is sent, both are read as in the other admin routes and
         *     a missing one defaults (start: 10 years ago; end: 23:59:59 UTC today); otherwise `date` (default
         *     today, UTC) means 00:00:00–23:59:59 UTC of that day. `username` is the user's **display name**.
         *
         *     **Upstream swagger:** documents `time` as a string like `'1710946200.0'` (it is ISO 8601,
         *     `2024-03-20T15:30:00Z`), `dependencies` as a comma-joined string (it is an array), `total_duration`
         *     as a number (an integer), and none of the 422s (`who?`, `invalid start_date`, `invalid end_date`,
         *     `Invalid date.`); the spec follows the code.
         */
        get: operations["getAdminUserStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/user/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A user's projects with counts, durations and repository mappings (admin)
         * @description The user's heartbeats that have a project (an empty project name included), all time or, when
         *     `start_date` or `end_date` is sent, inside that window (a missing bound defaults: 10 years ago;
         *     23:59:59 UTC today), grouped by project, most heartbeats first. `total_duration` applies the
         *     2-minute rule within each project (integer seconds). Read off `user_projects`
         *     (`app/controllers/concerns/api/admin/v1/user_utilities.rb:176-218`).
         *
         *     **Upstream swagger:** documents `total_duration` as a number and none of the 422s (`who?`,
         *     `invalid start_date`, `invalid end_date`); the code answers integers and those 422s.
         */
        get: operations["getAdminUserProjects"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/users/{id}/visualization/quantized": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A month of a user's heartbeats as quantized pixels and daily totals (admin)
         * @description One entry per calendar day of the month `year`-`month` (UTC), ascending. Each day's heartbeats
         *     (`time` between UTC midnight of the 1st and UTC midnight of the next month, both inclusive) become
         *     points of a 400 × 100 canvas: `x = round(2 + fraction_of_day × 396)`, `y = round(2 + (1 −
         *     lineno / max_lineno_of_day) × 96)` (likewise for `cursorpos`, maxima at least 1); the earliest
         *     heartbeat per (day, x, y of lineno), per (day, x, y of cursorpos), and per (day, x) among rows with
         *     neither, united without repeats and sorted by time. `total_seconds` sums `min(gap to the previous
         *     heartbeat of the same UTC day, 120)`: a float on a day with heartbeats, the integer `0` on a day
         *     without. Read off `visualization_quantized`
         *     (`app/controllers/api/admin/v1/admin_controller.rb:34-135`).
         *
         *     **Upstream swagger:** documents `total_seconds` as always a float; it is the integer `0` on days
         *     without heartbeats.
         */
        get: operations["getAdminQuantizedVisualization"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/alts/candidates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pairs of users that used the same machine and address (admin)
         * @description Pairs of users whose heartbeats since `now − lookback_days` (`time >= cutoff`) share a (machine,
         *     IP address) combination (rows without a machine or address ignored), `user_a_id < user_b_id`, with
         *     each user's first and last heartbeat time on that combination. At most 5000 pairs, no order (the
         *     mock answers by ascending user id). Read off `alt_candidates`
         *     (`app/controllers/api/admin/v1/admin_controller.rb:137-195`).
         */
        get: operations["getAdminAltCandidates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/alts/shared_machines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Machine names shared by several users (admin; same as heartbeats/shared_machines)
         * @description Machine names used by more than one distinct user since `now − lookback_days` (`time > cutoff`),
         *     most users first, then by name. `machine_frequency` is the number of users and `user_ids` is
         *     **a string**, PostgreSQL's array literal of their ids in ascending order (`"{4,11}"`), not a JSON
         *     array. The same action as `GET /api/admin/v1/heartbeats/shared_machines`. Read off `shared_machines` (`app/controllers/api/admin/v1/heartbeats_controller.rb:56-90`).
         */
        get: operations["getAdminAltSharedMachines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/users/active": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ids of users with a heartbeat since an instant (admin)
         * @description Distinct ids of users with a heartbeat at or after `max(since, now − 90 days)`, at most 50 000, no
         *     order (the mock answers in ascending id). Read off `active_users`
         *     (`app/controllers/api/admin/v1/admin_controller.rb:198-204`).
         */
        get: operations["getAdminActiveUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/heartbeats/by_user_agent_segment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Heartbeats whose user agent contains a text (admin)
         * @description Every user's heartbeats (or one user's, with `user_id`) whose user agent contains `segment`,
         *     case-insensitively (`ILIKE '%segment%'` with `\`, `%` and `_` escaped), inside the dates, newest
         *     first, a page of `limit` after `offset`; `has_more` says whether another row follows the page.
         *     With `count_only` the body is only the segment and the number of matches. Read off
         *     `heartbeats_by_user_agent_segment` (`app/controllers/api/admin/v1/admin_controller.rb:222-272`).
         *
         *     Checked in this order: `segment` (stripped; blank → `segment parameter required`, under 3 characters
         *     → `segment must be at least 3 characters`), then `start_date`, then `end_date`.
         */
        get: operations["getAdminHeartbeatsByUserAgentSegment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/heartbeats/ip_machine_pairs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Pairs of users that used the same machine and address, with a limit (admin)
         * @description The pairing of `alts/candidates` with `time > cutoff` (strictly after), at most `limit` pairs and
         *     other key names (`user_a_first_seen`, …). No order (the mock answers by ascending user id). Read off
         *     `ip_machine_pairs` (`app/controllers/api/admin/v1/heartbeats_controller.rb:8-54`).
         */
        get: operations["getAdminIpMachinePairs"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/heartbeats/shared_machines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Machine names shared by several users (admin)
         * @description Machine names used by more than one distinct user since `now − lookback_days` (`time > cutoff`),
         *     most users first, then by name. `machine_frequency` is the number of users and `user_ids` is
         *     **a string**, PostgreSQL's array literal of their ids in ascending order (`"{4,11}"`), not a JSON
         *     array. The same action answers `GET /api/admin/v1/alts/shared_machines`. Read off `shared_machines` (`app/controllers/api/admin/v1/heartbeats_controller.rb:56-90`).
         */
        get: operations["getAdminHeartbeatSharedMachines"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A day of several users' coding, as spans (admin)
         * @description The caller and up to 20 chosen users (`user_ids`, then the users of `slack_uids`; the caller is
         *     always first in the selection, unknown ids are dropped), each with the heartbeats of `date` **in
         *     the user's own time zone**: spans that end where the next heartbeat is more than 10 minutes away
         *     (`duration` = end − start, `0` for a lone heartbeat) and `total_coded_time`, the capped gaps
         *     (120 s) between consecutive heartbeats of that local day, truncated to an integer. `commit_markers`
         *     lists the users' GitHub commits of their local day (the mock has no commits: always empty). Read
         *     off `show` (`app/controllers/api/admin/v1/timeline_controller.rb:7-46`) and
         *     `app/services/timeline_service.rb`.
         *
         *     **Upstream swagger:** documents `total_coded_time` as a float; it is an integer.
         */
        get: operations["getAdminTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/timeline/search_users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Find users to add to the timeline (admin)
         * @description `User.fuzzy_ranked_search` with at most 20 results (users without an email included): candidates
         *     have the term (stripped) as their Slack UID or id, or contain it, case-insensitively, in their
         *     username, display-name override, GitHub or Slack username or an email; ranked by score (+1000 id,
         *     +1000 Slack UID; per name field and the best email +100 exact, +50 prefix, +10 contains), then
         *     username. Read off `search_users` (`app/controllers/api/admin/v1/timeline_controller.rb:48-54`,
         *     `app/models/concerns/user_fuzzy_search.rb`).
         *
         *     **Upstream swagger:** its 422 has no schema; the body is `{"error":"Query parameter is required"}`.
         */
        get: operations["getAdminTimelineSearchUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/admin/v1/timeline/leaderboard_users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The caller and today's leaderboard, to pick timeline users (admin)
         * @description The caller first, then the users of today's finished leaderboard by total time (the daily board,
         *     or the weekly one with `period=last_7_days`), at most 25 in all; with no board, the caller alone.
         *     Shadow-banned users are **not** left out here. Read off `leaderboard_users`
         *     (`app/controllers/api/admin/v1/timeline_controller.rb:56-83`). The mock computes today's boards on
         *     demand, as the public leaderboards do, so a board always exists.
         */
        get: operations["getAdminTimelineLeaderboardUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /**
         * AdminActor
         * @description A user as the admin API names the one acting or asking.
         */
        AdminActor: {
            /** @example 2 */
            id: number;
            /**
             * @description `users.username`; optional on the server, so it can be null.
             * @example admin
             */
            username: string | null;
            /**
             * @description The display name (override, else Slack, GitHub or user name, else from the email).
             * @example Heidi Admin
             */
            display_name: string;
            admin_level: components["schemas"]["AdminLevel"];
        };
        /**
         * AdminApiKey
         * @description An admin API key as listed and shown (`admin_api_keys_controller.rb:65-80`); never the token itself.
         */
        AdminApiKey: {
            id: number;
            /** @description A revoked key's name carries the suffix `_revoked_<16 hex>` (added again on each revocation). */
            name: string;
            /**
             * @description The first 13 characters of the token (`hka_` + 9 hex) and `...`.
             * @example hka_3f8e12ab5...
             */
            token_preview: string;
            user: components["schemas"]["AdminActor"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            revoked_at: string | null;
            active: boolean;
        };
        /**
         * AdminDeletionRequest
         * @description An account deletion request (`deletion_requests_controller.rb:54-67`).
         */
        AdminDeletionRequest: {
            id: number;
            user_id: number;
            user: null | components["schemas"]["AdminUserRef"];
            /** @enum {string} */
            status: "pending" | "approved" | "cancelled" | "completed";
            /** Format: date-time */
            requested_at: string;
            /**
             * Format: date-time
             * @description Set by approval, 30 days after it.
             */
            scheduled_deletion_at: string | null;
            /** Format: date-time */
            completed_at: string | null;
            admin_approved_by: null | components["schemas"]["AdminUserRef"];
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * AdminHeartbeat
         * @description A heartbeat as the admin API's `user/heartbeats` lists it: these 24 keys, in this order
         *     (`user_utilities.rb:318-341`).
         */
        AdminHeartbeat: {
            id: number;
            /**
             * Format: double
             * @description Unix epoch seconds, a Float (`t.float "time"`): always written with a fraction, `1787407234.0` when whole.
             */
            time: number;
            /**
             * Format: date-time
             * @description ISO 8601 with milliseconds, UTC.
             */
            created_at: string;
            project: string | null;
            branch: string | null;
            category: string | null;
            dependencies: string[];
            editor: string | null;
            entity: string | null;
            language: string | null;
            machine: string | null;
            operating_system: string | null;
            type: string | null;
            user_agent: string | null;
            line_additions: number | null;
            line_deletions: number | null;
            lineno: number | null;
            lines: number | null;
            cursorpos: number | null;
            project_root_count: number | null;
            is_write: boolean | null;
            /** @enum {string} */
            source_type: "direct_entry" | "wakapi_import" | "test_entry";
            /** @description Host form, no `/32`. */
            ip_address: string | null;
            /**
             * @description The TLS fingerprint the heartbeat came with, or null. (The mock keeps no JA4 table: its
             *     fingerprints are made from the heartbeat's `ja4_id` and have no name.)
             */
            ja4: null | {
                fingerprint: string;
                name: string | null;
            };
        };
        /**
         * AdminLevel
         * @description `users.admin_level`. Privilege order: default < viewer < admin < superadmin < ultraadmin (not the
         *     enum's storage order, which is default 0, superadmin 1, admin 2, viewer 3, ultraadmin 4).
         * @enum {string}
         */
        AdminLevel: "default" | "viewer" | "admin" | "superadmin" | "ultraadmin";
        /**
         * AdminShadowbanUser
         * @description A user as `LeaderboardShadowbanSerializer` renders it. Its times are ISO 8601 with **seconds**
         *     precision (`…T14:00:00Z`), unlike the rest of the admin API.
         */
        AdminShadowbanUser: {
            id: number;
            display_name: string;
            avatar_url: string;
            /** Format: date-time */
            created_at: string;
            username: string | null;
            /** @description The user's first email address. */
            email: string | null;
            leaderboard_shadowbanned: boolean;
            leaderboard_shadowban_reason: string | null;
            /** Format: date-time */
            leaderboard_shadowban_expires_at: string | null;
            /** @description The admin who banned the user (never with an email), or null. */
            shadowbanned_by: null | {
                id: number;
                display_name: string;
                username: string | null;
                avatar_url: string;
                admin_level: components["schemas"]["AdminLevel"];
            };
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * AdminStatsHeartbeat
         * @description A heartbeat as `user/stats` lists it (`user_utilities.rb:143-167`): `time` is an ISO 8601 string
         *     with seconds precision (`Time.at(hb.time).utc.iso8601`), there is no `ja4`.
         */
        AdminStatsHeartbeat: {
            id: number;
            /**
             * Format: date-time
             * @example 2026-08-22T14:00:00Z
             */
            time: string;
            /** Format: date-time */
            created_at: string;
            project: string | null;
            branch: string | null;
            category: string | null;
            dependencies: string[];
            editor: string | null;
            entity: string | null;
            language: string | null;
            machine: string | null;
            operating_system: string | null;
            type: string | null;
            user_agent: string | null;
            line_additions: number | null;
            line_deletions: number | null;
            lineno: number | null;
            lines: number | null;
            cursorpos: number | null;
            project_root_count: number | null;
            is_write: boolean | null;
            /** @enum {string} */
            source_type: "direct_entry" | "wakapi_import" | "test_entry";
            ip_address: string | null;
        };
        /**
         * AdminTrustLog
         * @description One trust-level audit log entry (`trust_level_audit_logs_controller.rb:54-71`).
         */
        AdminTrustLog: {
            id: number;
            user: {
                /** @description Only on `GET /trust_level_audit_logs/{id}`: the user's level now. */
                current_trust_level?: components["schemas"]["TrustLevelName"];
            } & components["schemas"]["AdminUserRef"];
            previous_trust_level: components["schemas"]["TrustLevelName"];
            new_trust_level: components["schemas"]["TrustLevelName"];
            changed_by: components["schemas"]["AdminActor"];
            reason: string | null;
            notes: string | null;
            /**
             * Format: date-time
             * @description ISO 8601 with milliseconds, UTC.
             */
            created_at: string;
            /**
             * Format: date-time
             * @description Only on `GET /trust_level_audit_logs/{id}`.
             */
            updated_at?: string;
        };
        /**
         * AdminUserRef
         * @description A user as the admin API names the subject of an audit log or deletion request.
         */
        AdminUserRef: {
            /** @example 7 */
            id: number;
            /** @example orpheus */
            username: string | null;
            /** @example Orpheus */
            display_name: string;
        };
        /**
         * AdminUserSummary
         * @description `user_summary` of the timeline pickers (`timeline_controller.rb:87-89`).
         */
        AdminUserSummary: {
            id: number;
            display_name: string;
            avatar_url: string;
        };
        /**
         * AuthenticatedApiKey
         * @description The user's first API key.
         */
        AuthenticatedApiKey: {
            /**
             * @description A full user API key — normally a UUID v4 — usable as `Authorization: Bearer`/`Basic` and
             *     `?api_key=` on the WakaTime-compatible endpoints. Treat it as a secret.
             * @example 550e8400-e29b-41d4-a716-446655440000
             */
            token: string;
        };
        /**
         * AuthenticatedHours
         * @description The user's coded time between two UTC dates (inclusive).
         */
        AuthenticatedHours: {
            /**
             * Format: date
             * @description The effective first day (the parsed `start_date`, default 7 days ago).
             * @example 2026-08-15
             */
            start_date: string;
            /**
             * Format: date
             * @description The effective last day (the parsed `end_date`, default today, UTC).
             * @example 2026-08-22
             */
            end_date: string;
            /**
             * @description Coded time of all the user's heartbeats from 00:00:00 UTC of `start_date` to 23:59:59 UTC of
             *     `end_date` (2-minute gap rule, integer seconds); 0 when `end_date` is before `start_date`.
             * @example 36000
             */
            total_seconds: number;
        };
        /**
         * AuthenticatedMe
         * @description The profile an OAuth app sees for its user.
         */
        AuthenticatedMe: {
            /**
             * @description The Hackatime user id.
             * @example 42
             */
            id: number;
            /**
             * @description All of the user's email addresses (`[]` if none).
             * @example [
             *       "orpheus@hackclub.com"
             *     ]
             */
            emails: string[];
            /**
             * @description The user's Slack member id, or null if no Slack account is linked.
             * @example U0266FRGP
             */
            slack_id: string | null;
            /**
             * @description The linked GitHub login, or null.
             * @example orpheus
             */
            github_username: string | null;
            /**
             * @description Masked (`yellow`/3 shown as `blue`/0) unless the token's OAuth app is both verified and
             *     confidential, in which case the raw level is returned and can be `yellow`/3.
             */
            trust_factor: components["schemas"]["TrustFactor"];
        };
        /**
         * AuthenticatedProject
         * @description One of the user's projects with its coded time in the requested window.
         */
        AuthenticatedProject: {
            /**
             * @description The project name as stored on the heartbeats (heartbeats without a project are not counted).
             * @example hackatime
             */
            name: string;
            /**
             * @description Coded time in the window (2-minute gap rule), integer seconds.
             * @example 72000
             */
            total_seconds: number;
            /**
             * Format: date-time
             * @description Time of the project's latest heartbeat in the window, `YYYY-MM-DDTHH:MM:SSZ` (UTC, no fraction), or null.
             * @example 2026-08-21T18:45:00Z
             */
            most_recent_heartbeat: string | null;
            /**
             * @description The distinct languages seen on the project's heartbeats.
             * @example [
             *       "Ruby",
             *       "TypeScript"
             *     ]
             */
            languages: string[];
            /** @description Whether the user archived the project (only ever true with `include_archived=true`). */
            archived: boolean;
        };
        /**
         * AuthenticatedStreak
         * @description The user's current daily coding streak.
         */
        AuthenticatedStreak: {
            /**
             * @description Consecutive days, in the user's time zone and ending today or yesterday, with at least 15 minutes
             *     of coded time (heartbeats whose category is set and is not `browsing`; gaps taken within each
             *     local day, capped at 120 s). The lookback is 31 days, so the value does not grow much beyond
             *     that; cached for an hour. 0 when there is no streak.
             * @example 14
             */
            streak_days: number;
        };
        /**
         * BannedUserCounts
         * @description Distinct users whose trust level was set to `red` (banned) within the last day, week and month,
         *     counted from the trust-level audit log.
         */
        BannedUserCounts: {
            /**
             * @description Users banned in the last 24 hours.
             * @example 3
             */
            day: number;
            /**
             * @description Users banned in the last 7 days.
             * @example 12
             */
            week: number;
            /**
             * @description Users banned since the same moment one month ago.
             * @example 48
             */
            month: number;
        };
        /**
         * CurrentlyHacking
         * @description Users with a `direct_entry` heartbeat of category `coding` in the last 5 minutes.
         */
        CurrentlyHacking: {
            /**
             * @description Number of entries in `users`.
             * @example 2
             */
            count: number;
            /** @description Users whose `working_on` is set come first. */
            users: components["schemas"]["CurrentlyHackingUser"][];
        };
        /**
         * CurrentlyHackingUser
         * @description A user with a recent coding heartbeat. No user id is exposed.
         */
        CurrentlyHackingUser: {
            /**
             * @description The user's display name.
             * @example Orpheus
             */
            display_name: string;
            /**
             * @description Slack avatar, else GitHub avatar, else a generated initials image URL, else an identicon
             *     `data:image/png;base64,…` URI.
             * @example https://avatars.slack-edge.com/2025-01-01/orpheus_192.png
             */
            avatar_url: string;
            /**
             * @description ISO 3166-1 alpha-2 country code the user set, or `null`.
             * @example US
             */
            country_code: string | null;
            /**
             * @description The project of the user's latest heartbeat, only when that project has a repository mapping that
             *     is not archived; otherwise `null`.
             */
            working_on: null | {
                /** @example hackatime */
                project_name: string;
                /**
                 * @description The mapped repository URL (may still be `null`).
                 * @example https://github.com/hackclub/hackatime
                 */
                repo_url: string | null;
            };
        };
        /**
         * Error
         * @description A controller-made error. Some operations add an echo field (lookups) or a `type` (heartbeat ingest).
         */
        Error: {
            /** @description Human-readable message, exactly as the server words it. */
            error: string;
        };
        /**
         * ErrorPage
         * @description An error raised outside a controller (unknown route, malformed JSON body, missing required parameter,
         *     uncaught exception), rendered by the server's error page in its JSON branch.
         */
        ErrorPage: {
            /**
             * @description The HTTP reason phrase.
             * @example Page Not Found
             */
            error: string;
            /** @description A sentence explaining the error. */
            message: string;
            /** @description The HTTP status code, repeated. */
            status: number;
            /** @description Present on some 500s, when the error tracker recorded an event. */
            sentry_event_id?: string;
        };
        /**
         * @description The errors controller's HTML page (the Inertia page `Errors/Show`: status, title and message), the
         *     answer to a request that asks for HTML, `*\/*` or nothing (see `RouteNotFound.yaml`).
         */
        ErrorPageHtml: string;
        /**
         * Heartbeat
         * @description A stored heartbeat: every attribute of the model. Clients should tolerate extra keys (production may
         *     add e.g. `time_epoch`).
         */
        Heartbeat: {
            id: number;
            user_id: number;
            /**
             * Format: double
             * @description Unix epoch seconds, a Float (`t.float "time"`): always written with a fraction, `1787407234.0` when whole.
             */
            time: number;
            /** @description File path, URL or app name. */
            entity: string | null;
            /** @description WakaTime entity type (`file`, `app`, `domain`, `url`, …); not validated. */
            type: string | null;
            /** @description Free text; `coding` by default, `browsing` for `domain`/`url` entities. */
            category: string | null;
            project: string | null;
            branch: string | null;
            language: string | null;
            /** @description Parsed from the user agent when it can be. */
            editor: string | null;
            /** @description Parsed from the user agent when it can be. */
            operating_system: string | null;
            /** @description `X-Machine-Name` header, else the posted `machine`. */
            machine: string | null;
            user_agent: string | null;
            is_write: boolean | null;
            lineno: number | null;
            lines: number | null;
            cursorpos: number | null;
            line_additions: number | null;
            line_deletions: number | null;
            project_root_count: number | null;
            dependencies: string[];
            ai_model: string | null;
            ai_session: string | null;
            ai_subscription_plan: string | null;
            ai_input_tokens: number | null;
            ai_output_tokens: number | null;
            ai_prompt_length: number | null;
            ai_line_changes: number | null;
            human_line_changes: number | null;
            /** @enum {string} */
            source_type: "direct_entry" | "wakapi_import" | "test_entry";
            ip_address: string | null;
            ja4_id: number | null;
            /** @description MD5 of the de-duplication fields. */
            fields_hash: string;
            /**
             * Format: date-time
             * @description ISO 8601 with milliseconds, UTC (`2026-08-22T14:00:35.120Z`).
             */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
            deleted_at: null;
        };
        /**
         * HeartbeatBulkResponse
         * @description The outcome of each posted heartbeat, one `[body, status]` pair per input item, in input order: the
         *     stored heartbeat and `201` (also for a duplicate, which returns the row already stored), or the error
         *     and `422`. Unlike real WakaTime, the heartbeat is not wrapped in `{"data": …}`.
         */
        HeartbeatBulkResponse: {
            responses: ([
                components["schemas"]["Heartbeat"],
                201
            ] | [
                components["schemas"]["IngestError"],
                422
            ])[];
        };
        /**
         * HeartbeatInput
         * @description One heartbeat as a WakaTime client posts it. Every key is optional to the parser; unknown keys are
         *     silently dropped (only the keys below are accepted). A heartbeat without a usable `time` is rejected
         *     with `422` (per item in a bulk request). NUL bytes are removed from every string (also inside
         *     `dependencies`).
         *
         *     Derived, not taken as posted: `editor` and `operating_system` come from the user agent first;
         *     `machine` comes from the `X-Machine-Name` header first; `created_at` is ignored; `plugin` is only a
         *     fallback for `user_agent`. The server also sets `user_id`, `source_type` (`test_entry` when `entity`
         *     is `test.txt`, else `direct_entry`), `ip_address` (`CF-Connecting-IP` header, else the client
         *     address), `ja4_id` (`CF-JA4` header) and `fields_hash`.
         * @example {
         *       "entity": "/home/orpheus/hackatime/app/models/user.rb",
         *       "type": "file",
         *       "category": "coding",
         *       "time": 1787407234.5,
         *       "project": "hackatime",
         *       "branch": "main",
         *       "language": "Ruby",
         *       "is_write": true,
         *       "lineno": 42,
         *       "cursorpos": 12,
         *       "lines": 350,
         *       "dependencies": [
         *         "rails"
         *       ],
         *       "user_agent": "wakatime/v1.115.2 (linux-6.8.0-40-generic-x86_64) go1.23.1 vscode/1.96.0 vscode-wakatime/24.6.0"
         *     }
         */
        HeartbeatInput: {
            /**
             * @description When the activity happened. A number or numeric string is Unix epoch seconds (fractions
             *     allowed); a value outside [1 000 000 000, 2 000 000 000) is divided by 1e3, 1e6 or 1e9 when that
             *     lands in range (millisecond, microsecond and nanosecond epochs are accepted). Any other string is
             *     parsed as a date/time by Ruby's `Time.parse` (`2026-08-22T14:00:00Z`, `Aug 22 2026 2pm` work; a
             *     zone-less time is UTC), then the same range rule applies. Missing, non-numeric, unparseable or
             *     out-of-range values → `422` with type `HeartbeatIngest::InvalidHeartbeatTime`.
             * @example 1787407234.5
             * @example 1787407234500
             * @example 2026-08-22T14:00:34Z
             */
            time?: number | string;
            /**
             * @description File path, URL or app name. `test.txt` marks the heartbeat as a `test_entry`.
             * @example /home/orpheus/hackatime/app/models/user.rb
             */
            entity?: string | null;
            /**
             * @description WakaTime entity type (`file`, `app`, `domain`, `url`, …); not validated.
             * @example file
             */
            type?: string | null;
            /**
             * @description Free text (WakaTime uses coding, building, indexing, debugging, browsing, running tests, writing
             *     tests, manual testing, writing docs, code reviewing, communicating, notes, researching, learning,
             *     designing, ai coding, …). Defaults to `coding`, or `browsing` when `type` is `domain` or `url`.
             * @example coding
             */
            category?: string | null;
            /**
             * @description Control characters are removed and the value is stripped. `<<LAST_PROJECT>>` is stored as-is but
             *     lets later placeholders resolve against the last real project of the same request.
             * @example hackatime
             */
            project?: string | null;
            /**
             * @description `<<LAST_BRANCH>>` is replaced by the last real branch of the same project (this request, else the latest stored heartbeat), else null.
             * @example main
             */
            branch?: string | null;
            /**
             * @description `<<LAST_LANGUAGE>>` is replaced like `<<LAST_BRANCH>>`. A blank or `unknown` language is inferred
             *     from the entity's file name/extension.
             * @example Ruby
             */
            language?: string | null;
            /**
             * @description Libraries the file uses. Only an array survives the parameter filter; a string value is silently dropped (stored as `[]`).
             * @example [
             *       "rails",
             *       "pg"
             *     ]
             */
            dependencies?: string[];
            /** @example true */
            is_write?: boolean | null;
            /**
             * @description Current line number (32-bit; an out-of-range value makes the item fail with `422`).
             * @example 42
             */
            lineno?: number | null;
            /**
             * @description Lines in the file (32-bit).
             * @example 350
             */
            lines?: number | null;
            /**
             * @description Cursor position (32-bit).
             * @example 12
             */
            cursorpos?: number | null;
            /**
             * @description Lines added since the last heartbeat (32-bit).
             * @example 8
             */
            line_additions?: number | null;
            /**
             * @description Lines deleted since the last heartbeat (32-bit).
             * @example 3
             */
            line_deletions?: number | null;
            /**
             * @description Depth of the project root folder (32-bit).
             * @example 4
             */
            project_root_count?: number | null;
            /**
             * @description The plugin's user agent (`wakatime/<cli version> (<os>) <go version> <editor>/<version>
             *     <plugin>/<version>`). Falls back to `plugin`, then to the request's `User-Agent` header.
             *     `editor`, `operating_system` and (when not posted) `ai_model` are parsed from it.
             * @example wakatime/v1.115.2 (linux-6.8.0-40-generic-x86_64) go1.23.1 vscode/1.96.0 vscode-wakatime/24.6.0
             */
            user_agent?: string | null;
            /**
             * @description Used as `user_agent` when `user_agent` is absent or blank; not stored on its own.
             * @example vscode/1.96.0 vscode-wakatime/24.6.0
             */
            plugin?: string | null;
            /**
             * @description Used only when no editor can be parsed from the user agent.
             * @example vscode
             */
            editor?: string | null;
            /**
             * @description Used only when no operating system can be parsed from the user agent.
             * @example linux
             */
            operating_system?: string | null;
            /**
             * @description Used only when the `X-Machine-Name` header is absent or blank.
             * @example orpheus-laptop
             */
            machine?: string | null;
            /** @description Accepted and ignored (the server stamps its own `created_at`). */
            created_at?: string | number | null;
            /**
             * @description AI model that produced the change. The posted value wins; the user agent is the fallback.
             * @example gpt/5.3-codex
             */
            ai_model?: string | null;
            /** @example session-123 */
            ai_session?: string | null;
            /** @example pro */
            ai_subscription_plan?: string | null;
            /**
             * Format: int64
             * @example 1200
             */
            ai_input_tokens?: number | null;
            /**
             * Format: int64
             * @example 350
             */
            ai_output_tokens?: number | null;
            /** @example 240 */
            ai_prompt_length?: number | null;
            /** @example 18 */
            ai_line_changes?: number | null;
            /** @example 7 */
            human_line_changes?: number | null;
        };
        /**
         * IngestError
         * @description Why one heartbeat was rejected: the exception message and the exception's class name. Time problems
         *     have type `HeartbeatIngest::InvalidHeartbeatTime`; a database or type-cast failure (e.g. an integer
         *     field outside the 32-bit range) carries that exception's own class and message.
         */
        IngestError: {
            /**
             * @description The exception message. For times: `time must be Unix epoch seconds between 1000000000 and
             *     1999999999` (a number out of range even after ms/µs/ns scaling), `time must be a Unix epoch
             *     timestamp` (missing or of a non-numeric JSON type), `time must be a Unix epoch timestamp or
             *     parseable date` (an unparseable string); a non-finite number (e.g. a huge numeric string) gets the
             *     bare class name `HeartbeatIngest::InvalidHeartbeatTime` as its message. A string with an hour too
             *     big for a C int (`99999999999 pm`) fails inside `Time.parse` with type `RangeError` and message
             *     ``integer 99999999999 too big to convert to `int'``.
             * @example time must be Unix epoch seconds between 1000000000 and 1999999999
             */
            error: string;
            /**
             * @description The exception class name.
             * @example HeartbeatIngest::InvalidHeartbeatTime
             */
            type: string;
        };
        /**
         * LanguageStatsItem
         * @description One entry of `data.languages`: a StatsItem plus the language's colour.
         */
        LanguageStatsItem: components["schemas"]["StatsItem"] & {
            /** @example Ruby */
            name?: unknown;
            /**
             * @description The language's GitHub Linguist colour; `#888888` when the language is unknown or has none.
             * @example #701516
             */
            color: string;
        };
        /**
         * Last7Days
         * @description WakaTime-style stats of the last 7 days (8 calendar days, in the user's time zone).
         */
        Last7Days: {
            data: {
                /**
                 * @description The user's **Slack UID** (not the username); null for users without Slack.
                 * @example U0266FRGP
                 */
                username: string | null;
                /**
                 * @description Also the Slack UID (null without Slack).
                 * @example U0266FRGP
                 */
                user_id: string | null;
                /**
                 * Format: date-time
                 * @description 00:00:00 seven days ago, ISO 8601 with the user's UTC offset (`Z` only for UTC users).
                 * @example 2026-08-15T00:00:00-04:00
                 */
                start: string;
                /**
                 * Format: date-time
                 * @description 23:59:59 today, ISO 8601 with the user's offset.
                 * @example 2026-08-22T23:59:59-04:00
                 */
                end: string;
                /** @constant */
                status: "ok";
                /**
                 * @description Coding time in the window (120-second gap cap).
                 * @example 25200
                 */
                total_seconds: number;
                /**
                 * Format: double
                 * @description `total_seconds` divided by the number of days that had heartbeats, rounded to 1 decimal (a
                 *     Float such as `5040.0`); the Integer `0` when no day had any (`x-float: except-zero`).
                 * @example 5040
                 */
                daily_average: number;
                /**
                 * @description Despite the name, the number of days **with** activity in the window.
                 * @example 5
                 */
                days_including_holidays: number;
                /** @constant */
                range: "last_7_days";
                /** @constant */
                human_readable_range: "Last 7 Days";
                /** @example 7 hrs 0 mins */
                human_readable_total: string;
                /** @example 1 hrs 24 mins */
                human_readable_daily_average: string;
                /** @description Always `true`. */
                is_coding_activity_visible: boolean;
                /** @description Always `true`. */
                is_other_usage_visible: boolean;
                /** @description By editor, sorted by time (descending); `[]` when the total is 0. */
                editors: components["schemas"]["Last7DaysItem"][];
                /** @description By language, sorted by time (descending); `[]` when the total is 0. */
                languages: components["schemas"]["Last7DaysItem"][];
                /** @description By machine, sorted by time (descending); `[]` when the total is 0. */
                machines: components["schemas"]["Last7DaysItem"][];
                /** @description By project, sorted by time (descending); `[]` when the total is 0. */
                projects: components["schemas"]["Last7DaysItem"][];
                /** @description By operating system, sorted by time (descending); `[]` when the total is 0. */
                operating_systems: components["schemas"]["Last7DaysItem"][];
                /** @description Always exactly one synthetic item named `coding` carrying the overall total and percent `100.0`. */
                categories: components["schemas"]["Last7DaysItem"][];
            };
        };
        /**
         * Last7DaysItem
         * @description One group (editor, language, project, …) of the last-7-days stats.
         */
        Last7DaysItem: {
            /**
             * @description Display name: editors and operating systems are mapped (`vscode` → `VSCode`, `darwin`/`mac` →
             *     `macOS`, else capitalised; blank → `Unknown`), languages canonicalised; blank projects and
             *     machines are `unknown`.
             * @example VSCode
             */
            name: string;
            /**
             * @description Seconds in this group. Groups with no time are left out of every list except `categories`.
             * @example 25200
             */
            total_seconds: number;
            /**
             * Format: double
             * @description Share of the sum over the groups, rounded to 2 decimals; a Float (`100.0` when whole).
             * @example 100
             */
            percent: number;
            /**
             * @description `H:MM:SS`; hours are not zero-padded.
             * @example 7:00:00
             */
            digital: string;
            /**
             * @description `<h> hrs <m> mins`.
             * @example 7 hrs 0 mins
             */
            text: string;
            /** @example 7 */
            hours: number;
            /** @example 0 */
            minutes: number;
            /** @example 0 */
            seconds: number;
        };
        /**
         * LatestHeartbeat
         * @description A summary of the user's latest heartbeat that is not a test entry.
         */
        LatestHeartbeat: {
            /** @example 987654 */
            id: number;
            /**
             * Format: date-time
             * @description When the server stored it, ISO 8601 UTC with milliseconds (`2026-08-22T14:00:35.120Z`).
             * @example 2026-08-22T14:00:35.120Z
             */
            created_at: string;
            /**
             * Format: double
             * @description The heartbeat's own time, Unix epoch seconds, a Float (`1787407234.0` when whole).
             * @example 1787407234.5
             */
            time: number;
            /** @example coding */
            category: string | null;
            /** @example hackatime */
            project: string | null;
            /** @example Ruby */
            language: string | null;
            /**
             * @description The raw stored editor (parsed from the user agent when it could be).
             * @example vscode
             */
            editor: string | null;
            /** @example linux */
            operating_system: string | null;
            /** @example orpheus-laptop */
            machine: string | null;
            /**
             * @description File path, URL or app name.
             * @example /home/orpheus/hackatime/app/models/user.rb
             */
            entity: string | null;
        };
        /**
         * Leaderboard
         * @description A precomputed global (UTC) leaderboard.
         */
        Leaderboard: {
            /**
             * @description `daily` for the daily board, `last_7_days` for the weekly one.
             * @enum {string}
             */
            period: "daily" | "last_7_days";
            /**
             * Format: date
             * @description Today's date (UTC) for both boards — for the weekly board this is the **last** day of its window,
             *     not the first.
             * @example 2026-08-22
             */
            start_date: string;
            /**
             * @description `"Last 24 hours"` for the daily board (a rolling 24 h ending when it was generated); for the weekly
             *     board `"<Mon DD> - <Mon DD, YYYY>"` covering today and the 6 days before, days zero-padded
             *     (`"Aug 16 - Aug 22, 2026"`).
             * @example Last 24 hours
             * @example Aug 16 - Aug 22, 2026
             */
            date_range: string | "Last 24 hours" | unknown;
            /**
             * Format: date-time
             * @description When the board finished generating, ISO 8601 UTC without fraction.
             * @example 2026-08-22T13:05:12Z
             */
            generated_at: string;
            /**
             * @description Users who, when the board was generated, had a linked GitHub account, were not `red` and had more
             *     than 60 s of eligible time; sorted by `total_seconds` descending. Users shadow-banned from the
             *     leaderboard are left out when the board is served (ranks are renumbered). May be empty.
             */
            entries: components["schemas"]["LeaderboardEntry"][];
        };
        /**
         * LeaderboardEntry
         * @description One ranked user on a leaderboard.
         */
        LeaderboardEntry: {
            /**
             * @description 1-based position, contiguous (recomputed after shadow-banned users are removed).
             * @example 1
             */
            rank: number;
            user: {
                /** @example 42 */
                id: number;
                /**
                 * @description The user's **display name** (their chosen override, else the Slack, GitHub or Hackatime
                 *     username), not necessarily the Hackatime username.
                 * @example Orpheus
                 */
                username: string;
                /**
                 * @description The Slack avatar, else the GitHub avatar, else a generated initials image; for a user with
                 *     none of those, a `data:image/png;base64,…` identicon URI.
                 * @example https://avatars.slack-edge.com/2025-01-01/orpheus_192.png
                 */
                avatar_url: string;
            };
            /**
             * @description Leaderboard-eligible coded time in the board's window (category `coding`, editor not a browser,
             *     project not `<<LAST_PROJECT>>`; 2-minute gap rule), integer seconds; always more than 60.
             * @example 14400
             */
            total_seconds: number;
        };
        /**
         * MostRecentHeartbeat
         * @description The caller's latest heartbeat matching the filters. All four keys are always present; when nothing
         *     matches, `has_heartbeat` is false and the other three are null.
         */
        MostRecentHeartbeat: {
            /** @description Whether a matching heartbeat was found. */
            has_heartbeat: boolean;
            /** @description The full stored heartbeat (every model attribute), or null when none matches. */
            heartbeat: components["schemas"]["Heartbeat"] | null;
            /**
             * @description The heartbeat's raw stored `editor` (e.g. `vscode`, not a display name such as "VS Code"); null
             *     when no heartbeat matched or its editor is null.
             * @example vscode
             */
            editor: string | null;
            /**
             * @description Rails `time_ago_in_words` of the heartbeat's `time` followed by `" ago"` (e.g.
             *     `"less than a minute ago"`, `"3 minutes ago"`, `"about 1 hour ago"`, `"1 day ago"`); a heartbeat
             *     with a future `time` still reads "… ago". Null when no heartbeat matched.
             * @example 3 minutes ago
             */
            time_ago: string | null;
        };
        /**
         * MyHeartbeats
         * @description The caller's heartbeats in a time range, with the effective range and the total coded time.
         */
        MyHeartbeats: {
            /**
             * @description The effective lower bound (inclusive), ISO 8601 with milliseconds. The default renders in UTC
             *     (`2026-08-22T00:00:00.000Z`); a parsed `start_time` is echoed with its own offset (`Z` for an
             *     input ending in `Z`, `+02:00` for one with that offset; a zone-less input is read in the server
             *     process's local zone).
             * @example 2026-08-22T00:00:00.000Z
             */
            start_time: string;
            /**
             * @description The effective upper bound (inclusive), rendered like `start_time`; the default is `…T23:59:59.999Z` of today (UTC).
             * @example 2026-08-22T23:59:59.999Z
             */
            end_time: string;
            /**
             * @description Coded time over all returned heartbeats: ordered by time, each heartbeat adds the gap since the
             *     previous one capped at 120 s (the first adds 0); integer seconds.
             * @example 60
             */
            total_seconds: number;
            /** @description Every heartbeat in the range (test entries included), ascending by `time`; no limit and no pagination. */
            heartbeats: components["schemas"]["Heartbeat"][];
        };
        /**
         * NoLatestHeartbeat
         * @description What `/api/v1/authenticated/heartbeats/latest` answers when the user has no heartbeat other than test entries.
         */
        NoLatestHeartbeat: {
            heartbeat: null;
        };
        /**
         * OAuthError
         * @description An OAuth 2.0 error as Doorkeeper renders it (RFC 6749 §4.1.2.1 / §5.2, RFC 7009 §2.2.1): an `error`
         *     code and the English `error_description` from Hackatime's Doorkeeper locale, plus the request's
         *     `state` when it had one. The same three fields are what an error redirect to the app's
         *     `redirect_uri` carries as query parameters.
         */
        OAuthError: {
            /**
             * @description The RFC 6749 error code. In a JSON body: `invalid_request`, `invalid_client`, `invalid_grant`,
             *     `unauthorized_client`, `unsupported_grant_type`, `invalid_scope`, `invalid_redirect_uri`,
             *     `invalid_token` (introspection and token info).
             *     Only in an error redirect's query: `access_denied`, `unsupported_response_type`,
             *     `unsupported_response_mode` (and `invalid_request` / `invalid_scope`).
             * @enum {string}
             */
            error: "invalid_request" | "invalid_client" | "invalid_grant" | "unauthorized_client" | "unsupported_grant_type" | "invalid_scope" | "invalid_redirect_uri" | "access_denied" | "unsupported_response_type" | "unsupported_response_mode" | "server_error" | "invalid_token";
            /**
             * @description The locale's sentence for the code, e.g. `invalid_grant` → "The provided authorization grant is
             *     invalid, expired, revoked, does not match the redirection URI used in the authorization request,
             *     or was issued to another client."; a missing parameter → "Missing required parameter: <name>.".
             * @example The authorization grant type is not supported by the authorization server.
             */
            error_description: string;
            /**
             * @description The request's `state` parameter, echoed when it was present and not blank.
             * @example af0ifjsldkj
             */
            state?: string;
        };
        /**
         * OAuthIntrospection
         * @description RFC 7662 §2.2 as Doorkeeper 5.9.6 writes it (`lib/doorkeeper/oauth/token_introspection.rb:104-134`):
         *     an active token's details, or `{"active": false}` alone — for a token that is unknown, revoked,
         *     expired, another app's (when the caller authenticated as a client) or asked about with
         *     `token_type_hint=refresh_token`. Nothing says why a token is inactive.
         */
        OAuthIntrospection: {
            /** @constant */
            active: true;
            /**
             * @description The token's scopes, space-separated.
             * @example profile read
             */
            scope: string;
            /**
             * @description The `uid` of the app the token was issued to.
             * @example MUNCYZ-3lw2xgbkNR8ZqiWBb9S6g1ZeBuXCiMOR6-sE
             */
            client_id: string;
            /** @constant */
            token_type: "Bearer";
            /**
             * @description When the token was created, Unix seconds.
             * @example 1787407234
             */
            iat: number;
            /**
             * @description When it expires (`iat` + `expires_in`), Unix seconds; Hackatime's tokens always expire.
             * @example 2292318466
             */
            exp: number;
        } | {
            /** @constant */
            active: false;
        };
        /**
         * OAuthRevokeRequest
         * @description The parameters of `POST /oauth/revoke` (RFC 7009) and `POST /oauth/introspect` (RFC 7662), read
         *     from the form body or a JSON body. Unknown keys are ignored.
         */
        OAuthRevokeRequest: {
            /**
             * @description The access token to revoke or introspect. Required by RFC 7009; a missing or unknown token
             *     still gets `200 {}` from revocation once the client has authenticated (`{"active": false}` from
             *     introspection).
             * @example UMGcrMM6e_7LnLT7DD4TjdSvXqRemD00mGbApBzSvaw
             */
            token: string;
            /**
             * @description `refresh_token` makes the server look the value up **only** among refresh tokens — Hackatime
             *     issues none, so an access token sent with this hint is not revoked (the answer is still
             *     `200 {}`). Any other value, or none, looks among access tokens first, then refresh tokens.
             * @example access_token
             */
            token_type_hint?: string;
            /**
             * @description The app's UID. Required unless the client authenticates with HTTP Basic.
             * @example MUNCYZ-3lw2xgbkNR8ZqiWBb9S6g1ZeBuXCiMOR6-sE
             */
            client_id?: string;
            /**
             * @description The app's secret: required for a confidential app, left out by a public app. Wrong or
             *     missing for a confidential app → `403 unauthorized_client`.
             * @example gDw4JE7DNEshrjXOblaC-4ufYuHLPFQsNlVhHTol7X0
             */
            client_secret?: string;
        };
        /**
         * OAuthToken
         * @description A Doorkeeper access-token response (RFC 6749 §5.1). Hackatime does not enable refresh tokens, so no
         *     `refresh_token` is ever included (and `grant_type=refresh_token` is rejected); a token lives 16
         *     years instead. Doorkeeper drops blank members, so every key below is always present.
         */
        OAuthToken: {
            /**
             * @description The bearer token (Doorkeeper's default generator: 43 URL-safe base64 characters). Send it as
             *     `Authorization: Bearer <token>`; the query-string forms are not accepted.
             * @example UMGcrMM6e_7LnLT7DD4TjdSvXqRemD00mGbApBzSvaw
             */
            access_token: string;
            /** @constant */
            token_type: "Bearer";
            /**
             * @description Seconds left before the token expires. A new token reports 504 911 232 (Rails' `16.years`,
             *     i.e. 16 × 365.2425 days); a reused token (same app, user and scopes) reports what remains of
             *     its lifetime.
             * @example 504911232
             */
            expires_in: number;
            /**
             * @description The token's scopes, space-separated (e.g. `profile`, `profile read`).
             * @example profile read
             */
            scope: string;
            /**
             * @description When the token was created, Unix seconds. A reused token keeps its original creation time.
             * @example 1787407234
             */
            created_at: number;
        };
        /**
         * OAuthTokenInfo
         * @description The Bearer token's own record as Doorkeeper 5.9.6 writes it (`AccessTokenMixin#as_json`,
         *     `lib/doorkeeper/models/access_token_mixin.rb:359-371`).
         */
        OAuthTokenInfo: {
            /**
             * @description The id of the user who authorized the app; `null` for a `client_credentials` token.
             * @example 42
             */
            resource_owner_id: number | null;
            /**
             * @description The token's scopes (an array here, a space-separated string in introspection).
             * @example [
             *       "profile",
             *       "read"
             *     ]
             */
            scope: ("profile" | "read" | "admin")[];
            /**
             * @description Whole seconds until it expires (about 504 911 232 for a fresh 16-year token).
             * @example 504911232
             */
            expires_in: number;
            application: {
                /**
                 * @description The `uid` (client id) of the app the token was issued to.
                 * @example MUNCYZ-3lw2xgbkNR8ZqiWBb9S6g1ZeBuXCiMOR6-sE
                 */
                uid: string;
            };
            /**
             * @description When the token was created, Unix seconds.
             * @example 1787407234
             */
            created_at: number;
        };
        /**
         * OAuthTokenRequest
         * @description The parameters of `POST /oauth/token`, read from the form body or a JSON body (query parameters are
         *     read too, as Rails merges them, but should not carry secrets). Unknown keys are ignored.
         */
        OAuthTokenRequest: {
            /**
             * @description `authorization_code` — exchange a code from `/oauth/authorize` (the "Sign in with Hackatime"
             *     flow). `client_credentials` — Doorkeeper's default second flow, still enabled: a token for the
             *     app itself, with no user, which none of Hackatime's user endpoints can use. Missing →
             *     `400 invalid_request` ("Missing required parameter: grant_type."); any other value
             *     (`refresh_token`, `password`, `implicit`, …) → `400 unsupported_grant_type`.
             * @enum {string}
             */
            grant_type: "authorization_code" | "client_credentials";
            /**
             * @description `authorization_code` only, required: the `code` the app received on its `redirect_uri`. It is
             *     valid for 10 minutes and for one exchange. Missing → `400 invalid_request`; unknown, expired,
             *     already used or issued to another app → `400 invalid_grant`.
             * @example JQ2_U04IwA_wceuS-964Uuk0n7jv250HA7ZF9Ip3d80
             */
            code?: string;
            /**
             * @description `authorization_code` only, required: the same redirect URI as in the authorization request
             *     (same matching rules). Missing → `400 invalid_request`; different → `400 invalid_grant`.
             * @example https://sinerider.com/auth/callback
             */
            redirect_uri?: string;
            /**
             * @description The app's UID. Required here unless the client authenticates with HTTP Basic.
             * @example MUNCYZ-3lw2xgbkNR8ZqiWBb9S6g1ZeBuXCiMOR6-sE
             */
            client_id?: string;
            /**
             * @description The app's secret: required for a confidential app (else `401 invalid_client`), to be left out
             *     by a public (non-confidential) app. Must not be sent together with an `Authorization: Basic`
             *     header carrying a secret (`400 invalid_request`).
             * @example gDw4JE7DNEshrjXOblaC-4ufYuHLPFQsNlVhHTol7X0
             */
            client_secret?: string;
            /**
             * @description Accepted and **ignored**: Hackatime's database lacks Doorkeeper's PKCE columns, so no code
             *     challenge is stored and no verifier is checked.
             * @example dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk
             */
            code_verifier?: string;
            /**
             * @description `client_credentials` only: the scopes wanted, space-separated (default `profile`, limited to
             *     the app's configured scopes). Not valid → `400 invalid_scope`. Ignored for
             *     `authorization_code` (the token gets the scopes the user approved).
             * @example profile
             */
            scope?: string;
            /** @description Not used by the token endpoint; if present it is echoed in error bodies. */
            state?: string;
        };
        /**
         * ProjectRow
         * @description One project's totals for a user over a window, as `GET /api/v1/users/{username}/project/{project_name}`
         *     and `…/projects/details` return it. Only heartbeats with valid timestamps and a non-empty project count.
         */
        ProjectRow: {
            /**
             * @description The project name as stored on the heartbeats.
             * @example hackatime
             */
            name: string;
            /**
             * @description Gaps between consecutive heartbeats of this project, each capped at 120 s.
             * @example 14820
             */
            total_seconds: number;
            /**
             * @description Distinct non-empty languages of the project's heartbeats, alphabetical.
             * @example [
             *       "Ruby",
             *       "Svelte",
             *       "TypeScript"
             *     ]
             */
            languages: string[];
            /**
             * @description The repository URL from the user's project→repository mapping; `null` without a mapping.
             * @example https://github.com/hackclub/hackatime
             */
            repo_url: string | null;
            /**
             * @description Number of heartbeats of the project in the window.
             * @example 482
             */
            total_heartbeats: number;
            /**
             * Format: date-time
             * @description Time of the first heartbeat in the window, `YYYY-MM-DDTHH:MM:SSZ` (UTC).
             * @example 2026-03-20T15:30:00Z
             */
            first_heartbeat: string | null;
            /**
             * Format: date-time
             * @description Time of the last heartbeat in the window, `YYYY-MM-DDTHH:MM:SSZ` (UTC).
             * @example 2026-08-21T18:45:00Z
             */
            last_heartbeat: string | null;
            /**
             * Format: date-time
             * @description Same value as `last_heartbeat`.
             * @example 2026-08-21T18:45:00Z
             */
            most_recent_heartbeat: string | null;
            /**
             * @description Whether the user archived the project's repository mapping (`false` without a mapping).
             * @example false
             */
            archived: boolean;
        };
        /**
         * PublicSummary
         * @description A Wakapi-style summary of one user's coding time over a range.
         */
        PublicSummary: {
            /**
             * @description The raw `user` query parameter, echoed even when `user_id` was also sent (and used for the
             *     lookup); null whenever `user` is absent — e.g. when the caller used only `user_id`.
             * @example null
             * @example U0266FRGP
             */
            user_id: string | null;
            /**
             * Format: date-time
             * @description Start of the range, ISO 8601 UTC without fraction.
             * @example 2026-08-01T00:00:00Z
             */
            from: string;
            /**
             * Format: date-time
             * @description End of the range, ISO 8601 UTC without fraction.
             * @example 2026-08-21T23:59:59Z
             */
            to: string;
            /** @description Time per project, sorted by total (descending). */
            projects: components["schemas"]["PublicSummaryItem"][];
            /** @description Time per language, sorted by total (descending). */
            languages: components["schemas"]["PublicSummaryItem"][];
            /** @description Always an empty object. */
            editors: Record<string, never>;
            /** @description Always an empty object. */
            operating_systems: Record<string, never>;
            /** @description Always an empty object. */
            machines: Record<string, never>;
            /** @description Always an empty object. */
            categories: Record<string, never>;
            /** @description Always an empty object. */
            branches: Record<string, never>;
            /** @description Always an empty object. */
            entities: Record<string, never>;
            /** @description Always an empty object. */
            labels: Record<string, never>;
        };
        /**
         * PublicSummaryItem
         * @description One project or language of a public summary.
         */
        PublicSummaryItem: {
            /**
             * @description The project or (canonicalised) language name; blank values are grouped as `Other`.
             * @example hackatime
             */
            key: string;
            /**
             * @description Seconds in the range.
             * @example 21600
             */
            total: number;
        };
        /**
         * PublicTrustFactor
         * @description A user's trust level as public endpoints show it: the hidden `yellow` level (3, "suspected") is masked
         *     to `blue` (0), so only `blue`/0 (unscored), `red`/1 (convicted) and `green`/2 (trusted) ever appear.
         *     `trust_value` is always the enum number of `trust_level`.
         */
        PublicTrustFactor: components["schemas"]["TrustFactor"] & {
            /**
             * @example blue
             * @enum {unknown}
             */
            trust_level?: "blue" | "red" | "green";
            /**
             * @example 0
             * @enum {unknown}
             */
            trust_value?: 0 | 1 | 2;
        };
        /**
         * RateLimitError
         * @description The body of a throttled request.
         */
        RateLimitError: {
            /** @constant */
            error: "Rate limit exceeded";
            /** @example Woah there, way too fast, take a chill pill speedy gonzales! */
            message: string;
            /** @description Seconds until the window ends. */
            retry_after: number;
            /**
             * Format: date-time
             * @description The end of the window, ISO 8601 with the server's offset.
             */
            reset_at: string;
        };
        /**
         * SlackOauthUser
         * @description The Hackatime user behind a Slack OAuth token (removed `POST /api/v1/external/slack/oauth`).
         */
        SlackOauthUser: {
            /**
             * @description The Hackatime user id.
             * @example 42
             */
            user_id: number;
            /**
             * @description The user's display name.
             * @example orpheus
             */
            username: string;
            /**
             * Format: email
             * @description For an existing user, their first email address (`null` if they have none); for a newly created
             *     user, the email from their Slack profile.
             * @example orpheus@hackclub.com
             */
            email: string | null;
        };
        /**
         * Span
         * @description A run of heartbeats with no gap over 120 s. Spans whose duration would be 0 are dropped (so a lone
         *     final heartbeat yields no span, while a lone heartbeat followed by a distant one yields a 120 s span).
         */
        Span: {
            /**
             * Format: double
             * @description Unix epoch seconds (a Float, `1787400000.0` when whole) of the span's first heartbeat.
             * @example 1787400000
             */
            start_time: number;
            /**
             * Format: double
             * @description Unix epoch seconds (a Float, written with a fraction): the span's last heartbeat plus 120 s,
             *     or the last heartbeat itself for the final span of the result.
             * @example 1787402220.5
             */
            end_time: number;
            /**
             * @description Integer seconds: the span's in-span time rounded, plus 120 (the capped gap to the next heartbeat),
             *     or just the rounded in-span time for the final span.
             * @example 2221
             */
            duration: number;
        };
        /**
         * StatsItem
         * @description One entry of a per-user stats breakdown (`data.projects`; `data.languages` adds `color`, see
         *     LanguageStatsItem). Each group's time follows the 2-minute rule within the group (the previous
         *     heartbeat is the previous one of the same group), so the entries need not add up to `total_seconds`.
         */
        StatsItem: {
            /**
             * @description The group's name. Languages use their display name (e.g. `javascript` → `JavaScript`); a blank
             *     value becomes `Other`. In test mode (`test_param=true`) the raw stored value is used instead
             *     (blank → `Other`).
             * @example hackatime
             */
            name: string;
            /**
             * @description Seconds attributed to this group (gaps of at most 120 s between its heartbeats).
             * @example 14820
             */
            total_seconds: number;
            /**
             * @description `total_seconds` as hours and minutes (`"4h 7m"`, `"5h"`, `"12m"`), `"0m"` under a minute.
             * @example 4h 7m
             */
            text: string;
            /**
             * @description Whole hours of `total_seconds`.
             * @example 4
             */
            hours: number;
            /**
             * @description Remaining whole minutes after `hours`.
             * @example 7
             */
            minutes: number;
            /**
             * Format: double
             * @description Share of `data.total_seconds`, rounded to 2 decimals; a Float (`100.0` when whole). `null`
             *     when the overall total is 0 (the division yields NaN, which is rendered as `null`). The shares
             *     need not add up to 100.
             * @example 80.46
             */
            percent: number | null;
            /**
             * @description `total_seconds` as zero-padded `HH:MM:SS` (hours may exceed two digits).
             * @example 04:07:00
             */
            digital: string;
        };
        /**
         * StatusbarToday
         * @description Today's coding time for an editor status bar, with the daily goal when the user has one.
         */
        StatusbarToday: {
            data: {
                grand_total: {
                    /**
                     * @description Depends on the user's status-bar text setting. `simple_text` (default): `Start coding!` at
                     *     zero, else hours and minutes (`2h 30m`, `2h`, `45m`, `0m` under a minute), plus
                     *     ` / <target> goal` when the user has a daily goal and shows goals in the status bar
                     *     (default on) — e.g. `2h 30m / 4h goal`, `Start coding! / 4h goal`. `clock_emoji`: one of
                     *     the 24 clock emoji (🕛🕧🕐…). `compliment_text`: a compliment such as `You're crushing it!`,
                     *     changing every 7 minutes.
                     * @example 2h 30m / 4h goal
                     * @example Start coding!
                     * @example 45m
                     */
                    text: string;
                    /**
                     * @description Seconds coded today (the user's local day, every heartbeat counted, 120-second gap cap).
                     * @example 9000
                     */
                    total_seconds: number;
                };
                /** @description Present only when the user has a daily goal; the key is absent (never null) otherwise. */
                goal?: {
                    /**
                     * @description The daily goal.
                     * @example 14400
                     */
                    target_seconds: number;
                    /**
                     * @description Time that counts toward the goal today (respects the goal's project/language filters; archived projects excluded).
                     * @example 9000
                     */
                    tracked_seconds: number;
                    /**
                     * @description tracked / target as a percentage, rounded and capped at 100.
                     * @example 63
                     */
                    completion_percent: number;
                    /**
                     * @description Whether the goal is reached.
                     * @example false
                     */
                    complete: boolean;
                };
            };
        };
        /**
         * SummariesDay
         * @description One calendar day of a summaries response, computed in the requested time zone. Time is attributed
         *     forward (each heartbeat owns the gap to the next one, capped at 120 seconds, within the same local
         *     day). The eight breakdowns other than `projects` are always empty arrays.
         */
        SummariesDay: {
            /** @description The day's total, plus AI telemetry when that day's heartbeats carried any. */
            grand_total: components["schemas"]["SummariesDuration"] & {
                /**
                 * Format: int64
                 * @description Sum of `ai_input_tokens`; present only when some heartbeat of the day carried it.
                 * @example 1200
                 */
                ai_input_tokens?: number;
                /**
                 * Format: int64
                 * @description Sum of `ai_output_tokens`; present only when some heartbeat of the day carried it.
                 * @example 350
                 */
                ai_output_tokens?: number;
                /**
                 * @description Lines changed per AI model, sorted by lines (descending) then name; present only when some
                 *     heartbeat of the day had an `ai_model`.
                 */
                ai_model_breakdown?: {
                    /** @example gpt/5.6 */
                    name: string;
                    /** @example 18 */
                    lines: number;
                }[];
            };
            /** @description Always empty (WakaTime lists objects here; Hackatime sends `[]`). */
            branches: Record<string, never>[];
            /** @description Always empty (WakaTime lists objects here; Hackatime sends `[]`). */
            categories: Record<string, never>[];
            /** @description Always empty (WakaTime lists objects here; Hackatime sends `[]`). */
            dependencies: Record<string, never>[];
            /** @description Always empty (WakaTime lists objects here; Hackatime sends `[]`). */
            editors: Record<string, never>[];
            /** @description Always empty (WakaTime lists objects here; Hackatime sends `[]`). */
            entities: Record<string, never>[];
            /** @description Always empty (WakaTime lists objects here; Hackatime sends `[]`). */
            languages: Record<string, never>[];
            /** @description Always empty (WakaTime lists objects here; Hackatime sends `[]`). */
            machines: Record<string, never>[];
            /** @description Always empty (WakaTime lists objects here; Hackatime sends `[]`). */
            operating_systems: Record<string, never>[];
            /** @description Projects with time that day, sorted by seconds (descending) then name; empty on a day without activity. */
            projects: components["schemas"]["SummariesProject"][];
            range: {
                /**
                 * Format: date
                 * @description The local calendar day.
                 * @example 2026-08-22
                 */
                date: string;
                /**
                 * Format: date-time
                 * @description Local 00:00:00 of the day, expressed in UTC.
                 * @example 2026-08-22T04:00:00Z
                 */
                start: string;
                /**
                 * Format: date-time
                 * @description Local 23:59:59 of the day, expressed in UTC.
                 * @example 2026-08-23T03:59:59Z
                 */
                end: string;
                /**
                 * @description `Today`, `Yesterday`, or the long date (`August 05, 2026`).
                 * @example Today
                 */
                text: string;
                /**
                 * @description The IANA time zone the day was computed in.
                 * @example America/New_York
                 */
                timezone: string;
            };
        };
        /**
         * SummariesDuration
         * @description A duration in the WakaTime summaries notation.
         */
        SummariesDuration: {
            /**
             * @description The duration in whole seconds.
             * @example 5430
             */
            total_seconds: number;
            /**
             * @description Whole hours of `total_seconds`.
             * @example 1
             */
            hours: number;
            /**
             * @description Minutes remaining after the hours.
             * @example 30
             */
            minutes: number;
            /**
             * @description Seconds remaining after the minutes.
             * @example 30
             */
            seconds: number;
            /**
             * @description `HH:MM:SS` with zero-padded hours.
             * @example 01:30:30
             */
            digital: string;
            /**
             * @description Hours as a string with two decimals.
             * @example 1.51
             */
            decimal: string;
            /**
             * @description Human-readable (`1h 30m 30s`, `45m`, `0s` when zero).
             * @example 1h 30m 30s
             */
            text: string;
        };
        /**
         * SummariesProject
         * @description One project's time on one day of a summaries response.
         */
        SummariesProject: components["schemas"]["SummariesDuration"] & {
            /**
             * @description The project name; heartbeats without a project are counted as `Other`.
             * @example hackatime
             */
            name: string;
            /**
             * Format: double
             * @description Share of the day's total, rounded to 2 decimals; a Float (`100.0` when whole).
             * @example 100
             */
            percent: number;
        };
        /**
         * SummariesResponse
         * @description WakaTime-style daily summaries for an inclusive date range.
         */
        SummariesResponse: {
            /** @description One entry per calendar day of the range, ascending (days without activity included, with zero totals). */
            data: components["schemas"]["SummariesDay"][];
            /** @description The whole range. Unlike a day's `grand_total`, `seconds` is the **total** in seconds, not the remainder. */
            cumulative_total: {
                /** @example 1 */
                hours: number;
                /** @example 30 */
                minutes: number;
                /**
                 * @description Total seconds of the range.
                 * @example 5430
                 */
                seconds: number;
                /** @example 01:30:30 */
                digital: string;
                /** @example 1.51 */
                decimal: string;
                /** @example 1h 30m 30s */
                text: string;
            };
            daily_average: {
                /**
                 * @description Days of the range with no time.
                 * @example 0
                 */
                holidays: number;
                /**
                 * @description Days in the range.
                 * @example 1
                 */
                days_including_holidays: number;
                /**
                 * @description Days with time.
                 * @example 1
                 */
                days_minus_holidays: number;
                /**
                 * @description The total seconds divided by the number of days (integer division).
                 * @example 5430
                 */
                seconds: number;
                /**
                 * @description Same value as `seconds`.
                 * @example 5430
                 */
                seconds_including_other_language: number;
                /** @example 1h 30m 30s */
                text: string;
                /**
                 * @description Same value as `text`.
                 * @example 1h 30m 30s
                 */
                text_including_other_language: string;
            };
            /**
             * Format: date
             * @description The requested `start` date (not a datetime).
             * @example 2026-08-22
             */
            start: string;
            /**
             * Format: date
             * @description The requested `end` date.
             * @example 2026-08-22
             */
            end: string;
        };
        /**
         * TrustFactor
         * @description A user's trust level and its number. Public outputs mask `yellow` (3) to `blue` (0), so they only show
         *     blue/0, red/1 and green/2; `yellow`/3 is visible only to verified, confidential OAuth apps.
         */
        TrustFactor: {
            /** @enum {string} */
            trust_level: "blue" | "red" | "green" | "yellow";
            /** @enum {integer} */
            trust_value: 0 | 1 | 2 | 3;
        };
        /**
         * TrustLevelName
         * @description `users.trust_level` as the admin API shows it, unmasked: blue (unscored), red (convicted), green (trusted), yellow (suspected).
         * @enum {string}
         */
        TrustLevelName: "blue" | "red" | "green" | "yellow";
        /**
         * UserStats
         * @description The full body of `GET /api/v1/users/{username}/stats` (without `total_seconds=true`).
         */
        UserStats: {
            data: components["schemas"]["UserStatsData"];
            trust_factor: components["schemas"]["PublicTrustFactor"];
        };
        /**
         * UserStatsData
         * @description The `data` object of `GET /api/v1/users/{username}/stats`: a WakaTime-"stats"-like summary of the
         *     user's heartbeats in `start_date <= time < end_date` (UTC). Durations follow the 2-minute rule
         *     (each heartbeat adds the gap since the previous one, capped at 120 s) and are integer seconds.
         */
        UserStatsData: {
            /**
             * @description The user's **display name** (display-name override, else Slack username, else GitHub username,
             *     else username, else a name derived from the first email), not necessarily the `{username}` asked for.
             * @example Orpheus
             */
            username: string;
            /**
             * @description The user's numeric id, as a string.
             * @example 42
             */
            user_id: string;
            /**
             * @description Always `true` (WakaTime compatibility).
             * @constant
             */
            is_coding_activity_visible: true;
            /**
             * @description Always `true` (WakaTime compatibility).
             * @constant
             */
            is_other_usage_visible: true;
            /** @constant */
            status: "ok";
            /**
             * @description The window's start as `YYYY-MM-DDTHH:MM:SSZ`, formatted from the server process's local clock
             *     with a literal `Z` (true UTC when the process runs in UTC).
             * @example 2026-08-01T00:00:00Z
             */
            start: string;
            /**
             * @description The window's (exclusive) end, formatted like `start` (the year may have more than four digits, or a sign).
             * @example 2026-08-22T00:00:00Z
             */
            end: string;
            /**
             * @description Always `all_time`, whatever window was asked for.
             * @constant
             */
            range: "all_time";
            /**
             * @description Always `All Time`.
             * @constant
             */
            human_readable_range: "All Time";
            /**
             * @description Coding time in the window (all categories unless excluded by `no_ai_coding` / test mode).
             * @example 25200
             */
            total_seconds: number;
            /**
             * @description `total_seconds` divided (integer division) by the number of whole days in the window; `0` when the
             *     window is shorter than a day.
             * @example 1200
             */
            daily_average: number;
            /**
             * @description `total_seconds` as `"5h 10m 10s"` (zero parts left out); the empty string `""` for 0.
             * @example 7h
             */
            human_readable_total: string;
            /**
             * @description `daily_average` in the same style; `""` for 0.
             * @example 20m
             */
            human_readable_daily_average: string;
            /**
             * @description Present when `features` includes `languages` (the default). Sorted by `total_seconds`
             *     descending, cut to `limit` entries when `limit` is positive.
             */
            languages?: components["schemas"]["LanguageStatsItem"][];
            /**
             * @description Present when `features` includes `projects`. Blank project names are reported as `Other`.
             *     Sorted by `total_seconds` descending, cut to `limit` entries when `limit` is positive.
             */
            projects?: components["schemas"]["StatsItem"][];
            /**
             * @description Present only when `features` contains `projects` **and** `filter_by_project` is set: the sum of
             *     the gaps of at most 120 s between consecutive `coding`-category heartbeats of those projects
             *     (gaps over 120 s count 0, not 120).
             * @example 18300
             */
            unique_total_seconds?: number;
            /**
             * @description Consecutive days (in the user's time zone, ending today or yesterday) with at least 15 minutes
             *     of time from heartbeats whose category is set and is not `browsing`; 31-day lookback, cached for
             *     an hour. Independent of the requested window.
             * @example 4
             */
            streak: number;
        };
        /**
         * UserStatsTotal
         * @description The whole body of `GET /api/v1/users/{username}/stats?total_seconds=true`.
         */
        UserStatsTotal: {
            /**
             * @description Seconds of coding time in `start_date <= time < end_date` (2-minute rule), after the
             *     `filter_by_project`, `filter_by_category`, `no_ai_coding` and `boundary_aware` options.
             * @example 220
             */
            total_seconds: number;
        };
        /**
         * WakatimeUser
         * @description The caller's profile in WakaTime's "current user" shape. Every key is always present.
         */
        WakatimeUser: {
            /**
             * @description The numeric user id, as a string.
             * @example 42
             */
            id: string;
            /**
             * @description The Hackatime username, null when the user never chose one.
             * @example ada
             */
            username: string | null;
            /**
             * @description The first that is set of: the display-name override, the Slack username, the GitHub username,
             *     the username, `"<email local part> (email sign-up)"` (a local part longer than 10 characters is
             *     cut to its first 7 characters + `...`), and finally `"error displaying name"`.
             * @example Ada Lovelace
             */
            display_name: string;
            /**
             * @description Same value as `display_name`.
             * @example Ada Lovelace
             */
            full_name: string;
            /**
             * @description Avatar URL: the Slack avatar, else the GitHub avatar, else a ui-avatars.com initials image
             *     (`https://i2.wp.com/ui-avatars.com/api/<initials>/48/<hex6>/fff?ssl=1`), else a
             *     `data:image/png;base64,…` identicon.
             * @example https://example.com/ada.png
             */
            photo: string;
            /**
             * @description The user's IANA time zone.
             * @example Europe/London
             */
            timezone: string;
            /**
             * Format: date-time
             * @description Account creation, ISO 8601 in UTC without fraction (`2025-09-01T10:00:00Z`).
             * @example 2025-09-01T10:00:00Z
             */
            created_at: string;
            /**
             * Format: date-time
             * @description Last update of the user record (`updated_at`), same format.
             * @example 2026-08-20T09:12:44Z
             */
            modified_at: string;
            /**
             * @description Always `free`.
             * @constant
             */
            plan: "free";
        };
        /**
         * YswsClaimRequest
         * @description The parameters of the removed `POST /api/v1/ysws_programs/claim`. All but `project` were meant to be
         *     required; a missing one made the server fail with a 500 (see the operation).
         */
        YswsClaimRequest: {
            /**
             * @description Start of the claimed range (inclusive), any string Ruby's `Time.parse` understands.
             * @example 2026-05-01T00:00:00Z
             */
            start_time: string;
            /**
             * @description End of the claimed range (inclusive), parsed like `start_time`.
             * @example 2026-05-08T00:00:00Z
             */
            end_time: string;
            /**
             * @description The user's numeric id, or their Slack user id. Unknown → nothing is claimed.
             * @example U0266FRGP
             */
            user_id: string | number;
            /**
             * @description The program's enum value: the index of its name in `GET /api/v1/ysws_programs` (`0` = `nothing`,
             *     `1` = `high_seas`, … `58` = `neighborhood`). A numeric string also works.
             * @example 1
             */
            program_id: number;
            /**
             * @description Only claim heartbeats of this project (exact name).
             * @example hackatime
             */
            project?: string | null;
        };
        /**
         * YswsProgramName
         * @description A YSWS ("You Ship, We Ship") program, as the name of the heartbeat `ysws_program` enum of the removed
         *     YSWS endpoints (last present at `586e5ae2`). The enum's integer value is the name's position in this
         *     list: `nothing` = 0, `high_seas` = 1, … `neighborhood` = 58.
         * @example high_seas
         * @enum {string}
         */
        YswsProgramName: "nothing" | "high_seas" | "arcade" | "juice" | "onboard" | "sprig" | "cider" | "hackpad" | "boba_drops" | "the_bin" | "blot" | "infill" | "scrapyard" | "hackcraft_mod_edition" | "browser_buddy" | "hackaccino" | "cafe" | "low_skies" | "rasp_api" | "terminal_craft" | "neon" | "jungle" | "counterspell" | "riceathon" | "power_hour" | "scrapyard_flagship" | "ten_days_in_public" | "build_your_own_llm" | "cargo_cult_v2" | "sockathon" | "bakebuild" | "minus_twelve" | "easel" | "retrospect" | "cascade" | "ten_hours_in_public" | "swirl" | "tarot" | "asylum" | "cargo_cult" | "rpg" | "ham_club" | "anchor" | "dessert" | "wizard_orpheus" | "onboard_live" | "say_cheese" | "hackapet" | "clubs_competitions" | "printboard" | "black_box" | "shipwrecked" | "pizza_grant_ysws" | "pixeldust" | "hacklet" | "reflow" | "the_journey" | "visioneer" | "neighborhood";
    };
    responses: {
        /** @description No deletion request has that id — or the path does not route (the error page). */
        AdminDeletionRequestNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                "text/html": components["schemas"]["ErrorPageHtml"];
            };
        };
        /**
         * @description The caller is a viewer (`require_shadowban_admin!`: admin, superadmin or ultraadmin only) —
         *     `You are not authorized to manage leaderboard shadowbans.`; or, on a write, the target is the
         *     caller or does not rank strictly below them — `…for that user.`.
         */
        AdminShadowbanForbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No user has that id — or, for a path, it does not route (the error page). */
        AdminShadowbanUserNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                "text/html": components["schemas"]["ErrorPageHtml"];
            };
        };
        /**
         * @description Two 401s share this status. The credential is refused — Rails' token challenge, `text/plain`
         *     `HTTP Token: Access denied.` with `WWW-Authenticate: Token realm="Application"` (see the `AdminToken`
         *     scheme) — or it is valid but its user is below superadmin (`require_superadmin`): JSON
         *     `{"error":"lmao no perms"}`, without `WWW-Authenticate`.
         */
        AdminSuperadminRequired: {
            headers: {
                /** @description Only on the token challenge — `Token realm="Application"`; absent on the JSON answer. */
                "WWW-Authenticate"?: "Token realm=\"Application\"";
                [name: string]: unknown;
            };
            content: {
                "text/plain": "HTTP Token: Access denied.\n";
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description Rails' token challenge (`authenticate_or_request_with_http_token`, realm `Application`): no
         *     `Authorization` header, a scheme other than `Bearer`/`Token` (case-sensitive), a blank credential, an
         *     unknown or revoked admin key, a key whose owner lost their admin level (revoked on the spot), or an
         *     OAuth token that is expired, revoked, lacks the `admin` scope, comes from an app that is not
         *     confidential, not verified or lacks the `admin` scope, or whose user has no admin level.
         */
        AdminUnauthorized: {
            headers: {
                /** @description Always `Token realm="Application"`. */
                "WWW-Authenticate": "Token realm=\"Application\"";
                [name: string]: unknown;
            };
            content: {
                "text/plain": "HTTP Token: Access denied.\n";
            };
        };
        /** @description No user has that id (`find_user_by_id`). */
        AdminUserNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description Neither `id` nor `user_id` was sent (or it is blank). */
        AdminWhoUnprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description An uncaught exception, rendered by the error page.
         *
         *     Rendered by the errors controller (`errors_controller.rb:46-58`), HTML first: the HTML page when the
         *     request asks for HTML, `*\/*` or nothing (curl and `fetch` send `*\/*`), the JSON `{error, message,
         *     status}` when its Accept prefers JSON. An Accept that lists `*\/*` beside other types (browsers,
         *     axios' `application/json, text/plain, *\/*`) does not count: the path's extension decides (`.json`
         *     → JSON), else HTML. The mock's HTML is its own, shaped like the server's Inertia page
         *     (`Errors/Show` with these props); only its status, title and text are to be relied on.
         */
        InternalError: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorPage"];
                "text/html": string;
            };
        };
        /**
         * @description Today's (UTC) board has not been generated yet. The request queues the generation job; retry a
         *     little later. The server's job rebuilds the daily board every minute and the weekly one every
         *     seventh minute, so this is seen in the first seconds of a UTC day. The mock answers it only when
         *     started with `--freshness real` (`freshness: 'real'`), from 00:00:00 to 00:00:10 UTC by its clock
         *     (e.g. `--now 2026-08-22T00:00:05Z`).
         */
        LeaderboardGenerating: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The body is not valid JSON for its `Content-Type` (rendered by the error page).
         *
         *     Rendered by the errors controller (`errors_controller.rb:46-58`), HTML first: the HTML page when the
         *     request asks for HTML, `*\/*` or nothing (curl and `fetch` send `*\/*`), the JSON `{error, message,
         *     status}` when its Accept prefers JSON. An Accept that lists `*\/*` beside other types (browsers,
         *     axios' `application/json, text/plain, *\/*`) does not count: the path's extension decides (`.json`
         *     → JSON), else HTML. The mock's HTML is its own, shaped like the server's Inertia page
         *     (`Errors/Show` with these props); only its status, title and text are to be relied on.
         */
        MalformedBody: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorPage"];
                "text/html": string;
            };
        };
        /**
         * @description **Mock only.** The server answers these reads with SQL over its whole `heartbeats` table; the mock
         *     answers them from an index of every heartbeat of its world (about 24 bytes a heartbeat), built on
         *     the first of them. When its estimate of the world's heartbeats would not fit in the room its Node
         *     heap has left (half the heap limit), it answers this at once rather than run out of heap: a world of
         *     tens of thousands of users over a year. Start the mock with fewer `--users` or `--days`, or give
         *     Node more heap (`NODE_OPTIONS=--max-old-space-size=…`). The browser build has no such limit.
         */
        MockIndexTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /**
         * @description The token lacks the required scope. Empty body; the header reads
         *     `Bearer realm="Doorkeeper", error="insufficient_scope", error_description="Access to this resource requires scope _read_."`
         *     (Doorkeeper replaces the double quotes around the scope name with `_`).
         */
        OAuthInsufficientScope: {
            headers: {
                /**
                 * @description Doorkeeper's RFC 6750 `insufficient_scope` challenge naming the scope required.
                 * @example Bearer realm="Doorkeeper", error="insufficient_scope", error_description="Access to this resource requires scope _read_."
                 */
                "WWW-Authenticate": string;
                "Cache-Control": components["headers"]["Cache-Control"];
                [name: string]: unknown;
            };
            content?: never;
        };
        /**
         * @description Two different 401s share this status on `/api/v1/authenticated/*`:
         *
         *     - **Doorkeeper rejected the token** (missing, unknown, revoked or expired; `?access_token=` is not
         *       read; an API key sent as Bearer is not a token either): an **empty body** and a `WWW-Authenticate`
         *       header such as `Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid"`
         *       (`"The access token was revoked"` / `"The access token expired"` for those cases), with
         *       `Cache-Control: no-store` (Doorkeeper 5.9.6 sets `no-store, no-cache`,
         *       `lib/doorkeeper/oauth/error_response.rb:71-77` merged in `lib/doorkeeper/rails/helpers.rb:26`;
         *       Rails' `merge_and_normalize_cache_control!` writes `no-store` alone).
         *     - **The token is valid but its user is restricted** (a pending deletion request; on every endpoint
         *       but `/api/v1/authenticated/me` also a `red` trust level): the controller answers
         *       `{"error": "Unauthorized"}` as JSON, without `WWW-Authenticate`.
         *
         *     The JSON content below describes only the second case.
         */
        OAuthOrRestrictedUnauthorized: {
            headers: {
                /**
                 * @description Present only on Doorkeeper's empty-bodied rejection: its RFC 6750 challenge, e.g.
                 *     `Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid"`.
                 *     Absent on the JSON answer for restricted users.
                 */
                "WWW-Authenticate"?: string;
                "Cache-Control": components["headers"]["Cache-Control"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description The request body is larger than the server accepts (the mock's limit is 1 MiB). */
        PayloadTooLarge: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorPage"];
            };
        };
        /** @description Throttled by the per-IP rate limits (fixed windows). */
        RateLimited: {
            headers: {
                "Retry-After": components["headers"]["Retry-After"];
                "X-RateLimit-Limit": components["headers"]["X-RateLimit-Limit"];
                "X-RateLimit-Remaining": components["headers"]["X-RateLimit-Remaining"];
                "X-RateLimit-Reset": components["headers"]["X-RateLimit-Reset"];
                "X-RateLimit-Reset-At": components["headers"]["X-RateLimit-Reset-At"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["RateLimitError"];
            };
        };
        /**
         * @description No route matched: a path parameter that cannot be routed (one containing `/`, or a `.` that Rails
         *     takes as a format), or a path the server does not have.
         *
         *     Rendered by the errors controller (`errors_controller.rb:46-58`), HTML first: the HTML page when the
         *     request asks for HTML, `*\/*` or nothing (curl and `fetch` send `*\/*`), the JSON `{error, message,
         *     status}` when its Accept prefers JSON. An Accept that lists `*\/*` beside other types (browsers,
         *     axios' `application/json, text/plain, *\/*`) does not count: the path's extension decides (`.json`
         *     → JSON), else HTML. The mock's HTML is its own, shaped like the server's Inertia page
         *     (`Errors/Show` with these props); only its status, title and text are to be relied on.
         */
        RouteNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorPage"];
                "text/html": string;
            };
        };
        /** @description No credential, or not one this endpoint accepts. */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
        /** @description No user matches the identifier. */
        UserNotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Error"];
            };
        };
    };
    parameters: {
        /**
         * @description Upper bound, inclusive (`time <= end`), read like `start_date`; a date means 23:59:59 UTC of that
         *     date. Unreadable → `422 {"error":"invalid end_date"}`.
         */
        AdminEndDate: string;
        /**
         * @description How many days back to look (`lookback_days.days.ago`): default 30, read with `to_i` and clamped to
         *     1–365, so an empty or non-numeric value means 1. Never an error.
         */
        AdminLookbackDays: string;
        /**
         * @description The row's id. A value that is not a number finds nothing. The route is `…/:id(.:format)`, so one
         *     `.` starts a format suffix the action ignores (`1.json` is `1`); a second `.`, a leading `.` or a
         *     `/` leaves the route unmatched (the 404 error page).
         * @example 1
         */
        AdminRowId: string;
        /**
         * @description At most this many rows: absent or blank → 1000; read with `to_i`; zero, negative or non-numeric →
         *     1000; above 10 000 → 10 000. Never an error.
         */
        AdminSharedLimit: string;
        /**
         * @description Lower bound, inclusive (`time >= start`). All digits: epoch seconds (13 digits or more: milliseconds,
         *     divided by 1000), between 0 and 253402300799. Anything else goes through Ruby's `Date.parse`
         *     (`2026-08-22`, `22 Aug 2026`, `2026-08-22T10:00` all mean that date) and means 00:00:00 UTC of that
         *     date. Blank means not given. Anything else → `422 {"error":"invalid start_date"}`, checked before
         *     `end_date`.
         */
        AdminStartDate: string;
        /**
         * @description The user's id (also read from a JSON body). Wins over `user_id` when both are sent. Missing or
         *     blank (and no `user_id`) → `422 {"error":"who?"}`; no such user (a non-numeric value included) →
         *     `404 {"error":"user not found"}`. This check runs before any other.
         * @example 1
         */
        AdminTargetId: string;
        /** @description The user's id when `id` is not sent (same rules as `id`). */
        AdminTargetUserId: string;
        /**
         * @description The target user: if the value is all digits, the user with that numeric id wins; otherwise (or when
         *     no such id exists) an exact Slack user id, then an `hca_id`, then a username (case-sensitive). The
         *     literal `my` means the caller identified by the `Authorization: Bearer` credential (a user API key
         *     or an OAuth token with the `read` scope); `my` without a valid caller, or an identifier matching no
         *     one, gets `404 {"error":"User not found"}`. A value containing `/` or `.` does not route (404 error page).
         */
        StatsUsername: string;
        /**
         * @description Ignored: the user is always the owner of the API key that authenticates the request, whatever this
         *     segment says. `current` is the conventional value (what WakaTime clients send); any other segment
         *     without `/` or `.` (a numeric id, a username, anything) behaves the same. A `.` in the segment makes
         *     Rails read the rest as a format, so the route does not match and the server answers `404` (error
         *     page); a `/` likewise leaves the route unmatched.
         * @example current
         */
        WakatimeUserId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description Any origin may read the answer (rack-cors `origins "*"` on `/api/*`, `config/initializers/cors.rb`). Sent only when the request carries an `Origin` header; never with credentials.
         * @example *
         */
        "Access-Control-Allow-Origin": "*";
        /**
         * @description `no-store` on every answer of the main `ApplicationController` (all endpoints except
         *     `/api/v1/authenticated/*`) and on Doorkeeper's 401/403 (Doorkeeper 5.9.6 sets `no-store, no-cache`,
         *     `lib/doorkeeper/oauth/error_response.rb:71-77`, merged in `lib/doorkeeper/rails/helpers.rb:26`;
         *     Rails' `Http::Cache::Response#merge_and_normalize_cache_control!` writes `no-store` alone);
         *     `max-age=0, private, must-revalidate` (Rails' default) on the answers of
         *     `/api/v1/authenticated/*` controllers.
         * @example no-store
         */
        "Cache-Control": "no-store" | "max-age=0, private, must-revalidate";
        /**
         * @description `no-store` on Doorkeeper's error answers. Doorkeeper 5.9.6 sets `Cache-Control: no-store, no-cache`
         *     on every error it renders (`lib/doorkeeper/oauth/error_response.rb:71-77`, merged into the answer
         *     in `lib/doorkeeper/rails/helpers.rb:26`, `app/controllers/doorkeeper/tokens_controller.rb:43` and
         *     `token_info_controller.rb:10`); Rails rewrites the header when the answer is committed
         *     (actionpack `ActionDispatch::Http::Cache::Response#merge_and_normalize_cache_control!`: with
         *     `no-store` present it writes `no-store` alone), so the wire carries `no-store`.
         * @example no-store
         */
        DoorkeeperCacheControl: "no-store";
        /**
         * @description Doorkeeper's RFC 6750 challenge repeating the error
         *     (`Bearer realm="Doorkeeper", error="<code>", error_description="<text>"`; `"` and `\` in the text
         *     become `_`), doorkeeper 5.9.6 `lib/doorkeeper/oauth/error_response.rb:106-108`.
         * @example Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token is invalid"
         */
        DoorkeeperChallenge: string;
        /**
         * @description Seconds until the rate-limit window ends.
         * @example 37
         */
        "Retry-After": string;
        /**
         * @description Requests allowed in the window.
         * @example 300
         */
        "X-RateLimit-Limit": string;
        /**
         * @description Requests left in the window (always 0 on a 429).
         * @example 0
         */
        "X-RateLimit-Remaining": string;
        /**
         * @description The end of the window as an absolute Unix time in seconds (not seconds-to-reset).
         * @example 1787407260
         */
        "X-RateLimit-Reset": string;
        /**
         * @description The end of the window as ISO 8601 with the server's offset.
         * @example 2026-08-22T14:01:00+00:00
         */
        "X-RateLimit-Reset-At": string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    postHeartbeat: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The machine's name (wakatime-cli sends the hostname). Stored as `machine` and takes precedence
                 *     over a posted `machine`; a blank header falls back to the body.
                 */
                "X-Machine-Name"?: string;
                /**
                 * @description Used as the heartbeat's `user_agent` only when the body has neither `user_agent` nor `plugin`;
                 *     `editor` and `operating_system` are then parsed from it. Any value is accepted.
                 */
                "User-Agent"?: string;
            };
            path: {
                /**
                 * @description Ignored: the user is always the owner of the API key that authenticates the request, whatever this
                 *     segment says. `current` is the conventional value (what WakaTime clients send); any other segment
                 *     without `/` or `.` (a numeric id, a username, anything) behaves the same. A `.` in the segment makes
                 *     Rails read the rest as a format, so the route does not match and the server answers `404` (error
                 *     page); a `/` likewise leaves the route unmatched.
                 * @example current
                 */
                id: components["parameters"]["WakatimeUserId"];
            };
            cookie?: never;
        };
        /**
         * @description One heartbeat: a JSON object, a `{"hackatime": {…}}` wrapper, or a JSON array whose first element
         *     is used; or the same JSON as `text/plain`.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeartbeatInput"] | components["schemas"]["HeartbeatInput"][] | {
                    hackatime: components["schemas"]["HeartbeatInput"];
                };
                "text/plain": string;
            };
        };
        responses: {
            /**
             * @description The stored heartbeat (every attribute of the row). A duplicate of a stored heartbeat returns
             *     that row unchanged (same `id`, original `created_at`).
             */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Heartbeat"];
                };
            };
            /**
             * @description Either nothing usable in the body (`{"error":"No data provided..."}`), or a malformed
             *     `application/json` body, rejected before the controller by the error page.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's account has a pending deletion request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            404: components["responses"]["RouteNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            /**
             * @description The heartbeat was rejected: an unusable `time`, or a database/type-cast failure such as an
             *     integer field outside the 32-bit range (then `error` and `type` are that exception's message and
             *     class).
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IngestError"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    postHeartbeatsBulk: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description The machine's name (wakatime-cli sends the hostname). Stored as every item's `machine`, taking
                 *     precedence over a posted `machine`; a blank header falls back to each item's own value.
                 */
                "X-Machine-Name"?: string;
                /**
                 * @description Used as an item's `user_agent` only when the item has neither `user_agent` nor `plugin`; `editor`
                 *     and `operating_system` are then parsed from it. Any value is accepted.
                 */
                "User-Agent"?: string;
            };
            path: {
                /**
                 * @description Ignored: the user is always the owner of the API key that authenticates the request, whatever this
                 *     segment says. `current` is the conventional value (what WakaTime clients send); any other segment
                 *     without `/` or `.` (a numeric id, a username, anything) behaves the same. A `.` in the segment makes
                 *     Rails read the rest as a format, so the route does not match and the server answers `404` (error
                 *     page); a `/` likewise leaves the route unmatched.
                 * @example current
                 */
                id: components["parameters"]["WakatimeUserId"];
            };
            cookie?: never;
        };
        /**
         * @description 1–100 heartbeats as a JSON array, `{"heartbeats": […]}` or `{"hackatime": {"heartbeats": […]}}`,
         *     or a JSON array sent as `text/plain`.
         */
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeartbeatInput"][] | {
                    heartbeats: components["schemas"]["HeartbeatInput"][];
                } | {
                    hackatime: {
                        heartbeats: components["schemas"]["HeartbeatInput"][];
                    };
                };
                "text/plain": string;
            };
        };
        responses: {
            /**
             * @description The request was processed; each item's own outcome is in `responses`, in input order (pairs
             *     `[heartbeat, 201]` or `[{error, type}, 422]`).
             */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeartbeatBulkResponse"];
                };
            };
            /**
             * @description No heartbeats, more than 100, or a body the server could not read (missing JSON body, malformed
             *     JSON — rendered by the error page).
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            401: components["responses"]["Unauthorized"];
            /** @description The key's account has a pending deletion request. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            404: components["responses"]["RouteNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
        };
    };
    getCurrentUser: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Ignored: the user is always the owner of the API key that authenticates the request, whatever
                 *     this segment says. `current` is the conventional value (what WakaTime clients send); any other
                 *     segment without `/` behaves the same. The route is `/users/:id(.:format)`, so one `.` starts a
                 *     format suffix the action ignores (`current.json` is `current`); a second `.` or a `/` leaves the
                 *     route unmatched (`404` error page).
                 * @example current
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller's profile. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        data: components["schemas"]["WakatimeUser"];
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["RouteNotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    getSummaries: {
        parameters: {
            query: {
                /**
                 * @description First day of the range, inclusive, exactly `YYYY-MM-DD`. Missing, differently formatted or not
                 *     a real date (`2026-02-30`) → `400 start and end must be valid dates in YYYY-MM-DD format`.
                 * @example 2026-08-16
                 */
                start: string;
                /**
                 * @description Last day of the range, inclusive, exactly `YYYY-MM-DD` (same validation as `start`). Before
                 *     `start` → `400 end must not be before start`; 366 or more days after `start` (more than 366
                 *     days inclusive) → `400 date range cannot exceed 366 days`.
                 * @example 2026-08-22
                 */
                end: string;
                /**
                 * @description IANA time zone the days are cut in; defaults to the user's zone. An unknown zone → `400 Invalid
                 *     timezone`.
                 */
                timezone?: string;
                /** @description Count only heartbeats of this project (exact, case-sensitive match); a project without heartbeats yields all-zero days. */
                project?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Ignored: the user is always the owner of the API key that authenticates the request, whatever this
                 *     segment says. `current` is the conventional value (what WakaTime clients send); any other segment
                 *     without `/` or `.` (a numeric id, a username, anything) behaves the same. A `.` in the segment makes
                 *     Rails read the rest as a format, so the route does not match and the server answers `404` (error
                 *     page); a `/` likewise leaves the route unmatched.
                 * @example current
                 */
                id: components["parameters"]["WakatimeUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One summary per day of the range. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SummariesResponse"];
                };
            };
            /** @description Invalid `start`/`end` or `timezone`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["RouteNotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    getStatusbarToday: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Ignored: the user is always the owner of the API key that authenticates the request, whatever this
                 *     segment says. `current` is the conventional value (what WakaTime clients send); any other segment
                 *     without `/` or `.` (a numeric id, a username, anything) behaves the same. A `.` in the segment makes
                 *     Rails read the rest as a format, so the route does not match and the server answers `404` (error
                 *     page); a `/` likewise leaves the route unmatched.
                 * @example current
                 */
                id: components["parameters"]["WakatimeUserId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Today's total, and the daily goal when one is set. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StatusbarToday"];
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["RouteNotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    getLast7Days: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Stats of the last 7 days. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Last7Days"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
        };
    };
    getSummary: {
        parameters: {
            query?: {
                /**
                 * @description The user (preferred over `user`): an all-digits value matches a numeric id first, then the Slack
                 *     UID, the HCA id, then the username (case-sensitive). Required in practice: without `user_id`
                 *     and `user` → `400 Missing required parameter: user_id`; no match → `404 User not found`; a user
                 *     with public stats turned off → `403 User has disabled public stats`.
                 * @example U0DEMO0001
                 */
                user_id?: string;
                /**
                 * @description Legacy alias of `user_id`, used for the lookup only when `user_id` is absent. Whatever is sent
                 *     here is echoed as `user_id` in the response (even when `user_id` was used for the lookup).
                 */
                user?: string;
                /**
                 * @description Start of an explicit range (used together with `to`/`end`; alone it is ignored). Parsed
                 *     leniently as a date or date-time in UTC and widened to the start of that UTC day. Unparseable →
                 *     `400 Invalid date range`.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                from?: string;
                /**
                 * @description Alias of `from`, read when `from` is absent.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                start?: string;
                /**
                 * @description End of an explicit range (used together with `from`/`start`; alone it is ignored). Parsed
                 *     leniently in UTC and widened to the end (23:59:59) of that UTC day. Unparseable → `400 Invalid
                 *     date range`.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                to?: string;
                /**
                 * @description Alias of `to`, read when `to` is absent.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                end?: string;
                /**
                 * @description Named window in UTC, used when no explicit range is given: `today`; `yesterday`;
                 *     `week`/`7_days` (this calendar week, Monday start); `last_7_days`; `month`/`30_days` (this
                 *     calendar month); `last_30_days`; `6_months` (start of the month 5 months ago → end of this
                 *     month); `last_6_months`; `year`/`12_months` (this calendar year); `last_12_months`/`last_year`;
                 *     `any`/`all_time` (1970-01-01 → end of today, also the default when neither `interval` nor
                 *     `range` is given). **Any other value means `today`** (no error).
                 */
                interval?: string;
                /** @description Alias of `interval`, read when `interval` is absent; same values, and any unknown value means `today`. */
                range?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's time per project and language over the range. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicSummary"];
                };
            };
            /** @description No user identifier, or an explicit range that does not parse. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The user has turned public stats off. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            404: components["responses"]["UserNotFound"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getGlobalStats: {
        parameters: {
            query?: {
                /**
                 * @description First day of the window (00:00:00 UTC), parsed as an ISO 8601 date: `2026-08-01`, also the basic
                 *     (`20260801`), week (`2026-W31-5`) and ordinal (`2026-213`) forms. Defaults to 10 years ago. An
                 *     empty value means the default; an unparseable one gets `422 {"error":"Invalid start_date"}`.
                 */
                start_date?: string;
                /**
                 * @description Last day of the window, included up to 23:59:59 UTC; same formats as `start_date`. Defaults to
                 *     the end of today. An unparseable value gets `422 {"error":"Invalid end_date"}`.
                 */
                end_date?: string;
                /**
                 * @description Restrict the total to one user, looked up like the `{username}` of the stats endpoints: all
                 *     digits → numeric id first, then exact Slack user id, `hca_id`, username. No match →
                 *     `404 {"error":"User not found"}`.
                 */
                username?: string;
                /**
                 * @description Restrict the total to the user owning this exact email address. When no stored address matches,
                 *     the server asks Slack (`users.lookupByEmail`) and uses the returned Slack id as if it were a user
                 *     id, which matches no heartbeats, so the answer is `0`. When neither finds anything →
                 *     `404 {"error":"User not found"}`. Applied in addition to `username` when both are given.
                 */
                user_email?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Total seconds as a decimal integer (`Content-Type: text/plain; charset=utf-8`), no newline. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/plain": string;
                };
            };
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["UserNotFound"];
            /** @description `start_date` or `end_date` is not an ISO 8601 date. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    getUserStats: {
        parameters: {
            query?: {
                /**
                 * @description Start of the window (inclusive), a date or date-time parsed in UTC (`2026-08-01`,
                 *     `2026-08-01T12:00:00Z`, `2026-08-01 12:00`). Defaults to 10 years ago. An unparseable value gets
                 *     `422 {"error":"Invalid start_date"}`.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                start_date?: string;
                /**
                 * @description End of the window (**exclusive**), parsed like `start_date`. A date-only value means 00:00 UTC of
                 *     that day, so `end_date=2026-08-22` excludes August 22 itself. Defaults to the end of today (UTC).
                 *     An unparseable value gets `422 {"error":"Invalid end_date"}`.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                end_date?: string;
                /**
                 * @description Comma-separated lists to include. Only `languages` and `projects` have an effect; other names are
                 *     ignored, and items are not trimmed (`languages, projects` does not enable `projects`). Without
                 *     the parameter only `languages` is included; with an empty value neither list is.
                 */
                features?: string;
                /**
                 * @description Maximum number of entries in each list (`languages`, `projects`). Absent, `0` or non-numeric
                 *     means no limit. A negative value makes the server raise (`500`).
                 */
                limit?: string;
                /**
                 * @description Comma-separated project names (exact, not trimmed): only their heartbeats are summarised. With
                 *     `features` containing `projects`, adds `data.unique_total_seconds`.
                 */
                filter_by_project?: string;
                /**
                 * @description Comma-separated categories (exact, e.g. `coding,debugging`). Honoured **only** together with
                 *     `total_seconds=true` outside test mode; ignored otherwise.
                 */
                filter_by_category?: string;
                /**
                 * @description `true` → the body is only `{"total_seconds": <int>}` over `start_date <= time < end_date`, after
                 *     `filter_by_project`, `filter_by_category` and `no_ai_coding`. Any other value is false.
                 */
                total_seconds?: string;
                /**
                 * @description `true` (only with `total_seconds=true`) → also counts the capped gap from the last heartbeat
                 *     before `start_date` into the window, and excludes the categories `browsing`, `meeting` and
                 *     `communicating`. Any other value is false.
                 */
                boundary_aware?: string;
                /**
                 * @description `true` → excludes heartbeats of category `ai coding`. Through SQL NULL semantics heartbeats with
                 *     no category at all are excluded too. Any other value is false.
                 */
                no_ai_coding?: string;
                /**
                 * @description `true` → "test mode": the summary is boundary-aware, uses only heartbeats with valid timestamps,
                 *     excludes the categories `browsing`, `meeting` and `communicating` (plus `ai coding` with
                 *     `no_ai_coding=true`; heartbeats without a category drop out too), ignores `filter_by_category`, and list names are the raw stored values
                 *     (blank → `Other`) without display-name mapping. Combined with `total_seconds=true` the body is
                 *     `{"total_seconds"}` of that summary. Any other value is false.
                 */
                test_param?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The target user: if the value is all digits, the user with that numeric id wins; otherwise (or when
                 *     no such id exists) an exact Slack user id, then an `hca_id`, then a username (case-sensitive). The
                 *     literal `my` means the caller identified by the `Authorization: Bearer` credential (a user API key
                 *     or an OAuth token with the `read` scope); `my` without a valid caller, or an identifier matching no
                 *     one, gets `404 {"error":"User not found"}`. A value containing `/` or `.` does not route (404 error page).
                 */
                username: components["parameters"]["StatsUsername"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description The summary (`UserStats`), or `{"total_seconds": <int>}` (`UserStatsTotal`) when
             *     `total_seconds=true`.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UserStats"] | components["schemas"]["UserStatsTotal"];
                };
            };
            /** @description The user has disabled public stats lookup and the caller is not that user. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description No user matches `{username}` (or `my` without a valid caller) — `{"error":"User not found"}`;
             *     or the path does not route (a `{username}` containing `.` or `/`) — the error page.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            /** @description `start_date` or `end_date` cannot be parsed. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getUserSpans: {
        parameters: {
            query?: {
                /**
                 * @description Start of the window (inclusive), a date or date-time parsed in UTC. Defaults to 10 years ago. An
                 *     unparseable value gets `422 {"error":"Invalid start_date"}`.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                start_date?: string;
                /**
                 * @description End of the window (inclusive), parsed like `start_date`; a date-only value means 00:00 UTC of that
                 *     day. Defaults to the end of today. An unparseable value gets `422 {"error":"Invalid end_date"}`.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                end_date?: string;
                /** @description Only heartbeats of this project (exact name). */
                project?: string;
                /** @description Comma-separated project names (exact, not trimmed); ignored when `project` is set. */
                filter_by_project?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The target user: if the value is all digits, the user with that numeric id wins; otherwise (or when
                 *     no such id exists) an exact Slack user id, then an `hca_id`, then a username (case-sensitive). The
                 *     literal `my` means the caller identified by the `Authorization: Bearer` credential (a user API key
                 *     or an OAuth token with the `read` scope); `my` without a valid caller, or an identifier matching no
                 *     one, gets `404 {"error":"User not found"}`. A value containing `/` or `.` does not route (404 error page).
                 */
                username: components["parameters"]["StatsUsername"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The spans, ascending by start time (`[]` when there are none). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        spans: components["schemas"]["Span"][];
                    };
                };
            };
            /** @description The user has disabled public stats lookup and the caller is not that user. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description No user matches `{username}` (or `my` without a valid caller) — `{"error":"User not found"}`;
             *     or the path does not route (a `{username}` containing `.` or `/`) — the error page.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            /** @description `start_date` or `end_date` cannot be parsed. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getUserTrustFactor: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description Slack user id, username (case-sensitive) or numeric id. No match → `404 {"error":"User not found"}`.
                 *     A value containing `.` or `/` does not route (404 error page).
                 */
                username: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The masked trust level and its number. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicTrustFactor"];
                };
            };
            /** @description No user matches — `{"error":"User not found"}`; or the path does not route — the error page. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    getUserProjects: {
        parameters: {
            query?: {
                /**
                 * @description Window start (date or date-time, UTC unless an offset is given); first choice. Unparseable → skipped.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                since?: string;
                /**
                 * @description Window start; used when `since` is absent or unparseable. Unparseable → skipped.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                start?: string;
                /**
                 * @description Window start; used when `since` and `start` are absent or unparseable. Unparseable → skipped (default 30 days ago).
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                start_date?: string;
                /**
                 * @description Window end (inclusive); first choice. Unparseable → skipped.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                until?: string;
                /**
                 * @description Window end; used when `until` is absent or unparseable. Unparseable → skipped.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                until_date?: string;
                /**
                 * @description Window end; used when `until` and `until_date` are absent or unparseable. Unparseable → skipped.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                end?: string;
                /**
                 * @description Window end; the last choice. Unparseable → skipped (default now).
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                end_date?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The target user: if the value is all digits, the user with that numeric id wins; otherwise (or when
                 *     no such id exists) an exact Slack user id, then an `hca_id`, then a username (case-sensitive). The
                 *     literal `my` means the caller identified by the `Authorization: Bearer` credential (a user API key
                 *     or an OAuth token with the `read` scope); `my` without a valid caller, or an identifier matching no
                 *     one, gets `404 {"error":"User not found"}`. A value containing `/` or `.` does not route (404 error page).
                 */
                username: components["parameters"]["StatsUsername"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project names. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        projects: string[];
                    };
                };
            };
            /** @description The user has disabled public stats lookup and the caller is not that user. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description No user matches `{username}` (or `my` without a valid caller) — `{"error":"User not found"}`;
             *     or the path does not route (a `{username}` containing `.` or `/`) — the error page.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getUserProject: {
        parameters: {
            query?: {
                /**
                 * @description Window start (date or date-time, UTC unless an offset is given). Unparseable → skipped.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                start?: string;
                /**
                 * @description Window start, used when `start` is absent or unparseable. Unparseable → skipped (default one year ago).
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                start_date?: string;
                /**
                 * @description Window end (inclusive). Unparseable → skipped.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                end?: string;
                /**
                 * @description Window end, used when `end` is absent or unparseable. Unparseable → skipped (default now).
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                end_date?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The target user: if the value is all digits, the user with that numeric id wins; otherwise (or when
                 *     no such id exists) an exact Slack user id, then an `hca_id`, then a username (case-sensitive). The
                 *     literal `my` means the caller identified by the `Authorization: Bearer` credential (a user API key
                 *     or an OAuth token with the `read` scope); `my` without a valid caller, or an identifier matching no
                 *     one, gets `404 {"error":"User not found"}`. A value containing `/` or `.` does not route (404 error page).
                 */
                username: components["parameters"]["StatsUsername"];
                /**
                 * @description The project name, exact. Blank or whitespace-only (e.g. `%20`) → `400 {"error":"whats the name?"}`.
                 *     One `.` starts a format suffix that is dropped (`pimlico.dev` looks up `pimlico`, see above); a
                 *     second `.` or a `/` does not route (404 error page). Encoded as `%2E` and `%2F` they are part of
                 *     the name.
                 */
                project_name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project's row. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProjectRow"];
                };
            };
            /** @description `{project_name}` is blank or whitespace-only. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description The user has disabled public stats lookup and the caller is not that user. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description No user matches `{username}` (or `my` without a valid caller) — `{"error":"User not found"}`;
             *     no heartbeats of the project in the window, or the project is archived — `{"error":"found nuthin"}`;
             *     or the path does not route — the error page.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getUserProjectsDetails: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated project names (each trimmed; blanks dropped; exact match). Absent or empty → all
                 *     projects with heartbeats in the window. Names with dots work here.
                 */
                projects?: string;
                /**
                 * @description Window start (date or date-time, UTC unless an offset is given). Unparseable → skipped.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                start?: string;
                /**
                 * @description Window start, used when `start` is absent or unparseable. Unparseable → skipped (default one year ago).
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                start_date?: string;
                /**
                 * @description Window end (inclusive). Unparseable → skipped.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                end?: string;
                /**
                 * @description Window end, used when `end` is absent or unparseable. Unparseable → skipped (default now).
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                end_date?: string;
            };
            header?: never;
            path: {
                /**
                 * @description The target user: if the value is all digits, the user with that numeric id wins; otherwise (or when
                 *     no such id exists) an exact Slack user id, then an `hca_id`, then a username (case-sensitive). The
                 *     literal `my` means the caller identified by the `Authorization: Bearer` credential (a user API key
                 *     or an OAuth token with the `read` scope); `my` without a valid caller, or an identifier matching no
                 *     one, gets `404 {"error":"User not found"}`. A value containing `/` or `.` does not route (404 error page).
                 */
                username: components["parameters"]["StatsUsername"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The project rows, by `total_seconds` descending. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        projects: components["schemas"]["ProjectRow"][];
                    };
                };
            };
            /** @description The user has disabled public stats lookup and the caller is not that user. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description No user matches `{username}` (or `my` without a valid caller) — `{"error":"User not found"}`;
             *     or the path does not route (a `{username}` containing `.` or `/`) — the error page.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    lookupUserByEmail: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The email address. May contain dots (the route takes everything up to the next `/`); a `/` does
                 *     not route (404 error page). Percent-encode `+` and other reserved characters. No format suffix is
                 *     split off (`a@b.json` is the address `a@b.json`): the route's constraint takes the dots.
                 */
                email: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's id and the email as sent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example 42 */
                        user_id: number;
                        /**
                         * @description `{email}` echoed as sent.
                         * @example orpheus@hackclub.com
                         */
                        email: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /**
             * @description No user owns the address — `{"error":"User not found","email":<as sent>}`; or the path does not
             *     route — the error page.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        error: "User not found";
                        /** @description `{email}` echoed as sent. */
                        email: string;
                    } | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    lookupUserBySlackUid: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The Slack user id (e.g. `U0266FRGP`), exact. A `.` starts a format suffix that is dropped
                 *     (`U0266FRGP.json` looks up `U0266FRGP`); a second `.` or a `/` does not route (404 error page).
                 */
                slack_uid: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's id and the Slack id as received. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example 42 */
                        user_id: number;
                        /**
                         * @description `{slack_uid}` echoed.
                         * @example U0266FRGP
                         */
                        slack_uid: string;
                    };
                };
            };
            401: components["responses"]["Unauthorized"];
            /**
             * @description No user has that Slack id — `{"error":"User not found","slack_uid":<as received>}`; or the path
             *     does not route — the error page.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        error: "User not found";
                        /** @description `{slack_uid}` echoed. */
                        slack_uid: string;
                    } | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    getMyMostRecentHeartbeat: {
        parameters: {
            query?: {
                /**
                 * @description Only heartbeats of this source: `direct_entry` (sent by an editor plugin), `wakapi_import`
                 *     (imported) or `test_entry` (entity `test.txt`). Matched against the enum names exactly
                 *     (case-sensitive); an unknown name is not rejected but matches nothing, so the answer is the
                 *     `has_heartbeat: false` shape. Absent or empty: every source except `test_entry`.
                 */
                source_type?: string;
                /**
                 * @description Only heartbeats whose stored editor equals this value, compared case-insensitively
                 *     (`LOWER(editor) = LOWER(value)`); it is the raw editor name parsed from the user agent
                 *     (e.g. `vscode`, `neovim`), not a display name such as "VS Code". No match gives the
                 *     `has_heartbeat: false` shape. Absent or empty: any editor.
                 */
                editor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The latest matching heartbeat, or the all-null shape when there is none. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MostRecentHeartbeat"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
        };
    };
    getMyHeartbeats: {
        parameters: {
            query?: {
                /**
                 * @description Lower bound, parsed with Ruby's `Time.parse`: ISO 8601 (`2026-08-22T14:00:00Z`,
                 *     `2026-08-22T16:00:00+02:00`), a plain date (`2026-08-22`, midnight) or most human formats
                 *     (`Aug 22 2026 14:00`). A value without a zone is read in the server process's local zone.
                 *     Absent or empty: 00:00:00 UTC today. A value `Time.parse` cannot read raises an uncaught error:
                 *     **500** (error page).
                 */
                start_time?: string;
                /**
                 * @description Upper bound (inclusive), parsed like `start_time`; a plain date means **00:00** of that day.
                 *     Absent or empty: 23:59:59.999 UTC today. Unparseable: **500**.
                 */
                end_time?: string;
                /**
                 * @deprecated
                 * @description Historical name (seed docs); **ignored** by the server. Use `start_time`.
                 */
                start?: string;
                /**
                 * @deprecated
                 * @description Historical name (seed docs); **ignored** by the server. Use `end_time`.
                 */
                end?: string;
                /**
                 * @deprecated
                 * @description Historical option (seed docs: "max 100"); **ignored** — there is no limit or pagination and
                 *     every heartbeat in the range is returned.
                 */
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The heartbeats in the range and their total coded time. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyHeartbeats"];
                };
            };
            401: components["responses"]["Unauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getAuthenticatedMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's profile. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticatedMe"];
                };
            };
            401: components["responses"]["OAuthOrRestrictedUnauthorized"];
            403: components["responses"]["OAuthInsufficientScope"];
            429: components["responses"]["RateLimited"];
        };
    };
    getAuthenticatedHours: {
        parameters: {
            query?: {
                /**
                 * @description First day, parsed leniently with Ruby's `String#to_date` (`Date.parse`): `2026-08-15` is the
                 *     canonical form, but `Aug 15 2026`, `15/08/2026` or a datetime (its date part is used) also work.
                 *     Absent or empty: 7 days before today (UTC). A value that cannot be parsed raises an uncaught
                 *     error: **500** (error page).
                 */
                start_date?: string;
                /**
                 * @description Last day (included up to 23:59:59 UTC), parsed like `start_date`. Absent or empty: today (UTC).
                 *     Unparseable: **500**.
                 */
                end_date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The effective dates and the coded time between them. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticatedHours"];
                };
            };
            401: components["responses"]["OAuthOrRestrictedUnauthorized"];
            403: components["responses"]["OAuthInsufficientScope"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getAuthenticatedStreak: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The current streak. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticatedStreak"];
                };
            };
            401: components["responses"]["OAuthOrRestrictedUnauthorized"];
            403: components["responses"]["OAuthInsufficientScope"];
            429: components["responses"]["RateLimited"];
        };
    };
    getAuthenticatedProjects: {
        parameters: {
            query?: {
                /**
                 * @description Only the exact string `true` includes projects the user archived; any other value (`1`, `yes`,
                 *     `True`) or absence excludes them.
                 */
                include_archived?: string;
                /**
                 * @description Comma-separated project names (each trimmed; blanks dropped). Only these projects are returned;
                 *     a name with no heartbeats in the window is simply absent from the list.
                 */
                projects?: string;
                /**
                 * @description Start of the window, any date or date-time Ruby's `to_datetime` reads (`2026-08-01`,
                 *     `2026-08-01T00:00:00Z`); checked before `start_date`. An unparseable value is ignored (the next
                 *     key, else the default, epoch, is used) — never an error.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                start?: string;
                /**
                 * @description Alias of `start`, used when `start` is absent, empty or unparseable; bad values are ignored.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                start_date?: string;
                /**
                 * @description End of the window (inclusive), parsed like `start`; checked before `end_date`. A plain date
                 *     means 00:00 of that day. Unparseable values are ignored (default: now).
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                end?: string;
                /**
                 * @description Alias of `end`, used when `end` is absent, empty or unparseable; bad values are ignored.
                 *     A value so large that Ruby's date parser raises a range error (e.g. `2026-99999999999-01`) escapes the controller: `500` error page.
                 */
                end_date?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The projects, most coded first. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Sorted by `total_seconds` descending; `[]` when the user has no project in the window. */
                        projects: components["schemas"]["AuthenticatedProject"][];
                    };
                };
            };
            401: components["responses"]["OAuthOrRestrictedUnauthorized"];
            403: components["responses"]["OAuthInsufficientScope"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getAuthenticatedLatestHeartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One of two shapes: the latest heartbeat, or `{"heartbeat": null}` when there is none. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LatestHeartbeat"] | components["schemas"]["NoLatestHeartbeat"];
                };
            };
            401: components["responses"]["OAuthOrRestrictedUnauthorized"];
            403: components["responses"]["OAuthInsufficientScope"];
            429: components["responses"]["RateLimited"];
        };
    };
    getAuthenticatedApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user's API key. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthenticatedApiKey"];
                };
            };
            401: components["responses"]["OAuthOrRestrictedUnauthorized"];
            403: components["responses"]["OAuthInsufficientScope"];
            429: components["responses"]["RateLimited"];
        };
    };
    getLeaderboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The daily board. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Leaderboard"] & {
                        /** @constant */
                        period?: "daily";
                        /** @constant */
                        date_range?: "Last 24 hours";
                    };
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["LeaderboardGenerating"];
        };
    };
    getDailyLeaderboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The daily board. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Leaderboard"] & {
                        /** @constant */
                        period?: "daily";
                        /** @constant */
                        date_range?: "Last 24 hours";
                    };
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["LeaderboardGenerating"];
        };
    };
    getWeeklyLeaderboard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The weekly board. */
            200: {
                headers: {
                    "Cache-Control": components["headers"]["Cache-Control"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Leaderboard"] & {
                        /** @constant */
                        period?: "last_7_days";
                        date_range?: unknown;
                    };
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["LeaderboardGenerating"];
        };
    };
    getBadge: {
        parameters: {
            query?: {
                /** @description Left-hand text of the badge (URL-encoded into the badge path). */
                label?: string;
                /** @description Badge colour, any value shields.io accepts (a name or hex without `#`); not validated. */
                color?: string;
                /**
                 * @description Comma-separated extra project names (trimmed) whose time is added to the total. Does not rescue a
                 *     project whose own time is 0 (that is still a 400). Unknown names add nothing.
                 */
                aliases?: string;
            };
            header?: never;
            path: {
                /**
                 * @description Slack user id, username, or numeric id (tried in that order). No match →
                 *     `404 {"error":"User not found"}`. A value containing `.` or `/` does not route (404 error page).
                 */
                user_id: string;
                /**
                 * @description The rest of the path, slashes and dots included (no format suffix is split off): a project name
                 *     (`hackatime`, `pimlico.dev`) or an `owner/repo` pair resolved through the user's repository
                 *     mappings (`hackclub/hackatime`). A name that has heartbeats wins over an `owner/repo` mapping.
                 *     Neither → `404 {"error":"Project not found"}`.
                 */
                project: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Redirect to the shields.io badge image; no meaningful body. */
            307: {
                headers: {
                    /**
                     * @description `https://img.shields.io/badge/<label>-<time>-<color>` with each part URL-encoded, e.g.
                     *     `https://img.shields.io/badge/hackatime-12h%2034m-blue`.
                     */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The project exists but its total time is 0 (e.g. a single heartbeat). Empty body. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The user has disabled public stats lookup. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /**
             * @description Unknown user — `{"error":"User not found"}`; unknown project — `{"error":"Project not found"}`;
             *     or the path does not route — the error page.
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    getCurrentlyHacking: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The users currently hacking. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CurrentlyHacking"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    getBannedUserCounts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BannedUserCounts"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    createUserFromSlackOauth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The Slack user token, as JSON or as form fields. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description A Slack user OAuth token. Missing or blank → `400 {"error":"Token is required"}`.
                     * @example xoxp-1234567890-1234567890-1234567890-0123456789abcdef0123456789abcdef
                     */
                    token: string;
                };
                "application/x-www-form-urlencoded": {
                    /** @description A Slack user OAuth token. */
                    token: string;
                };
            };
        };
        responses: {
            /** @description A Hackatime user with this Slack id already exists. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlackOauthUser"];
                };
            };
            /** @description The user was created from the Slack profile. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlackOauthUser"];
                };
            };
            /**
             * @description `token` missing or blank — `{"error":"Token is required"}`; Slack's `auth.test` returned no user
             *     id — `{"error":"User ID not found"}`; the Slack profile has no email — `{"error":"Email not found"}`;
             *     or the body is not valid JSON — the error page.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            /**
             * @description Wrong or missing stats key (or none configured) — `{"error":"Invalid API token"}`; or Slack
             *     rejected the token (`auth.test` not ok, or no profile from `users.info`) —
             *     `{"error":"Invalid Slack token"}`.
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            404: components["responses"]["RouteNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            /**
             * @description Saving the new user failed. Unlike every other error, `error` is an **array** of the model's full
             *     validation messages.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: string[];
                    };
                };
            };
            429: components["responses"]["RateLimited"];
            /**
             * @description Any exception in the action (e.g. Slack answering with a non-JSON body) —
             *     `{"error":"Internal server error"}`; an exception outside it — the error page.
             */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
        };
    };
    claimYswsHeartbeats: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The claim; the same fields are also read from the query string. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["YswsClaimRequest"];
                "application/x-www-form-urlencoded": components["schemas"]["YswsClaimRequest"];
            };
        };
        responses: {
            /** @description The heartbeats were claimed (possibly none). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @example Successfully claimed 100 heartbeats */
                        message: string;
                        /**
                         * @description Heartbeats of the user in the range (all now claimed).
                         * @example 100
                         */
                        claimed_count: number;
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["Unauthorized"];
            404: components["responses"]["RouteNotFound"];
            /** @description Some heartbeats in the range are already claimed by a program; nothing was changed. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        error: "Some heartbeats are already claimed";
                        /** @description `[heartbeat id, program name]` pairs of the already-claimed heartbeats. */
                        conflicts: [
                            number,
                            components["schemas"]["YswsProgramName"]
                        ][];
                    };
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /**
             * @description (Production, inferred.) No valid CSRF token: Rails' forgery protection rejects the POST before
             *     the action, rendered by the error page.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    listYswsPrograms: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The 59 program names; a name's index is its `program_id`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["YswsProgramName"][];
                };
            };
            404: components["responses"]["RouteNotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    authorizeOAuthApp: {
        parameters: {
            query: {
                /**
                 * @description Must be `code` (the only response type enabled). Missing → error page "Missing required
                 *     parameter: response_type."; any other value → error page "The authorization server does not
                 *     support this response type." (both `200`).
                 * @example code
                 */
                response_type: "code";
                /**
                 * @description The app's UID from My OAuth Apps. Missing → error page "Missing required parameter:
                 *     client_id."; unknown → error page "Client authentication failed due to unknown client, no
                 *     client authentication included, or unsupported authentication method." (both `200`, nothing
                 *     sent to the app).
                 * @example MUNCYZ-3lw2xgbkNR8ZqiWBb9S6g1ZeBuXCiMOR6-sE
                 */
                client_id: string;
                /**
                 * @description Where to send the user back; must match one of the app's registered redirect URIs (see the
                 *     matching rules above). Missing, malformed or not registered → error page "The requested
                 *     redirect uri is malformed or doesn't match client redirect URI." (`200`, no redirect).
                 * @example https://sinerider.com/auth/callback
                 */
                redirect_uri: string;
                /**
                 * @description Space-separated scopes from `profile`, `read`, `admin` (and from the app's configured scopes,
                 *     if it set any). Absent or blank → `profile` (as far as the app allows it). An unknown scope,
                 *     one the app may not request, or a tab/newline in the value → error page "The requested scope
                 *     is invalid, unknown, or malformed." (`200`); `admin` has extra rules (`403`).
                 */
                scope?: string;
                /**
                 * @description Opaque value echoed on the redirect back to the app (omitted there when blank). Use a random
                 *     value bound to the user's session and compare it on return (CSRF protection). Not validated.
                 */
                state?: string;
                /**
                 * @description How the code is delivered: `query` (default) appends `code`/`state` to `redirect_uri`'s
                 *     query; `fragment` puts them in the URL fragment; `form_post` answers with an HTML page that
                 *     auto-posts them to `redirect_uri`. Another value → error page "The authorization server does
                 *     not support this response mode." (`200`).
                 */
                response_mode?: "query" | "fragment" | "form_post";
                /**
                 * @description PKCE challenge (RFC 7636). Accepted and passed through the consent form, but **not stored or
                 *     checked**: Hackatime's database lacks Doorkeeper's PKCE columns. Any value is accepted. The
                 *     local mock stores it with the code and verifies the `code_verifier` at `POST /oauth/token`.
                 */
                code_challenge?: string;
                /**
                 * @description PKCE method (`S256` or `plain` in RFC 7636). Ignored like `code_challenge`; any value,
                 *     including an unknown one, is accepted without error. The local mock, which verifies PKCE,
                 *     takes an absent method as `plain` and answers another value than `S256`/`plain` (with a
                 *     `code_challenge`) with the error page "The code_challenge_method must be one of plain, S256.".
                 */
                code_challenge_method?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description An HTML page (Inertia; a request with `X-Inertia: true` gets the page as JSON instead):
             *
             *     - the consent screen "Authorize <app name>?" (component `OAuthAuthorize/New`) for a valid
             *       request, with Authorize and Cancel forms posting to `/oauth/authorize` (the local mock's
             *       own small page: one form with a user picker and Authorize/Deny buttons); or
             *     - the error page "An error has occurred" (component `OAuthAuthorize/Error`) with the
             *       `error_description` of the first failed check — unknown `client_id`, bad `redirect_uri`,
             *       missing or unsupported `response_type`, bad `response_mode`, invalid `scope`; or
             *     - with `response_mode=form_post` and a skipped consent, the auto-submitting form.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /**
             * @description One of:
             *
             *     - **not signed in** → `https://hackatime.hackclub.com/signin?continue=<this request's path and query>`
             *       (`/auth/hca?continue=…` for apps set to use Hack Club Auth); a user with a pending account
             *       deletion → `/deletion`;
             *     - **consent already given** (the user holds an unrevoked token for this app with exactly
             *       these scopes) → `redirect_uri` with `code` (43 URL-safe characters, valid 10 minutes, one
             *       use) and `state`, e.g. `https://sinerider.com/auth/callback?code=JQ2_U04IwA_wceuS-964Uuk0n7jv250HA7ZF9Ip3d80&state=af0ifjsldkj`
             *       (in the fragment for `response_mode=fragment`; `/oauth/authorize/native?code=…` for the
             *       out-of-band URI);
             *     - **local mock only**: the headless decision of `Prefer: oauth=approve` /
             *       `--oauth-auto-approve` (`redirect_uri` with `code` and `state`) or `Prefer: oauth=deny`
             *       (`redirect_uri` with `error=access_denied`, `error_description` and `state`).
             */
            302: {
                headers: {
                    /** @description The sign-in page, or the app's `redirect_uri` carrying `code` and `state`. */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description A valid request for the `admin` scope that its rules refuse: the error page (status 403) with
             *     "Only applications configured with the admin scope can request it.", "Only confidential
             *     applications can request the admin scope.", "Only verified applications can request the admin
             *     scope." or "Only admins can authorize applications that request the admin scope.".
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    decideOAuthAuthorization: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The consent form, as the consent page renders it (all hidden fields). */
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": {
                    /**
                     * @description The Rails CSRF token embedded in the consent page (tied to the session). Missing or
                     *     wrong (and no valid `X-CSRF-Token` header) → `422` error page.
                     */
                    authenticity_token: string;
                    /**
                     * @description `delete` = the user clicked **Cancel** (deny). Absent = **Authorize**.
                     * @enum {string}
                     */
                    _method?: "delete";
                    /** @description The app's UID, as in the GET. */
                    client_id: string;
                    /** @description The redirect URI, as in the GET (same matching rules). */
                    redirect_uri: string;
                    /** @description `code`, as in the GET. */
                    response_type: string;
                    /**
                     * @description `query`, `fragment` or `form_post`; the consent page sends the effective value
                     *     (`query` by default).
                     */
                    response_mode?: string;
                    /** @description The scopes the consent page showed, space-separated. */
                    scope?: string;
                    /** @description The app's `state`, echoed on the redirect (omitted when blank). */
                    state?: string;
                    /**
                     * @description Carried through from the GET; not stored or checked (no PKCE columns). The local mock
                     *     keeps it with the code and checks the `code_verifier` at `POST /oauth/token`.
                     */
                    code_challenge?: string;
                    /**
                     * @description Carried through from the GET; ignored. The local mock: `S256` or `plain` (blank =
                     *     `plain`); another value with a challenge → redirected `invalid_request`.
                     */
                    code_challenge_method?: string;
                    /**
                     * @description **Local mock only**: the world user who approves (id or username), chosen on the
                     *     mock's consent page; the real server takes the user from the session.
                     */
                    user_id?: string;
                };
            };
        };
        responses: {
            /**
             * @description Only with `response_mode=form_post`: an HTML page whose form auto-posts `code` and `state`
             *     to `redirect_uri`.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            /**
             * @description Back to the app's `redirect_uri` — with `code` and `state` (approved), with
             *     `error=access_denied` (cancelled), or with `error`/`error_description`/`state` for a failed
             *     check once the redirect URI is trusted (`invalid_request`, `unsupported_response_type`,
             *     `unsupported_response_mode`, `invalid_scope`). Or to `/signin?continue=…` without a session.
             */
            302: {
                headers: {
                    /** @description The app's `redirect_uri` with the result in its query (or fragment), or the sign-in page. */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description An error that must not be redirected (the redirect URI is not trusted yet), as JSON:
             *     `invalid_request` for a missing `client_id`, `invalid_redirect_uri` for a missing or
             *     unregistered `redirect_uri`. The local mock also answers `invalid_request` for an unknown
             *     `user_id`, and `invalid_redirect_uri` for a Cancel without a usable `redirect_uri`. A form body Rails cannot decode (bad percent-encoding) gets the
             *     error page's `{"error": "Bad Request", …}` instead.
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            /** @description Unknown `client_id` (not redirected), as JSON. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            /** @description The `admin` scope was refused (see the GET): the error page with status 403. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": string;
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /**
             * @description Missing or invalid CSRF token (`ActionController::InvalidAuthenticityToken`), rendered by the
             *     error page: JSON for `Accept: application/json` (and other non-HTML formats), HTML for a
             *     browser.
             */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorPage"];
                    "text/html": string;
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    createOAuthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * @description Form-encoded (RFC 6749) or JSON; both are read the same way. A malformed JSON body is rejected
         *     before Doorkeeper sees it (`400` error page).
         */
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["OAuthTokenRequest"];
                "application/json": components["schemas"]["OAuthTokenRequest"];
            };
        };
        responses: {
            /** @description The access token. No `refresh_token` (refresh tokens are not enabled). */
            200: {
                headers: {
                    /** @description Always `no-store` on a token response. */
                    "Cache-Control": "no-store";
                    /** @description Always `no-cache` on a token response. */
                    Pragma: "no-cache";
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthToken"];
                };
            };
            /**
             * @description An OAuth error (RFC 6749 §5.2) as `OAuthError`, or, for a body that is not valid JSON for its
             *     `Content-Type`, the error page's `{"error": "Bad Request", …}`:
             *
             *     - `invalid_request` — a missing `grant_type`, `code` or `redirect_uri` ("Missing required
             *       parameter: <name>."), or two client-authentication methods / identities.
             *     - `unsupported_grant_type` — anything but `authorization_code` and `client_credentials`,
             *       including `refresh_token`.
             *     - `invalid_grant` — the code is unknown, expired (10 minutes), already used or another app's,
             *       or `redirect_uri` differs from the authorization request's.
             *     - `invalid_scope` — `client_credentials` with a scope that is not allowed.
             */
            400: {
                headers: {
                    /** @description `no-store` (Doorkeeper sends `no-store, no-cache`; Rails normalises it). */
                    "Cache-Control": "no-store";
                    /**
                     * @description On OAuth errors only (not on the malformed-body page): Doorkeeper's challenge repeating the
                     *     error, e.g. `Bearer realm="Doorkeeper", error="invalid_grant", error_description="The provided authorization grant is invalid, …"`.
                     */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            /**
             * @description The client did not authenticate: unknown `client_id`, wrong secret, a confidential app without
             *     its secret, or no client credentials at all.
             */
            401: {
                headers: {
                    /** @description `no-store`. */
                    "Cache-Control": "no-store";
                    /** @description `Bearer realm="Doorkeeper", error="invalid_client", error_description="Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method."` */
                    "WWW-Authenticate": string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
        };
    };
    revokeOAuthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Form-encoded (RFC 7009) or JSON; both are read the same way. */
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["OAuthRevokeRequest"];
                "application/json": components["schemas"]["OAuthRevokeRequest"];
            };
        };
        responses: {
            /**
             * @description The token was revoked, was already revoked, or is unknown (including a missing `token`, and
             *     any access token sent with `token_type_hint=refresh_token`). Always an empty JSON object.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": Record<string, never>;
                };
            };
            /**
             * @description Two client-authentication methods or identities in one request (`invalid_request`, with a
             *     `WWW-Authenticate` header and `Cache-Control: no-store`), or a malformed JSON body (the error
             *     page's `{"error": "Bad Request", …}`).
             */
            400: {
                headers: {
                    /** @description On the OAuth error only: `Bearer realm="Doorkeeper", error="invalid_request", error_description="The request utilizes more than one mechanism for authenticating the client."` */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            /**
             * @description The client did not authenticate (no client fields, unknown `client_id`, wrong or missing
             *     secret of a confidential app), or the token belongs to another app. No `WWW-Authenticate`.
             *     The description has no final full stop.
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminCheck: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The credential's owner and kind. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        valid: true;
                        creator: components["schemas"]["AdminActor"];
                        auth: {
                            /** @enum {string} */
                            type: "api_key" | "oauth";
                            /** @description Only for `oauth`: the token's application. */
                            application?: {
                                id: number | null;
                                name: string | null;
                                uid: string | null;
                            };
                            /** @description Only for `oauth`: the token's scopes, in the order they were granted. */
                            scopes?: string[];
                        };
                        /** @description Only for `api_key`: the key used. */
                        api_key?: {
                            id: number;
                            name: string;
                            /**
                             * Format: date-time
                             * @description ISO 8601 with milliseconds, UTC.
                             */
                            created_at: string;
                        };
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminGetUserInfo: {
        parameters: {
            query?: {
                /**
                 * @description The user's id (also read from a JSON body). Wins over `user_id` when both are sent. Missing or
                 *     blank (and no `user_id`) → `422 {"error":"who?"}`; no such user (a non-numeric value included) →
                 *     `404 {"error":"user not found"}`. This check runs before any other.
                 * @example 1
                 */
                id?: components["parameters"]["AdminTargetId"];
                /** @description The user's id when `id` is not sent (same rules as `id`). */
                user_id?: components["parameters"]["AdminTargetUserId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user: {
                            id: number;
                            username: string | null;
                            display_name: string;
                            slack_uid: string | null;
                            slack_username: string | null;
                            github_username: string | null;
                            timezone: string | null;
                            country_code: string | null;
                            admin_level: components["schemas"]["AdminLevel"];
                            trust_level: components["schemas"]["TrustLevelName"];
                            /** @description `trust_level == "yellow"`. */
                            suspected: boolean;
                            /** @description `trust_level == "red"`. */
                            banned: boolean;
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description Unix seconds (float) of the latest valid heartbeat; null without one. */
                            last_heartbeat_at: number | null;
                            email_addresses: string[];
                            api_keys_count: number;
                            stats: {
                                total_heartbeats: number;
                                /** @description Seconds */
                                total_coding_time: number;
                                languages_used: number;
                                projects_worked_on: number;
                                days_active: number;
                            };
                        };
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminUserNotFound"];
            422: components["responses"]["AdminWhoUnprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminGetUserInfoBatch: {
        parameters: {
            query?: {
                /**
                 * @description Comma-separated user ids (also read from a JSON body); each is stripped and read with `to_i`
                 *     (`abc` → 0), duplicates dropped, the first 2000 used. Missing or blank →
                 *     `422 {"error":"ids parameter required"}`; commas only → `422 {"error":"no valid ids provided"}`.
                 * @example 1,2
                 */
                ids?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The users that exist. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: {
                            id: number;
                            username: string | null;
                            slack_uid: string | null;
                            slack_username: string | null;
                            github_username: string | null;
                            timezone: string | null;
                            country_code: string | null;
                            trust_level: components["schemas"]["TrustLevelName"];
                            slack_avatar_url: string | null;
                            github_avatar_url: string | null;
                            display_name: string;
                            avatar_url: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            /** @description `ids` is missing or blank, or holds only commas. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    adminGetUserTrustLogs: {
        parameters: {
            query?: {
                /**
                 * @description The user's id (also read from a JSON body). Wins over `user_id` when both are sent. Missing or
                 *     blank (and no `user_id`) → `422 {"error":"who?"}`; no such user (a non-numeric value included) →
                 *     `404 {"error":"user not found"}`. This check runs before any other.
                 * @example 1
                 */
                id?: components["parameters"]["AdminTargetId"];
                /** @description The user's id when `id` is not sent (same rules as `id`). */
                user_id?: components["parameters"]["AdminTargetUserId"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        trust_logs: {
                            id: number;
                            previous_trust_level: components["schemas"]["TrustLevelName"];
                            new_trust_level: components["schemas"]["TrustLevelName"];
                            changed_by: components["schemas"]["AdminActor"];
                            reason: string | null;
                            notes: string | null;
                            /** Format: date-time */
                            created_at: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminUserNotFound"];
            422: components["responses"]["AdminWhoUnprocessable"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminListBannedUsers: {
        parameters: {
            query?: {
                /**
                 * @description How many, read with `to_i` (default 200), at most 1000; `0` (or a non-number) gives an empty list
                 *     and a negative number makes the query fail (`500`).
                 */
                limit?: string;
                /** @description How many to skip, read with `to_i` (default 0); negative values count as 0. */
                offset?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The convicted users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        banned_users: {
                            id: number;
                            username: string | null;
                            /** @description The first email alphabetically */
                            email: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    adminGetUserByEmail: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The address. Blank or missing → `422 {"error":"bro dont have a email"}`. */
                    email?: string;
                };
            };
        };
        responses: {
            /** @description The owner's id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_id: number;
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["AdminUnauthorized"];
            /** @description No user owns the address. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /** @description No `email`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    adminSearchUsersFuzzy: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The search term. Blank or missing → `422 {"error":"bro dont have a query"}`. */
                    query?: string;
                };
            };
        };
        responses: {
            /** @description The best matches. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: {
                            id: number;
                            username: string | null;
                            slack_username: string | null;
                            github_username: string | null;
                            slack_avatar_url: string | null;
                            github_avatar_url: string | null;
                            /** @description The best-matching email: exact, else prefix, else contains, else the greatest. */
                            email: string;
                            rank_score: number;
                        }[];
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["AdminUnauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description No `query`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    adminConvictUser: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The user (or `id`). */
                    user_id?: number | string;
                    /** @description The user; wins over `user_id`. */
                    id?: number | string;
                    /** @description `blue`, `red`, `green` or `yellow`; anything else (a JSON number too) → `422 read the docs you idiot`. */
                    trust_level?: string;
                    /** @description Required: blank → `422`. */
                    reason?: string;
                    /** @description Optional */
                    notes?: string | null;
                };
            };
        };
        responses: {
            /** @description The level is set (or was already). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        /** @enum {string} */
                        message: "gotcha, updated to blue" | "gotcha, updated to red" | "gotcha, updated to green" | "gotcha, updated to yellow";
                        user: {
                            id: number;
                            /** @description The display name. */
                            username: string;
                            trust_level: components["schemas"]["TrustLevelName"];
                            /** Format: date-time */
                            updated_at: string;
                        };
                        /** @description Made up for the answer (also when nothing was written). */
                        audit_log: {
                            /** @description The caller's display name. */
                            changed_by: string;
                            reason: string;
                            notes: string | null;
                            /** Format: date-time */
                            timestamp: string;
                        };
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["AdminUnauthorized"];
            /** @description A viewer asks; or the caller may not change this user's level (self, equal or higher rank, `red` by a plain admin). */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            404: components["responses"]["AdminUserNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description No user named, no reason, or not a trust level. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    adminListApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The active keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        admin_api_keys: components["schemas"]["AdminApiKey"][];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminCreateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The key's name. */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description The new key, with its token. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        /** @constant */
                        message: "Admin API key created successfully";
                        admin_api_key: {
                            id: number;
                            name: string;
                            token: string;
                            /** Format: date-time */
                            created_at: string;
                        };
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["AdminUnauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description The name is blank or taken. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        error: "Failed to create admin API key";
                        errors: string[];
                    };
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    adminGetApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The row's id. A value that is not a number finds nothing. The route is `…/:id(.:format)`, so one
                 *     `.` starts a format suffix the action ignores (`1.json` is `1`); a second `.`, a leading `.` or a
                 *     `/` leaves the route unmatched (the 404 error page).
                 * @example 1
                 */
                id: components["parameters"]["AdminRowId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminApiKey"];
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            /** @description No key has that id — or the path does not route (the error page). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    adminRevokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The key's id. The route is `…/:id(.:format)`, so one `.` starts a format suffix the action
                 *     ignores (`6.json` is `6`); a second `.`, a leading `.` or a `/` leaves the route unmatched
                 *     (the 404 error page).
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The key is revoked. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        /** @constant */
                        message: "Admin API key has been revoked";
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            /** @description Not one of the caller's keys (and the caller is not an ultraadmin), or no such key. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            404: components["responses"]["RouteNotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminListShadowbans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shadow-banned users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        leaderboard_shadowbans: components["schemas"]["AdminShadowbanUser"][];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["AdminShadowbanForbidden"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminCreateShadowban: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /** @description The user. */
                    user_id?: number | string;
                    /** @description Required; stored stripped. */
                    reason?: string;
                    /**
                     * @description Optional end of the ban, read with `Time.zone.parse` in UTC (blank: no end). Unparsable →
                     *     422; not in the future → 422. On the real server a job lifts the ban then.
                     */
                    leaderboard_shadowban_expires_at?: string | null;
                };
            };
        };
        responses: {
            /** @description The user is hidden. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        message: string;
                        user: components["schemas"]["AdminShadowbanUser"];
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["AdminShadowbanForbidden"];
            404: components["responses"]["AdminShadowbanUserNotFound"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description The expiry does not parse or is not in the future, or the reason is blank. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        error: "Could not update leaderboard shadowban.";
                        errors: string[];
                    };
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    adminSearchShadowbanUsers: {
        parameters: {
            query?: {
                /** @description The search term (stripped). Blank or missing → no users. */
                query?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The matches. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: components["schemas"]["AdminShadowbanUser"][];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["AdminShadowbanForbidden"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminDeleteShadowban: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id. The route is `…/:user_id(.:format)`, so one `.` starts a format suffix the
                 *     action ignores (`1.json` is `1`); a second `.`, a leading `.` or a `/` leaves the route
                 *     unmatched (the 404 error page).
                 */
                user_id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The user is visible again. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        message: string;
                        user: components["schemas"]["AdminShadowbanUser"];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            403: components["responses"]["AdminShadowbanForbidden"];
            404: components["responses"]["AdminShadowbanUserNotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminListTrustLevelAuditLogs: {
        parameters: {
            query?: {
                /** @description Only changes of this user. Unknown → `404 {"error":"User not found"}`. */
                user_id?: string;
                /** @description Only changes made by this user. Unknown → `404 {"error":"Admin not found"}`. */
                admin_id?: string;
                /**
                 * @description Only changes of users whose Slack uid equals the term, whose username, Slack or GitHub name or
                 *     an email contains it (case-insensitive), or whose id equals it.
                 */
                user_search?: string;
                /** @description The same search over the users who made the changes. */
                admin_search?: string;
                /**
                 * @description `to_convicted` (red), `to_trusted` (green), `to_suspected` (yellow) or `to_unscored` (blue):
                 *     only changes to that level. Any other value is ignored.
                 */
                trust_level_filter?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        audit_logs: components["schemas"]["AdminTrustLog"][];
                        total_count: number;
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            /** @description `user_id` or `admin_id` names nobody. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    adminGetTrustLevelAuditLog: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The row's id. A value that is not a number finds nothing. The route is `…/:id(.:format)`, so one
                 *     `.` starts a format suffix the action ignores (`1.json` is `1`); a second `.`, a leading `.` or a
                 *     `/` leaves the route unmatched (the 404 error page).
                 * @example 1
                 */
                id: components["parameters"]["AdminRowId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entry. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user?: unknown;
                    } & WithRequired<components["schemas"]["AdminTrustLog"], "updated_at">;
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            /** @description No entry has that id — or the path does not route (the error page). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    adminListDeletionRequests: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The requests. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pending: components["schemas"]["AdminDeletionRequest"][];
                        approved: components["schemas"]["AdminDeletionRequest"][];
                        completed: components["schemas"]["AdminDeletionRequest"][];
                    };
                };
            };
            401: components["responses"]["AdminSuperadminRequired"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminGetDeletionRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The row's id. A value that is not a number finds nothing. The route is `…/:id(.:format)`, so one
                 *     `.` starts a format suffix the action ignores (`1.json` is `1`); a second `.`, a leading `.` or a
                 *     `/` leaves the route unmatched (the 404 error page).
                 * @example 1
                 */
                id: components["parameters"]["AdminRowId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AdminDeletionRequest"];
                };
            };
            401: components["responses"]["AdminSuperadminRequired"];
            404: components["responses"]["AdminDeletionRequestNotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminApproveDeletionRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's id. A value with a `.` or `/` does not route (the 404 error page). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Approved. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        message: string;
                        deletion_request: components["schemas"]["AdminDeletionRequest"];
                    };
                };
            };
            401: components["responses"]["AdminSuperadminRequired"];
            404: components["responses"]["AdminDeletionRequestNotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminRejectDeletionRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The request's id. A value with a `.` or `/` does not route (the 404 error page). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cancelled. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        /** @constant */
                        message: "Deletion request rejected";
                        deletion_request: components["schemas"]["AdminDeletionRequest"];
                    };
                };
            };
            401: components["responses"]["AdminSuperadminRequired"];
            404: components["responses"]["AdminDeletionRequestNotFound"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminListPermissions: {
        parameters: {
            query?: {
                /**
                 * @description Only users whose Slack uid equals the term, whose username, Slack or GitHub name or an email
                 *     contains it (case-insensitive), or whose id equals it.
                 */
                search?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The staff. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: {
                            id: number;
                            username: string | null;
                            display_name: string;
                            slack_username: string | null;
                            github_username: string | null;
                            admin_level: components["schemas"]["AdminLevel"];
                            email_addresses: string[];
                            /** Format: date-time */
                            created_at: string;
                            /** Format: date-time */
                            updated_at: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["AdminSuperadminRequired"];
            429: components["responses"]["RateLimited"];
        };
    };
    adminUpdatePermission: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description The user's id. The route is `…/:id(.:format)`, so one `.` starts a format suffix the action
                 *     ignores (`1.json` is `1`); a second `.`, a leading `.` or a `/` leaves the route unmatched
                 *     (the 404 error page).
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    admin_level?: components["schemas"]["AdminLevel"];
                };
            };
        };
        responses: {
            /** @description The level is set (or was already). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        message: string;
                        user: {
                            id: number;
                            username: string | null;
                            display_name: string;
                            admin_level: components["schemas"]["AdminLevel"];
                            previous_admin_level: components["schemas"]["AdminLevel"];
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["AdminSuperadminRequired"];
            /** @description The rank rules refuse the change. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            /** @description No user has that id — or the path does not route (the error page). */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            /** @description `admin_level` is missing or not a level name. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    adminCountAuditLogs: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description User ids (numbers or numeric strings). Missing, empty or not an array → 422; an element
                     *     that is not a number makes the query fail (500).
                     */
                    user_ids?: (number | string)[];
                };
            };
        };
        responses: {
            /** @description The counts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        counts: {
                            [key: string]: number;
                        };
                    };
                };
            };
            400: components["responses"]["MalformedBody"];
            401: components["responses"]["AdminUnauthorized"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description No ids. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    introspectOAuthToken: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Form-encoded (RFC 7662) or JSON; both are read the same way. */
        requestBody: {
            content: {
                "application/x-www-form-urlencoded": components["schemas"]["OAuthRevokeRequest"];
                "application/json": components["schemas"]["OAuthRevokeRequest"];
            };
        };
        responses: {
            /** @description The call was authorized; whether the token is active, and if so what it grants. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthIntrospection"];
                };
            };
            /**
             * @description `invalid_request`: the call is not authorized at all (no client credentials and no Bearer
             *     token), or two client-authentication methods or identities; or a malformed JSON body (the
             *     error page's `{"error": "Bad Request", …}`).
             */
            400: {
                headers: {
                    "Cache-Control": components["headers"]["DoorkeeperCacheControl"];
                    /** @description On the OAuth error only (not on the malformed-body page), Doorkeeper's challenge. */
                    "WWW-Authenticate"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            /**
             * @description `invalid_client`: the client credentials do not authenticate an app. `invalid_token`: the
             *     Bearer token authorizing the call is revoked, expired, the token asked about, or another
             *     app's than the token asked about (or that token is missing or unknown).
             */
            401: {
                headers: {
                    "Cache-Control": components["headers"]["DoorkeeperCacheControl"];
                    "WWW-Authenticate": components["headers"]["DoorkeeperChallenge"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            413: components["responses"]["PayloadTooLarge"];
            429: components["responses"]["RateLimited"];
        };
    };
    getOAuthTokenInfo: {
        parameters: {
            query?: never;
            header?: {
                /** @description `Bearer <access token>`. Anything else is answered `401 invalid_token`. */
                Authorization?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The token is usable; its record. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthTokenInfo"];
                };
            };
            /** @description No usable token (missing, unknown, revoked or expired). */
            401: {
                headers: {
                    "Cache-Control": components["headers"]["DoorkeeperCacheControl"];
                    "WWW-Authenticate": components["headers"]["DoorkeeperChallenge"];
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OAuthError"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    revokeKey: {
        parameters: {
            query?: never;
            header?: {
                /** @description `Bearer <revocation key>`, `Token <key>` or `Token token="<key>"`; anything else is answered with the `302`. */
                Authorization?: string;
            };
            path?: never;
            cookie?: never;
        };
        /** @description JSON or form; `token` may also come in the query string. */
        requestBody?: {
            content: {
                "application/json": {
                    /**
                     * @description The leaked key.
                     * @example 0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d
                     */
                    token?: unknown;
                };
                "application/x-www-form-urlencoded": {
                    token?: string;
                };
            };
        };
        responses: {
            /**
             * @description Revoked. `token_type` is the key's **name** (not a type); `key_name` (the name before
             *     revocation) only for an admin key; `owner_email` (the owner's first email) is left out when the
             *     owner has none.
             */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: true;
                        /** @constant */
                        status: "complete";
                        /** @example Hackatime key */
                        token_type: string;
                        /** @example orpheus@hackclub.com */
                        owner_email?: string;
                        /** @example CI key */
                        key_name?: string;
                    };
                };
            };
            /**
             * @description No revocation key, or a wrong one: a redirect to
             *     `https://www.youtube.com/watch?v=dQw4w9WgXcQ` with an empty body.
             */
            302: {
                headers: {
                    Location: "https://www.youtube.com/watch?v=dQw4w9WgXcQ";
                    [name: string]: unknown;
                };
                content?: never;
            };
            400: components["responses"]["MalformedBody"];
            413: components["responses"]["PayloadTooLarge"];
            /** @description The token is blank, of no supported format, unknown or already revoked. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @constant */
                        success: false;
                        /** @enum {string} */
                        error: "Token is required" | "Token doesn't match any supported type" | "Token is invalid or already revoked";
                    };
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    redirectHackatimeRoot: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the site's home page. */
            302: {
                headers: {
                    /**
                     * @description `<scheme>://<host>/` of the request (`https://hackatime.hackclub.com/` in production).
                     * @example https://hackatime.hackclub.com/
                     */
                    Location: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            429: components["responses"]["RateLimited"];
        };
    };
    getAdminUserHeartbeats: {
        parameters: {
            query?: {
                /**
                 * @description The user's id (also read from a JSON body). Wins over `user_id` when both are sent. Missing or
                 *     blank (and no `user_id`) → `422 {"error":"who?"}`; no such user (a non-numeric value included) →
                 *     `404 {"error":"user not found"}`. This check runs before any other.
                 * @example 1
                 */
                id?: components["parameters"]["AdminTargetId"];
                /** @description The user's id when `id` is not sent (same rules as `id`). */
                user_id?: components["parameters"]["AdminTargetUserId"];
                /** @description Page size, default 1000; read with `to_i` and clamped to 1–5000 (`limit=` and `limit=abc` mean 1). */
                limit?: string;
                /** @description Rows to skip, default 0; read with `to_i`, negatives mean 0. */
                offset?: string;
                /**
                 * @description Lower bound, inclusive (`time >= start`). All digits: epoch seconds (13 digits or more: milliseconds,
                 *     divided by 1000), between 0 and 253402300799. Anything else goes through Ruby's `Date.parse`
                 *     (`2026-08-22`, `22 Aug 2026`, `2026-08-22T10:00` all mean that date) and means 00:00:00 UTC of that
                 *     date. Blank means not given. Anything else → `422 {"error":"invalid start_date"}`, checked before
                 *     `end_date`.
                 */
                start_date?: components["parameters"]["AdminStartDate"];
                /**
                 * @description Upper bound, inclusive (`time <= end`), read like `start_date`; a date means 23:59:59 UTC of that
                 *     date. Unreadable → `422 {"error":"invalid end_date"}`.
                 */
                end_date?: components["parameters"]["AdminEndDate"];
                /** @description Only heartbeats of exactly this project (when not blank). */
                project?: string;
                /** @description Only heartbeats of exactly this language (when not blank). */
                language?: string;
                /** @description Only heartbeats of exactly this entity (when not blank). */
                entity?: string;
                /** @description Only heartbeats of exactly this editor (when not blank). */
                editor?: string;
                /** @description Only heartbeats of exactly this machine (when not blank). */
                machine?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the user's heartbeats. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_id: number;
                        heartbeats: components["schemas"]["AdminHeartbeat"][];
                        total_count: number;
                        has_more: boolean;
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminUserNotFound"];
            /** @description No user id, or a date the server cannot read. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    getAdminUserHeartbeatValues: {
        parameters: {
            query: {
                /**
                 * @description The user's id (also read from a JSON body). Wins over `user_id` when both are sent. Missing or
                 *     blank (and no `user_id`) → `422 {"error":"who?"}`; no such user (a non-numeric value included) →
                 *     `404 {"error":"user not found"}`. This check runs before any other.
                 * @example 1
                 */
                id?: components["parameters"]["AdminTargetId"];
                /** @description The user's id when `id` is not sent (same rules as `id`). */
                user_id?: components["parameters"]["AdminTargetUserId"];
                /**
                 * @description Which column: `projects`, `languages`, `entities`, `branches`, `categories`, `editors`,
                 *     `machines`, `user_agents` or `ips`. Missing or anything else → `422 {"error":"invalid field"}`
                 *     (after the user is found). `ips` makes the server raise (`500`) when the user has an address
                 *     in the window.
                 * @example languages
                 */
                field: "languages" | "projects" | "entities" | "branches" | "categories" | "editors" | "machines" | "user_agents" | "ips";
                /** @description At most this many values before empty strings are dropped; default 5000, `to_i`, clamped to 1–5000. */
                limit?: string;
                /**
                 * @description Lower bound, inclusive (`time >= start`). All digits: epoch seconds (13 digits or more: milliseconds,
                 *     divided by 1000), between 0 and 253402300799. Anything else goes through Ruby's `Date.parse`
                 *     (`2026-08-22`, `22 Aug 2026`, `2026-08-22T10:00` all mean that date) and means 00:00:00 UTC of that
                 *     date. Blank means not given. Anything else → `422 {"error":"invalid start_date"}`, checked before
                 *     `end_date`.
                 */
                start_date?: components["parameters"]["AdminStartDate"];
                /**
                 * @description Upper bound, inclusive (`time <= end`), read like `start_date`; a date means 23:59:59 UTC of that
                 *     date. Unreadable → `422 {"error":"invalid end_date"}`.
                 */
                end_date?: components["parameters"]["AdminEndDate"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The values, as sorted by the database. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_id: number;
                        /** @description `field` as sent. */
                        field: string;
                        values: string[];
                        /** @description The length of `values`. */
                        count: number;
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminUserNotFound"];
            /** @description No user id, an unknown `field`, or a date the server cannot read. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getAdminUsersByIp: {
        parameters: {
            query: {
                /**
                 * @description The address. Blank or missing → `422 {"error":"bro dont got the ip"}`.
                 * @example 203.0.113.10
                 */
                ip: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who used the address, with which machine and user agent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: {
                            user_id: number;
                            ip_address: string | null;
                            machine: string | null;
                            user_agent: string | null;
                        }[];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            /** @description No `ip`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["MockIndexTooLarge"];
        };
    };
    getAdminUsersByMachine: {
        parameters: {
            query: {
                /**
                 * @description The machine name, exact. Blank or missing → `422 {"error":"bro dont got the machine"}`.
                 * @example demo-macbook
                 */
                machine: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Who used the machine name. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: {
                            user_id: number;
                            machine: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            /** @description No `machine`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["MockIndexTooLarge"];
        };
    };
    getAdminUserStats: {
        parameters: {
            query?: {
                /**
                 * @description The user's id (also read from a JSON body). Wins over `user_id` when both are sent. Missing or
                 *     blank (and no `user_id`) → `422 {"error":"who?"}`; no such user (a non-numeric value included) →
                 *     `404 {"error":"user not found"}`. This check runs before any other.
                 * @example 1
                 */
                id?: components["parameters"]["AdminTargetId"];
                /** @description The user's id when `id` is not sent (same rules as `id`). */
                user_id?: components["parameters"]["AdminTargetUserId"];
                /**
                 * @description The UTC day, read with Ruby's `Date.parse` (default today) when neither `start_date` nor
                 *     `end_date` is sent. Unreadable → `422 {"error":"Invalid date."}`.
                 */
                date?: string;
                /**
                 * @description Lower bound, inclusive (`time >= start`). All digits: epoch seconds (13 digits or more: milliseconds,
                 *     divided by 1000), between 0 and 253402300799. Anything else goes through Ruby's `Date.parse`
                 *     (`2026-08-22`, `22 Aug 2026`, `2026-08-22T10:00` all mean that date) and means 00:00:00 UTC of that
                 *     date. Blank means not given. Anything else → `422 {"error":"invalid start_date"}`, checked before
                 *     `end_date`.
                 */
                start_date?: components["parameters"]["AdminStartDate"];
                /**
                 * @description Upper bound, inclusive (`time <= end`), read like `start_date`; a date means 23:59:59 UTC of that
                 *     date. Unreadable → `422 {"error":"invalid end_date"}`.
                 */
                end_date?: components["parameters"]["AdminEndDate"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The window's heartbeats and totals. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_id: number;
                        /** @description The display name */
                        username: string;
                        /** Format: date */
                        start_date: string;
                        /** Format: date */
                        end_date: string;
                        timezone: string;
                        heartbeats: components["schemas"]["AdminStatsHeartbeat"][];
                        total_heartbeats: number;
                        /** @description Seconds under the 2-minute rule. */
                        total_duration: number;
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminUserNotFound"];
            /** @description No user id, or a date the server cannot read. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getAdminUserProjects: {
        parameters: {
            query?: {
                /**
                 * @description The user's id (also read from a JSON body). Wins over `user_id` when both are sent. Missing or
                 *     blank (and no `user_id`) → `422 {"error":"who?"}`; no such user (a non-numeric value included) →
                 *     `404 {"error":"user not found"}`. This check runs before any other.
                 * @example 1
                 */
                id?: components["parameters"]["AdminTargetId"];
                /** @description The user's id when `id` is not sent (same rules as `id`). */
                user_id?: components["parameters"]["AdminTargetUserId"];
                /**
                 * @description Lower bound, inclusive (`time >= start`). All digits: epoch seconds (13 digits or more: milliseconds,
                 *     divided by 1000), between 0 and 253402300799. Anything else goes through Ruby's `Date.parse`
                 *     (`2026-08-22`, `22 Aug 2026`, `2026-08-22T10:00` all mean that date) and means 00:00:00 UTC of that
                 *     date. Blank means not given. Anything else → `422 {"error":"invalid start_date"}`, checked before
                 *     `end_date`.
                 */
                start_date?: components["parameters"]["AdminStartDate"];
                /**
                 * @description Upper bound, inclusive (`time <= end`), read like `start_date`; a date means 23:59:59 UTC of that
                 *     date. Unreadable → `422 {"error":"invalid end_date"}`.
                 */
                end_date?: components["parameters"]["AdminEndDate"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The projects. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_id: number;
                        /** @description The display name. */
                        username: string;
                        projects: {
                            name: string;
                            total_heartbeats: number;
                            total_duration: number;
                            /**
                             * Format: double
                             * @description Epoch seconds of the earliest heartbeat.
                             */
                            first_heartbeat: number;
                            /** Format: double */
                            last_heartbeat: number;
                            /** @description Distinct, ascending. */
                            languages: string[];
                            /** @description The project's repository mapping URL. */
                            repo: string | null;
                            repo_mapping_id: number | null;
                            archived: boolean;
                        }[];
                        total_projects: number;
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            404: components["responses"]["AdminUserNotFound"];
            /** @description No user id, or a date the server cannot read. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getAdminQuantizedVisualization: {
        parameters: {
            query: {
                /**
                 * @description The year, read with `to_i` (non-numeric → 0, still answered). Missing → `422 {"error":"invalid parameters"}`.
                 * @example 2026
                 */
                year: string;
                /**
                 * @description The month, `to_i`; missing or outside 1–12 → `422 {"error":"invalid parameters"}`.
                 * @example 8
                 */
                month: string;
            };
            header?: never;
            path: {
                /**
                 * @description The user's id (read like an integer column: unknown or non-numeric → `404 {"error":"user not
                 *     found"}`). A segment with a dot does not route.
                 */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The month's days. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        days: {
                            /** @description UTC midnight of the day. */
                            date_timestamp_s: number;
                            /**
                             * Format: double
                             * @description A Float (a SQL `SUM` over gaps of the float `time` column); the Integer `0` for a day without heartbeats (`daily_totals[day] || 0`).
                             */
                            total_seconds: number;
                            points: {
                                /** Format: double */
                                time: number;
                                lineno: number | null;
                                cursorpos: number | null;
                            }[];
                        }[];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            /** @description No user has that id, or the path does not route. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"] | components["schemas"]["ErrorPage"];
                    "text/html": components["schemas"]["ErrorPageHtml"];
                };
            };
            /** @description Year or month missing, or the month outside 1–12. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    getAdminAltCandidates: {
        parameters: {
            query?: {
                /**
                 * @description How many days back to look (`lookback_days.days.ago`): default 30, read with `to_i` and clamped to
                 *     1–365, so an empty or non-numeric value means 1. Never an error.
                 */
                lookback_days?: components["parameters"]["AdminLookbackDays"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pairs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        candidates: {
                            user_a_id: number;
                            user_b_id: number;
                            machine: string;
                            ip_address: string;
                            /** Format: double */
                            user_a_first_seen_on_combo: number;
                            /** Format: double */
                            user_a_last_seen_on_combo: number;
                            /** Format: double */
                            user_b_first_seen_on_combo: number;
                            /** Format: double */
                            user_b_last_seen_on_combo: number;
                        }[];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["MockIndexTooLarge"];
        };
    };
    getAdminAltSharedMachines: {
        parameters: {
            query?: {
                /**
                 * @description How many days back to look (`lookback_days.days.ago`): default 30, read with `to_i` and clamped to
                 *     1–365, so an empty or non-numeric value means 1. Never an error.
                 */
                lookback_days?: components["parameters"]["AdminLookbackDays"];
                /**
                 * @description At most this many rows: absent or blank → 1000; read with `to_i`; zero, negative or non-numeric →
                 *     1000; above 10 000 → 10 000. Never an error.
                 */
                limit?: components["parameters"]["AdminSharedLimit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shared machines. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        machines: {
                            machine: string;
                            machine_frequency: number;
                            /** @example {4,11} */
                            user_ids: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["MockIndexTooLarge"];
        };
    };
    getAdminActiveUsers: {
        parameters: {
            query?: {
                /**
                 * @description Epoch seconds, read with `to_i` (absent or non-numeric → 0); never earlier than 90 days ago.
                 *     Negative → `422 {"error":"invalid since parameter"}` (checked by the server).
                 */
                since?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The ids. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        user_ids: number[];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            /** @description A negative `since`. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            503: components["responses"]["MockIndexTooLarge"];
        };
    };
    getAdminHeartbeatsByUserAgentSegment: {
        parameters: {
            query: {
                /**
                 * @description Text to look for in the user agent, at least 3 characters after stripping. Missing or blank →
                 *     `422 {"error":"segment parameter required"}`; shorter → `422 {"error":"segment must be at least 3 characters"}`.
                 * @example vscode-wakatime
                 */
                segment: string;
                /** @description Only this user's heartbeats (when not blank; a non-numeric value matches nothing). */
                user_id?: string;
                /**
                 * @description Lower bound, inclusive (`time >= start`). All digits: epoch seconds (13 digits or more: milliseconds,
                 *     divided by 1000), between 0 and 253402300799. Anything else goes through Ruby's `Date.parse`
                 *     (`2026-08-22`, `22 Aug 2026`, `2026-08-22T10:00` all mean that date) and means 00:00:00 UTC of that
                 *     date. Blank means not given. Anything else → `422 {"error":"invalid start_date"}`, checked before
                 *     `end_date`.
                 */
                start_date?: components["parameters"]["AdminStartDate"];
                /**
                 * @description Upper bound, inclusive (`time <= end`), read like `start_date`; a date means 23:59:59 UTC of that
                 *     date. Unreadable → `422 {"error":"invalid end_date"}`.
                 */
                end_date?: components["parameters"]["AdminEndDate"];
                /** @description Page size, default 1000, `to_i`, clamped to 1–5000. */
                limit?: string;
                /** @description Rows to skip, default 0, `to_i`, negatives mean 0. */
                offset?: string;
                /**
                 * @description Rails' boolean cast: `false`, `0`, `f`, `off` (and their upper-case forms) or empty mean false,
                 *     any other value true → the body is `{"segment", "total_count"}`.
                 */
                count_only?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of matching heartbeats, or their count. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        segment: string;
                        limit: number;
                        offset: number;
                        heartbeats: {
                            id: number;
                            user_id: number;
                            /** Format: double */
                            time: number;
                            project: string | null;
                            language: string | null;
                            entity: string | null;
                            branch: string | null;
                            category: string | null;
                            editor: string | null;
                            machine: string | null;
                            operating_system: string | null;
                            user_agent: string;
                            ip_address: string | null;
                            is_write: boolean | null;
                            lineno: number | null;
                            cursorpos: number | null;
                            lines: number | null;
                            /** @enum {string} */
                            source_type: "direct_entry" | "wakapi_import" | "test_entry";
                        }[];
                        has_more: boolean;
                    } | {
                        segment: string;
                        total_count: number;
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            /** @description No segment, a segment under 3 characters, or a date the server cannot read. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    getAdminIpMachinePairs: {
        parameters: {
            query?: {
                /**
                 * @description How many days back to look (`lookback_days.days.ago`): default 30, read with `to_i` and clamped to
                 *     1–365, so an empty or non-numeric value means 1. Never an error.
                 */
                lookback_days?: components["parameters"]["AdminLookbackDays"];
                /**
                 * @description At most this many rows: absent or blank → 1000; read with `to_i`; zero, negative or non-numeric →
                 *     1000; above 10 000 → 10 000. Never an error.
                 */
                limit?: components["parameters"]["AdminSharedLimit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The pairs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        pairs: {
                            user_a_id: number;
                            user_b_id: number;
                            machine: string;
                            ip_address: string;
                            /** Format: double */
                            user_a_first_seen: number;
                            /** Format: double */
                            user_a_last_seen: number;
                            /** Format: double */
                            user_b_first_seen: number;
                            /** Format: double */
                            user_b_last_seen: number;
                        }[];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["MockIndexTooLarge"];
        };
    };
    getAdminHeartbeatSharedMachines: {
        parameters: {
            query?: {
                /**
                 * @description How many days back to look (`lookback_days.days.ago`): default 30, read with `to_i` and clamped to
                 *     1–365, so an empty or non-numeric value means 1. Never an error.
                 */
                lookback_days?: components["parameters"]["AdminLookbackDays"];
                /**
                 * @description At most this many rows: absent or blank → 1000; read with `to_i`; zero, negative or non-numeric →
                 *     1000; above 10 000 → 10 000. Never an error.
                 */
                limit?: components["parameters"]["AdminSharedLimit"];
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The shared machines. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        machines: {
                            machine: string;
                            machine_frequency: number;
                            /** @example {4,11} */
                            user_ids: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            429: components["responses"]["RateLimited"];
            503: components["responses"]["MockIndexTooLarge"];
        };
    };
    getAdminTimeline: {
        parameters: {
            query?: {
                /**
                 * @description The day, read with Ruby's `Date.parse` (`2026-08-22`, `22 Aug 2026`); absent → today (UTC).
                 *     Present but unreadable, **empty included** → `422 {"error":"Invalid date format"}`; over 128
                 *     characters the parser raises another error, which escapes the action (`500`).
                 */
                date?: string;
                /** @description Comma-separated user ids (each read with `to_i`, repeats dropped). */
                user_ids?: string;
                /** @description Comma-separated Slack UIDs (the first 20), added after `user_ids`. */
                slack_uids?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The day's users and their spans. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date */
                        date: string;
                        /** Format: date */
                        next_date: string;
                        /** Format: date */
                        prev_date: string;
                        users: {
                            user: {
                                id: number;
                                username: string | null;
                                display_name: string;
                                slack_username: string | null;
                                github_username: string | null;
                                timezone: string | null;
                                avatar_url: string;
                            };
                            spans: {
                                /** Format: double */
                                start_time: number;
                                /** Format: double */
                                end_time: number;
                                /** Format: double */
                                duration: number;
                                /** @description Base names of the entities, unique. */
                                files_edited: string[];
                                projects_edited_details: {
                                    name: string;
                                    repo_url: string | null;
                                }[];
                                editors: string[];
                                languages: string[];
                            }[];
                            total_coded_time: number;
                        }[];
                        commit_markers: {
                            user_id: number;
                            /** Format: double */
                            timestamp: number;
                            additions: number | null;
                            deletions: number | null;
                            github_url: string;
                        }[];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            /** @description A date that cannot be read. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
            500: components["responses"]["InternalError"];
        };
    };
    getAdminTimelineSearchUsers: {
        parameters: {
            query: {
                /**
                 * @description What to look for. Missing or blank (white space only) → `422 {"error":"Query parameter is required"}`.
                 * @example demo
                 */
                query: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The best matches first. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: components["schemas"]["AdminUserSummary"][];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            /** @description No query. */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Error"];
                };
            };
            429: components["responses"]["RateLimited"];
        };
    };
    getAdminTimelineLeaderboardUsers: {
        parameters: {
            query?: {
                /** @description `last_7_days` for the weekly board; anything else, or nothing, means the daily one. Never an error. */
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The caller, then the board's users. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        users: components["schemas"]["AdminUserSummary"][];
                    };
                };
            };
            401: components["responses"]["AdminUnauthorized"];
            429: components["responses"]["RateLimited"];
        };
    };
}
type WithRequired<T, K extends keyof T> = T & {
    [P in K]-?: T[P];
};
