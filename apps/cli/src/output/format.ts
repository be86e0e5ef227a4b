/** Small formatting helpers shared by the commands' human output. */

/** A Unix-seconds time as ISO 8601. */
export function isoFromSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}

/** A duration in seconds as `3d 4h`, `5m 10s`, `42s`. */
export function humanDuration(totalSeconds: number): string {
  const seconds = Math.abs(Math.round(totalSeconds));
  const units: [number, string][] = [
    [86_400, 'd'],
    [3_600, 'h'],
    [60, 'm'],
    [1, 's'],
  ];
  const parts: string[] = [];
  let rest = seconds;
  for (const [size, unit] of units) {
    if (rest >= size && parts.length < 2) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    } else if (parts.length > 0) break;
  }
  return parts.length === 0 ? '0s' : parts.join(' ');
}

/** Milliseconds for a report: `12 ms`, `1.24 s`. */
export function formatMilliseconds(milliseconds: number): string {
  return milliseconds < 1000 ? `${Math.max(0, Math.round(milliseconds))} ms` : `${(milliseconds / 1000).toFixed(2)} s`;
}

/** Aligned `label  value` rows, indented by two spaces. */
export function keyValueRows(rows: readonly (readonly [string, string])[], label: (text: string) => string = (text) => text): string[] {
  const width = Math.max(...rows.map(([key]) => key.length));
  return rows.map(([key, value]) => `  ${label(key.padEnd(width))}  ${value}`);
}
