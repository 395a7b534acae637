import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import Meters from '../../src/ui/components/Meters.svelte';
import { setLang } from '../../src/ui/locale.svelte.ts';

beforeEach(() => setLang('en'));

describe('Meters', () => {
  it('shows satisfaction as a mood word and a number, not colour alone', () => {
    render(Meters, { satisfaction: 35, mood: 'upset', compliance: 80, violations: 1 });
    expect(screen.getByText('Buyer satisfaction')).toBeInTheDocument();
    expect(screen.getByText('Upset')).toBeInTheDocument();
    expect(screen.getByTestId('satisfaction')).toHaveTextContent('35');
  });

  it('shows compliance as a number with the count of rules broken', () => {
    render(Meters, { satisfaction: 35, mood: 'upset', compliance: 80, violations: 1 });
    expect(screen.getByText('Policy compliance')).toBeInTheDocument();
    expect(screen.getByTestId('compliance')).toHaveTextContent('80');
    expect(screen.getByText(/1 rule broken/)).toBeInTheDocument();
  });

  it('shows the pass marks when given', () => {
    render(Meters, {
      satisfaction: 70,
      mood: 'pleased',
      compliance: 100,
      violations: 0,
      pass: { minSatisfaction: 60, minCompliance: 80, criticalFails: true },
    });
    expect(screen.getByText('pass mark 60')).toBeInTheDocument();
    expect(screen.getByText(/pass mark 80/)).toBeInTheDocument();
  });

  it('follows the UI language', () => {
    setLang('zh-CN');
    render(Meters, { satisfaction: 85, mood: 'delighted', compliance: 100, violations: 0 });
    expect(screen.getByText('买家满意度')).toBeInTheDocument();
    expect(screen.getByText('非常满意')).toBeInTheDocument();
  });
});
