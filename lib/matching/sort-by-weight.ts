/**
 * Sorts scored candidates by weight, best first, keeping the order of equal weights (as the
 * stable `Array.prototype.sort` does, so proposals do not depend on which sort ran). Most lists
 * hold a few candidates: an insertion sort allocates nothing, where the built-in sort copies each
 * list; lists longer than 32 use the built-in sort.
 *
 * `list`: objects with a numeric weight `w` (bits; never NaN). Sorted in place.
 */
export function sortByWeight<T extends { w: number }>(list: T[]): void {
  if (list.length > 32) {
    list.sort((a, b) => b.w - a.w);
    return;
  }
  for (let i = 1; i < list.length; i++) {
    const c = list[i];
    let j = i - 1;
    while (j >= 0 && list[j].w < c.w) {
      list[j + 1] = list[j];
      j--;
    }
    list[j + 1] = c;
  }
}
