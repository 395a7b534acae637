/** What the learner sees while playing: hints on the replies, the mood and compliance bar. */
import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Replies from '../../src/ui/components/Replies.svelte';
import StatusBar from '../../src/ui/components/StatusBar.svelte';
import { setLang } from '../../src/ui/locale.svelte.ts';
import { mugCase } from './fixtures.ts';
import { get } from '../fixtures/present.ts';

beforeEach(() => setLang('en'));

const replies = get(mugCase.nodes, 'opening').replies.map((r, i) =>
  i === 0 ? { ...r, hint: { en: '<p>Ask for evidence first.</p>', zh: '<p>先要证据。</p>' } } : r,
);

describe('Replies', () => {
  it('shows a reply’s hint inside its button only when hints are on', () => {
    const { unmount } = render(Replies, { replies, onchoose: vi.fn() });
    expect(screen.queryByText('Ask for evidence first.')).toBeNull();
    unmount();
    render(Replies, { replies, onchoose: vi.fn(), hints: true });
    expect(screen.getByRole('button', { name: /Could you send a photo\?.*Hint: Ask for evidence first\./ })).toBeInTheDocument();
  });

  it('shows the decision point’s hint above the replies only when hints are on', () => {
    const hint = { en: '<p>Check the order date first.</p>', zh: '<p>先看下单日期。</p>' };
    const plain = get(mugCase.nodes, 'opening').replies;
    const { unmount } = render(Replies, { replies: plain, hint, onchoose: vi.fn() });
    expect(screen.queryByText('Check the order date first.')).toBeNull();
    unmount();
    render(Replies, { replies: plain, hint, onchoose: vi.fn(), hints: true });
    expect(screen.getByText('Check the order date first.')).toBeInTheDocument();
    expect(screen.queryByText('No hints for these replies.')).toBeNull();
  });

  it('says that feedback comes in the debrief when it is deferred', () => {
    render(Replies, { replies, onchoose: vi.fn(), deferred: true });
    expect(screen.getByText('Feedback on your replies comes in the debrief.')).toBeInTheDocument();
  });
});

describe('StatusBar', () => {
  const violations = [{ rule: 'P-OFFPLATFORM', severity: 'critical' as const, turn: 1, node: 'opening', reply: 'opening.2' }];

  it('shows the mood in words and numbers and the compliance badge with what was broken', () => {
    render(StatusBar, { satisfaction: 35, mood: 'upset', compliance: 50, violations, pass: mugCase.pass, delta: -5 });
    expect(screen.getByText('Upset')).toBeInTheDocument();
    expect(screen.getByTestId('satisfaction')).toHaveTextContent('35');
    expect(screen.getByText('last reply −5')).toBeInTheDocument();
    expect(screen.getByTestId('compliance-badge')).toHaveTextContent(/Compliance\s*50.*critical rule broken/);
  });

  it('keeps compliance for the debrief when feedback is deferred', () => {
    render(StatusBar, { satisfaction: 35, mood: 'upset', compliance: 50, violations, pass: mugCase.pass, deferred: true });
    expect(screen.getByTestId('compliance-badge')).toHaveTextContent(/Compliance\s*shown in the debrief/);
    expect(screen.queryByTestId('compliance')).toBeNull();
    expect(screen.queryByText(/critical/)).toBeNull();
  });

  it('withholds the mood, the satisfaction number and its change when feedback is deferred', () => {
    render(StatusBar, { satisfaction: 35, mood: 'upset', compliance: 50, violations, pass: mugCase.pass, deferred: true, delta: -5 });
    expect(screen.queryByTestId('satisfaction')).toBeNull();
    expect(screen.queryByText('Upset')).toBeNull();
    expect(screen.queryByText('last reply −5')).toBeNull();
    expect(screen.getByTestId('mood-withheld')).toHaveTextContent('read it in their messages; scores come in the debrief');
  });
});
