import { calculateCallCost } from './call-cost';

describe(calculateCallCost.name, () => {
  it('takes combined_cost in cents and keeps the per-product breakdown', () => {
    const sut = calculateCallCost({
      combined_cost: 70.5,
      total_duration_seconds: 120,
      product_costs: [
        { product: 'elevenlabs_tts', cost: 60, unit_price: 0.5 },
        { product: 'gpt_4o', cost: 10.5, unitPrice: 0.0875 },
      ],
    });
    expect(sut).toEqual({
      totalCents: 70.5,
      totalDurationSeconds: 120,
      items: [
        { product: 'elevenlabs_tts', costCents: 60, unitPrice: 0.5 },
        { product: 'gpt_4o', costCents: 10.5, unitPrice: 0.0875 },
      ],
    });
  });

  it('sums the products when combined_cost is missing', () => {
    expect(
      calculateCallCost({
        product_costs: [
          { product: 'a', cost: 1.25 },
          { product: 'b', cost: 2 },
        ],
      })?.totalCents,
    ).toBe(3.25);
  });

  it.each([undefined, null, {}, { combined_cost: 'free' }, { product_costs: 'x' }])(
    'stores nothing for %p',
    (input) => {
      expect(calculateCallCost(input as never)).toBeNull();
    },
  );

  it('ignores malformed items instead of failing', () => {
    expect(calculateCallCost({ combined_cost: 5, product_costs: [null, 3, { cost: 'x' }] })?.items).toEqual([
      { product: 'unknown', costCents: 0, unitPrice: null },
    ]);
  });
});
