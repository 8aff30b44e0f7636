/**
 * Birth dates as written in the inputs → ISO `yyyy-mm-dd`. Formats: `dd/mm/yyyy` (AAF, Pronote partner
 * export, EDT `DATE_NAISS`: DOMAIN.md), `yyyy-mm-dd` (ONDE extractions, RapprochementSSO `xs:date`),
 * with `-` or `.` as separators, and a time part ignored. Day first: French files never put the month first.
 */
export function parseDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T].*)?$/.exec(v);
  if (match) {
    d = Number(match[1]);
    m = Number(match[2]);
    y = Number(match[3]);
  } else {
    match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T].*)?$/.exec(v) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(v);
    if (!match) return undefined;
    y = Number(match[1]);
    m = Number(match[2]);
    d = Number(match[3]);
  }
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
