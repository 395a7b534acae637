import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Debrief from '../../src/ui/components/Debrief.svelte';
import { setLang } from '../../src/ui/locale.svelte.ts';
import { failedResult, mugCase, passedResult, played, realPathOfMug } from './fixtures.ts';
import { nth } from '../fixtures/present.ts';

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
    expect(within(section).getByText(/Turn 1, compliance −50/)).toBeInTheDocument();
  });

  it('lines up the learner’s replies with the model answer by the buyer’s message, and marks where they differ', () => {
    renderDebrief();
    const section = screen.getByRole('region', { name: 'Your path beside the model answer and the best' });
    const rows = [...section.querySelectorAll<HTMLElement>('li.turn')];
    expect(rows).toHaveLength(2);
    // Each row shows the buyer's message being answered.
    expect(within(nth(rows, 0)).getByText('My mug arrived broken.')).toBeInTheDocument();
    expect(within(nth(rows, 1)).getByText('Here is the photo.')).toBeInTheDocument();

    expect(within(nth(rows, 0)).getByText('Different from the model answer')).toBeInTheDocument();
    expect(within(nth(rows, 0)).getByText('Pay me on PayPal and I will refund you there.')).toBeInTheDocument();
    expect(within(nth(rows, 0)).getByText('I am so sorry. Could you send a photo?')).toBeInTheDocument();

    expect(within(nth(rows, 1)).getByText('Same as the model answer')).toBeInTheDocument();
    // The same reply chosen by both is shown once, naming both paths.
    expect(within(nth(rows, 1)).getAllByText('Thank you. We will refund you through the dispute.')).toHaveLength(1);
    // An invented case never calls a path the real seller's.
    expect(within(section).queryByText('Real seller')).toBeNull();
    expect(section).not.toHaveTextContent(/real seller’s path|as the real seller/i);
  });

  it('lines rows up by message when one path answers a message the other never saw', () => {
    // The learner asked for a second photo, so they answered "Here is the photo." twice.
    const detour = played(['opening.2', 'photo.3', 'photo.1']);
    render(Debrief, { case: mugCase, result: detour, realPath: [{ node: 'photo', reply: 'photo.1' }], onrestart: () => {} });
    const section = screen.getByRole('region', { name: 'Your path beside the model answer and the best' });
    const rows = [...section.querySelectorAll<HTMLElement>('li.turn')];
    expect(rows.map((r) => r.dataset.node)).toEqual(['opening', 'photo', 'photo']);
    // The model answer answered "Here is the photo." at its turn 1, beside the learner's turn 2.
    expect(rows[0]).toHaveTextContent('Did not answer this message: Model answer');
    expect(rows[1]).toHaveTextContent(/Your path \(turn 2\)/);
    expect(rows[1]).toHaveTextContent(/Model answer \(turn 1\)/);
    expect(within(nth(rows, 1)).getByText('Different from the model answer')).toBeInTheDocument();
  });

  it('calls the marked path the real seller’s only in a case that names its source', () => {
    render(Debrief, { case: { ...mugCase, source: 'A published teaching case' }, result: failedResult, realPath: realPathOfMug, onrestart: () => {} });
    const section = screen.getByRole('region', { name: 'Your path beside the real seller’s and the best' });
    expect(within(section).getAllByText('Real seller').length).toBeGreaterThan(0);
    expect(within(section).getByText('Different from the real seller')).toBeInTheDocument();
  });

  it('says from which turn no pass was possible, worked out by the path check', () => {
    renderDebrief();
    // Turn 1 broke a critical rule: nothing after it could pass.
    expect(screen.getByTestId('pass-lost-at')).toHaveTextContent('From turn 1 on, no pass was possible');
    const feedback = screen.getByRole('region', { name: 'Turn-by-turn feedback' });
    expect(within(feedback).getAllByTestId('pass-lost')).toHaveLength(1);
  });

  it('names the best path beside the learner’s and the real seller’s, with how each scored', () => {
    render(Debrief, {
      case: mugCase,
      result: failedResult,
      realPath: realPathOfMug,
      realResult: passedResult,
      best: passedResult,
      onrestart: () => {},
    });
    const section = screen.getByRole('region', { name: 'Your path beside the model answer and the best' });
    const cards = within(section).getAllByRole('listitem').filter((li) => li.classList.contains('summary'));
    expect(cards.map((li) => li.querySelector('.name')?.textContent?.trim())).toEqual(['●Your path', '◆Model answer', '★Best path']);
    expect(cards[0]).toHaveTextContent(/Not passed/);
    expect(cards[2]).toHaveTextContent(/Passed.*Resolved.*compliance 100/i);
    expect(within(section).getByText('The model answer is also the best path.')).toBeInTheDocument();
    // Where the model answer and the best path chose the same reply, one block names both.
    const blocks = [...section.querySelectorAll('.block')].map((b) => b.getAttribute('data-who'));
    expect(blocks).toEqual(['yours', 'real best', 'yours real best']);
    expect(section.querySelectorAll('.block')[1]).toHaveTextContent(/Model answer \(turn 1\), ◆?\s*★?Best path/);
  });

  it('gives the feedback turn by turn, with the rules each reply broke', () => {
    renderDebrief();
    const section = screen.getByRole('region', { name: 'Turn-by-turn feedback' });
    expect(within(section).getByText('Feedback on opening.2')).toBeInTheDocument();
    expect(within(section).getByText('Satisfaction +10, now 50')).toBeInTheDocument();
    expect(within(section).getByText('P-OFFPLATFORM')).toBeInTheDocument();
    expect(within(section).getByText('Feedback on photo.1')).toBeInTheDocument();
  });

  it('draws satisfaction over the turns with a sentence and a table saying the same', async () => {
    renderDebrief();
    expect(screen.getByText(/Satisfaction went from 40 to 75 in 2 turns; the pass mark is 60\./)).toBeInTheDocument();
    const toggle = screen.getByRole('button', { name: 'Show as a table' });
    await fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    const cells = (r: HTMLElement) => [...r.querySelectorAll('th, td')].map((c) => c.textContent?.trim());
    expect(rows.map(cells)).toEqual([
      ['Turn', 'Change', 'Satisfaction', 'Rules broken'],
      ['Start', '', '40', ''],
      ['1', '+10', '50', 'P-OFFPLATFORM'],
      ['2', '+25', '75', ''],
    ]);
  });

  it('shows the analysis and key phrases, and offers to play again', async () => {
    const onrestart = vi.fn();
    renderDebrief(onrestart);
    expect(screen.getByText('Apologise, then settle it on the platform.')).toBeInTheDocument();
    expect(screen.getByText("I'm so sorry.")).toBeInTheDocument();
    expect(screen.getByText('非常抱歉。')).toBeInTheDocument();
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
