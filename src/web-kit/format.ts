/**
 * Display formats for dates, times and sizes (the same in both languages: ISO-like and unambiguous).
 * Instants are shown in China time (UTC+8), whatever the browser's time zone: deadlines and records are
 * kept in 北京时间, and an official abroad or a machine set to UTC must read the same time as the
 * ministry. A plain calendar date (YYYY-MM-DD) is shown as it is.
 */
const CHINA = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

function chinaParts(value: string | Date): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> | null {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return null;
  const parts = Object.fromEntries(CHINA.formatToParts(d).map((p) => [p.type, p.value]));
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string>;
}

export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return '—';
  if (typeof value === 'string' && PLAIN_DATE.test(value)) return value;
  const p = chinaParts(value);
  return p ? `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}` : '—';
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return '—';
  if (typeof value === 'string' && PLAIN_DATE.test(value)) return value;
  const p = chinaParts(value);
  return p ? `${p.year}-${p.month}-${p.day}` : '—';
}

export function formatTime(value: Date): string {
  const p = chinaParts(value);
  return p ? `${p.hour}:${p.minute}:${p.second}` : '—';
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
