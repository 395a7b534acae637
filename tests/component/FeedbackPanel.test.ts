import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import FeedbackPanel from '../../src/ui/components/FeedbackPanel.svelte';
import RuleItem from '../../src/ui/components/RuleItem.svelte';
import { setLang } from '../../src/ui/locale.svelte.ts';
import { get, nth } from '../fixtures/present.ts';
import { failedResult, mugCase } from './fixtures.ts';

beforeEach(() => setLang('en'));

const firstStep = nth(failedResult.path, 0, 'the first step');

describe('FeedbackPanel', () => {
  it('shows the change, the feedback and the rule broken, and focuses Continue', async () => {
    const oncontinue = vi.fn();
    render(FeedbackPanel, { case: mugCase, step: firstStep, oncontinue });
    expect(screen.getByText('Satisfaction +10, now 50')).toBeInTheDocument();
    expect(screen.getByText('Feedback on opening.2')).toBeInTheDocument();
    expect(screen.getByText('P-OFFPLATFORM')).toBeInTheDocument();
    expect(screen.getByText('critical')).toBeInTheDocument();
    expect(screen.getByText('Never pay or refund outside the platform.')).toBeInTheDocument();

    const button = screen.getByRole('button', { name: 'Continue' });
    await vi.waitFor(() => expect(button).toHaveFocus());
    expect(button).toHaveAccessibleDescription(/Satisfaction \+10, now 50.*Feedback on opening\.2/);
    await fireEvent.click(button);
    expect(oncontinue).toHaveBeenCalledOnce();
  });
});

describe('RuleItem kind', () => {
  const withKind = (kind: 'platform' | 'course' | undefined) => ({
    ...mugCase,
    platform: 'TestMart',
    rules: { 'P-OFFPLATFORM': { ...get(mugCase.rules, 'P-OFFPLATFORM'), ...(kind && { kind }) } },
  });

  it("names the platform for the platform's own rule and says when a rule is a course standard, in both languages", () => {
    const oncontinue = vi.fn();
    const first = render(FeedbackPanel, { case: withKind('platform'), step: firstStep, oncontinue });
    expect(screen.getByText('TestMart rule')).toBeInTheDocument();
    first.unmount();

    const second = render(FeedbackPanel, { case: withKind('course'), step: firstStep, oncontinue });
    expect(screen.getByText('Course standard')).toBeInTheDocument();
    second.unmount();

    setLang('zh-CN');
    render(FeedbackPanel, { case: withKind('course'), step: firstStep, oncontinue });
    expect(screen.getByText('课程标准')).toBeInTheDocument();
  });

  it('shows no kind when the rulebook gives none', () => {
    const { container } = render(FeedbackPanel, { case: withKind(undefined), step: firstStep, oncontinue: vi.fn() });
    expect(container.querySelector('.kind')).toBeNull();
  });
});

describe('RuleItem source date', () => {
  const rule = get(mugCase.rules, 'P-OFFPLATFORM');
  const dateText = (dates: { asOf?: string; consulted?: string }) => {
    const { asOf: _, ...undated } = rule;
    const { container, unmount } = render(RuleItem, { id: rule.id, severity: rule.severity, rule: { ...undated, ...dates }, withSource: true });
    const text = container.querySelector('.as-of')?.textContent;
    unmount();
    return text;
  };
  const asOfText = (asOf: string) => dateText({ asOf });

  it("shows the source's own date, and for a source without one says so instead of showing a date", () => {
    expect(asOfText('2020-08-25')).toBe('(as of Aug 25, 2020)');
    expect(asOfText('')).toBe('(date not given)');
    expect(asOfText('not a date')).toBe('(date not given)');
    setLang('zh-CN');
    expect(asOfText('')).toBe('(未注明日期)');
  });

  it('shows a month-only source date as the month, never as its first day', () => {
    expect(asOfText('2020-08')).toBe('(as of Aug 2020)');
    setLang('zh-CN');
    expect(asOfText('2020-08')).toBe('(截至 2020年8月)');
  });

  it('says an undated source is undated and when it was consulted, never "as of" that day', () => {
    expect(dateText({ consulted: '2026-12-05' })).toBe('(undated; consulted Dec 5, 2026)');
    // A source's own date is what "as of" means, even when the rulebook also says when it was read.
    expect(dateText({ asOf: '2020-08-25', consulted: '2026-12-05' })).toBe('(as of Aug 25, 2020)');
    setLang('zh-CN');
    expect(dateText({ consulted: '2026-12-05' })).toBe('(未注明日期；2026年12月5日查阅)');
    expect(dateText({})).toBe('(未注明日期)');
  });
});
