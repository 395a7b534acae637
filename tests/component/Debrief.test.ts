import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Debrief from '../../src/ui/components/Debrief.svelte';
import { setLang } from '../../src/ui/locale.svelte.ts';
import { failedResult, mugCase, realPathOfMug } from './fixtures.ts';

beforeEach(() => setLang('en'));

function renderDebrief(onrestart = () => {}) {
  return render(Debrief, { case: mugCase, result: failedResult, realPath: realPathOfMug, onrestart });
}

describe('Debrief', () => {
  it('says what happened and that the attempt failed, with the reasons', () => {
    renderDebrief();
    expect(screen.getByRole('heading', { level: 2, name: 'Resolved' })).toBeInTheDocument();
    expect(screen.getByTestId('verdict')).toHaveTextContent('Not passed');
    expect(screen.getByText('A critical rule was broken: P-OFFPLATFORM.')).toBeInTheDocument();
    expect(screen.getByText('Compliance 50 is below the pass mark of 80.')).toBeInTheDocument();
    expect(screen.getByText('Full refund of USD 20.00, paid by the seller')).toBeInTheDocument();
  });

  it('lists each violation with its rule text, severity, source and as-of date', () => {
    renderDebrief();
    const section = screen.getByRole('region', { name: 'Rules broken' });
    expect(within(section).getByText('P-OFFPLATFORM')).toBeInTheDocument();
    expect(within(section).getByText('critical')).toBeInTheDocument();
    expect(within(section).getByText('Never pay or refund outside the platform.')).toBeInTheDocument();
    expect(within(section).getByRole('link', { name: 'example.com/rules' })).toHaveAttribute(
      'href',
      'https://example.com/rules',
    );
    expect(within(section).getByRole('link', { name: 'example.org/help' })).toBeInTheDocument();
    expect(within(section).getByText(/as of Aug 25, 2020/)).toBeInTheDocument();
    expect(within(section).getByText('Turn 1')).toBeInTheDocument();
  });

  it('puts the learner’s replies beside the real seller’s and marks where they differ', () => {
    renderDebrief();
    const section = screen.getByRole('region', { name: 'Your replies beside the real seller’s' });
    const turns = within(section).getAllByRole('listitem');
    expect(turns).toHaveLength(2);

    expect(within(turns[0]).getByText('Different from the real seller')).toBeInTheDocument();
    expect(within(turns[0]).getByText('Pay me on PayPal and I will refund you there.')).toBeInTheDocument();
    expect(within(turns[0]).getByText('I am so sorry. Could you send a photo?')).toBeInTheDocument();
    expect(within(turns[0]).getByText('Feedback on opening.2')).toBeInTheDocument();

    expect(within(turns[1]).getByText('Same as the real seller')).toBeInTheDocument();
    expect(within(turns[1]).getByText('Thank you. We will refund you through the dispute.')).toBeInTheDocument();
  });

  it('shows the analysis and key phrases, and offers to play again', async () => {
    const onrestart = vi.fn();
    renderDebrief(onrestart);
    expect(screen.getByText('Apologise, then settle it on the platform.')).toBeInTheDocument();
    expect(screen.getByText("I'm sorry to hear that.")).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Play again' }));
    expect(onrestart).toHaveBeenCalledOnce();
    expect(screen.getByRole('link', { name: 'All cases' })).toHaveAttribute('href', '#/');
  });

  it('reads in Chinese when the UI is Chinese', () => {
    setLang('zh-CN');
    renderDebrief();
    expect(screen.getByRole('heading', { level: 2, name: '已解决' })).toBeInTheDocument();
    expect(screen.getByText('不得在平台外付款或退款。')).toBeInTheDocument();
    expect(screen.getByText('全额退款 USD 20.00，由卖家出资')).toBeInTheDocument();
  });
});
