import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDelta, formatMoney, minorDigits, parseCaseTime } from '../../src/ui/format.ts';

// Intl puts a no-break space between code and number; compare with plain spaces.
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('money', () => {
  it('formats integer minor units with the currency code', () => {
    expect(plain(formatMoney({ amount: 8000, currency: 'USD' }, 'en'))).toBe('USD 80.00');
    expect(plain(formatMoney({ amount: 689, currency: 'EUR' }, 'zh-CN'))).toBe('EUR 6.89');
  });

  it('knows currencies without cents', () => {
    expect(minorDigits('JPY')).toBe(0);
    expect(plain(formatMoney({ amount: 1500, currency: 'JPY' }, 'en'))).toBe('JPY 1,500');
  });

  it('still shows the number for an unknown currency code', () => {
    expect(formatMoney({ amount: 1234, currency: 'XX' }, 'en')).toBe('XX 12.34');
  });
});

describe('dates', () => {
  it('reads zone-less case times as UTC, whatever the machine’s zone', () => {
    expect(parseCaseTime('2018-05-03T22:30:51')?.toISOString()).toBe('2018-05-03T22:30:51.000Z');
    expect(parseCaseTime('2018-05-03 22:30')?.toISOString()).toBe('2018-05-03T22:30:00.000Z');
    expect(parseCaseTime('2018-04-30')?.toISOString()).toBe('2018-04-30T00:00:00.000Z');
    expect(parseCaseTime('not a date')).toBeUndefined();
  });

  it('formats a date in the UI language', () => {
    expect(formatDate('2018-04-30', 'en')).toBe('Apr 30, 2018');
    expect(formatDate('2018-04-30', 'zh-CN')).toBe('2018年4月30日');
  });

  it('shows the time as written, with seconds only when the author gave them', () => {
    expect(formatDateTime('2018-05-03T22:30:51', 'en')).toContain('22:30:51');
    expect(formatDateTime('2018-05-03T23:59', 'en')).toContain('23:59');
    expect(formatDateTime('2018-05-03T23:59', 'en')).not.toContain('23:59:');
    expect(formatDateTime('2018-05-03T22:30:51', 'zh-CN')).toContain('2018年5月3日');
  });

  it('shows an unreadable date as written rather than "Invalid Date"', () => {
    expect(formatDate('sometime', 'en')).toBe('sometime');
  });
});

describe('satisfaction changes', () => {
  it('signs them, with a real minus', () => {
    expect(formatDelta(10)).toBe('+10');
    expect(formatDelta(-15)).toBe('−15');
    expect(formatDelta(0)).toBe('±0');
  });
});
