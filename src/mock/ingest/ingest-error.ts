/**
 * @module
 * Why one heartbeat was rejected: the real server answers the exception's message and class name as
 * `{"error": message, "type": class}` with 422, per item.
 */

export const INVALID_TIME = 'HeartbeatIngest::InvalidHeartbeatTime';
export const RANGE_ERROR = 'ActiveModel::RangeError';

export class IngestFailure extends Error {
  override readonly name = 'IngestFailure';
  constructor(
    message: string,
    /** The Ruby exception class the real server names in `type`. */
    readonly type: string,
  ) {
    super(message);
  }

  get body(): { error: string; type: string } {
    return { error: this.message, type: this.type };
  }
}

/** How Ruby names a value's class in `NoMethodError` / `TypeError` messages (Ruby ≥ 3.4 wording). */
function rubyClassOf(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (value === true) return 'true';
  if (value === false) return 'false';
  if (typeof value === 'number') return Number.isInteger(value) ? 'Integer' : 'Float';
  if (typeof value === 'string') return 'String';
  if (Array.isArray(value)) return 'Array';
  return 'Hash';
}

/** `NoMethodError` for calling `method` on `value`: "undefined method 'gsub' for an instance of Integer". */
export function noMethodError(method: string, value: unknown): IngestFailure {
  const cls = rubyClassOf(value);
  const receiver = cls === 'nil' || cls === 'true' || cls === 'false' ? cls : `an instance of ${cls}`;
  return new IngestFailure(`undefined method '${method}' for ${receiver}`, 'NoMethodError');
}

/** `TypeError` of an implicit conversion: "no implicit conversion of Integer into String". */
export function conversionError(value: unknown, into: string): IngestFailure {
  return new IngestFailure(`no implicit conversion of ${rubyClassOf(value)} into ${into}`, 'TypeError');
}
