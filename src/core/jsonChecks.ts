// Small combinators for the hand-written JSON validators (the sidecar's, the decisions file's): each check appends
// `path: reason` errors, so the user sees every problem at once and where it is.

export type Obj = Record<string, unknown>;
/**
 * Where a value is: a string, or a field or item of another place, spelled out only when an error names it (`${path}`):
 * a valid file of thousands of items then builds no path strings at all.
 */
export type Path = string | Place;
export type Check = (v: unknown, path: Path, errors: string[]) => void;

class Place {
  constructor(
    private readonly parent: Path,
    private readonly key: string | number,
  ) {}

  toString(): string {
    return typeof this.key === 'number' ? `${String(this.parent)}[${this.key}]` : `${String(this.parent)}.${this.key}`;
  }
}

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export const str =
  (opts: { min?: number; max?: number; pattern?: RegExp } = {}): Check =>
  (v, path, errors) => {
    if (typeof v !== 'string') return void errors.push(`${path}: must be a string`);
    if (opts.min !== undefined && v.length < opts.min) errors.push(`${path}: must not be empty`);
    if (opts.max !== undefined && v.length > opts.max) errors.push(`${path}: must be at most ${opts.max} characters`);
    if (opts.pattern && !opts.pattern.test(v)) errors.push(`${path}: must match ${opts.pattern.source}`);
  };
export const nullable =
  (inner: Check): Check =>
  (v, path, errors) => {
    if (v !== null) inner(v, path, errors);
  };
export const offset: Check = (v, path, errors) => {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) errors.push(`${path}: must be an integer >= 0`);
};
export const oneOf =
  (values: readonly (string | null)[]): Check =>
  (v, path, errors) => {
    if (!values.includes(v as string)) errors.push(`${path}: must be one of ${values.map(x => JSON.stringify(x)).join(', ')}`);
  };
export const arrayOf =
  (item: Check, opts: { min?: number } = {}): Check =>
  (v, path, errors) => {
    if (!Array.isArray(v)) return void errors.push(`${path}: must be an array`);
    if (opts.min !== undefined && v.length < opts.min) errors.push(`${path}: must have at least ${opts.min} item${opts.min === 1 ? '' : 's'}`);
    v.forEach((x, i) => item(x, new Place(path, i), errors));
  };
export const object = (required: Record<string, Check>, optional: Record<string, Check> = {}): Check => {
  // listed once, not per object checked (a sidecar has thousands of annotations)
  const requiredChecks = Object.entries(required);
  const optionalChecks = Object.entries(optional);
  return (v, path, errors) => {
    if (!isObj(v)) return void errors.push(`${path}: must be an object`);
    // own keys only: `in` would also find what every object inherits, and let "__proto__", "constructor" or
    // "toString" through as if the format listed them (then drop them on the next write)
    for (const [k, check] of requiredChecks) {
      if (!Object.hasOwn(v, k)) errors.push(`${path}.${k}: is required`);
      else check(v[k], new Place(path, k), errors);
    }
    for (const [k, check] of optionalChecks) if (Object.hasOwn(v, k)) check(v[k], new Place(path, k), errors);
    for (const k of Object.keys(v)) if (!Object.hasOwn(required, k) && !Object.hasOwn(optional, k)) errors.push(`${path}.${k}: is not allowed`);
  };
};
