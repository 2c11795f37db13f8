// Small display helpers for register data.

/** Visual tone of a status badge. */
export type StatusTone = 'active' | 'draft' | 'retired' | 'neutral';

const TONES: Record<string, StatusTone> = {
  active: 'active',
  approved: 'active',
  in_use: 'active',
  draft: 'draft',
  in_review: 'draft',
  planned: 'draft',
  retired: 'retired',
  archived: 'retired',
  discontinued: 'retired',
};

/** `"in_review"` → `"In review"`; keeps anything it does not recognise readable. */
export function statusLabel(status: string): string {
  const words = status.trim().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').toLowerCase();
  return words.length === 0 ? '—' : words.charAt(0).toUpperCase() + words.slice(1);
}

/** The badge tone for a status code; unknown codes are neutral. */
export function statusTone(status: string): StatusTone {
  const key = status.trim().toLowerCase().replace(/[\s-]+/g, '_');
  return TONES[key] ?? 'neutral';
}

/** `"activity"` / `"activities"` with the count in front. */
export function countLabel(count: number, singular: string, plural: string): string {
  return `${count} ${count === 1 ? singular : plural}`;
}
