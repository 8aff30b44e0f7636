/**
 * The paths inside `value` that are not plain data (strings, numbers, booleans, null, undefined,
 * arrays and plain objects): a DOM element, a Map, a function… `[]` when the value is values only,
 * as the snapshots handed to the rules must be.
 */
export function notPlainData(value: unknown, path = '$'): string[] {
  if (value === null || value === undefined) return [];
  const type = typeof value;
  if (type === 'string' || type === 'number' || type === 'boolean') return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => notPlainData(v, `${path}[${i}]`));
  if (type === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value as object).flatMap(([k, v]) => notPlainData(v, `${path}.${k}`));
  }
  return [path];
}
