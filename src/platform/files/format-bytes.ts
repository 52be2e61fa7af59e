/** "20 MB", "23.4 MB", "512 KB": one decimal at most; rounding direction keeps "over the limit" visible. */
export function formatBytes(bytes: number, round: 'up' | 'down' = 'up'): string {
  const units = ['bytes', 'KB', 'MB', 'GB'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  if (unit === 0) return bytes === 1 ? '1 byte' : `${bytes} bytes`;
  const tenths = round === 'up' ? Math.ceil(value * 10 - 1e-9) : Math.floor(value * 10 + 1e-9);
  const shown = tenths % 10 === 0 ? String(tenths / 10) : (tenths / 10).toFixed(1);
  return `${shown} ${units[unit]}`;
}
