import { describe, expect, it } from 'vitest';
import { countLabel, statusLabel, statusTone } from './format';

describe('statusLabel', () => {
  it('turns status codes into sentence case', () => {
    expect(statusLabel('active')).toBe('Active');
    expect(statusLabel('in_review')).toBe('In review');
    expect(statusLabel('  ARCHIVED ')).toBe('Archived');
  });

  it('shows a dash for an empty status', () => {
    expect(statusLabel('')).toBe('—');
  });
});

describe('statusTone', () => {
  it('maps known statuses and falls back to neutral', () => {
    expect(statusTone('Active')).toBe('active');
    expect(statusTone('in review')).toBe('draft');
    expect(statusTone('retired')).toBe('retired');
    expect(statusTone('something-else')).toBe('neutral');
  });
});

describe('countLabel', () => {
  it('uses the singular only for one', () => {
    expect(countLabel(0, 'activity', 'activities')).toBe('0 activities');
    expect(countLabel(1, 'activity', 'activities')).toBe('1 activity');
    expect(countLabel(12, 'activity', 'activities')).toBe('12 activities');
  });
});
