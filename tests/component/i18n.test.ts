import { afterEach, describe, expect, it } from 'vitest';
import { pickText, t, textLang, translate, tn } from '../../src/ui/i18n.ts';
import { detectLang, locale, setLang } from '../../src/ui/locale.svelte.ts';
import { tOutcome } from '../../src/ui/components/outcome-strings.ts';

afterEach(() => setLang('zh-CN'));

describe('UI language', () => {
  it('prefers the stored choice, then a Chinese or English browser, then English', () => {
    expect(detectLang('en', ['zh-CN'])).toBe('en');
    expect(detectLang(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(detectLang(null, ['en-GB'])).toBe('en');
    expect(detectLang(null, ['fr-FR', 'zh'])).toBe('zh-CN');
    expect(detectLang('klingon', ['fr-FR'])).toBe('en');
  });

  it('switches, remembers the choice and sets <html lang>', () => {
    setLang('en');
    expect(locale.lang).toBe('en');
    expect(localStorage.getItem('dispute-desk:lang')).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(t('nav.back')).toBe('All cases');
    // A table loaded with its components follows the same choice.
    expect(tOutcome('feedback.continue')).toBe('Continue');
    setLang('zh-CN');
    expect(t('nav.back')).toBe('全部案例');
    expect(tOutcome('feedback.continue')).toBe('继续');
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'case.minutes', { n: 3 })).toBe('About 3 min');
    expect(translate('en', 'case.minutes')).toBe('About {n} min');
  });

  it('counts in English and not in Chinese', () => {
    setLang('en');
    expect(tn('meter.violations', 1)).toBe('1 rule broken');
    expect(tn('meter.violations', 2)).toBe('2 rules broken');
    setLang('zh-CN');
    expect(tn('meter.violations', 2)).toBe('违规 2 次');
  });
});

describe('case texts', () => {
  it('shows the UI language when the author wrote it', () => {
    expect(pickText({ zh: '已发货', en: 'Shipped' }, 'zh-CN')).toBe('已发货');
    expect(pickText({ zh: '已发货', en: 'Shipped' }, 'en')).toBe('Shipped');
  });

  it('falls back to whichever language exists', () => {
    expect(pickText({ zh: '只有中文' }, 'en')).toBe('只有中文');
    expect(textLang({ zh: '只有中文' }, 'en')).toBe('zh');
    expect(pickText({ en: 'English only' }, 'zh-CN')).toBe('English only');
    expect(pickText(undefined, 'en')).toBe('');
  });
});
