import { CallCost } from './call.entity';

/** Retell's `call.call_cost`; older payloads spell the unit price `unitPrice`. */
export interface RetellCallCost {
  combined_cost?: unknown;
  total_duration_seconds?: unknown;
  product_costs?: unknown;
}

const finite = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The only code that turns Retell's cost report into stored cents and a breakdown. */
export function calculateCallCost(cost: RetellCallCost | null | undefined): CallCost | null {
  if (!cost || typeof cost !== 'object') return null;
  const items = (Array.isArray(cost.product_costs) ? cost.product_costs : [])
    .filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    .map((item) => ({
      product: typeof item.product === 'string' ? item.product.slice(0, 100) : 'unknown',
      costCents: finite(item.cost) ?? 0,
      unitPrice: finite(item.unit_price) ?? finite(item.unitPrice),
    }));
  const combined = finite(cost.combined_cost);
  if (combined === null && items.length === 0) return null;
  const totalCents = combined ?? items.reduce((sum, item) => sum + item.costCents, 0);
  return {
    totalCents: Math.round(totalCents * 10_000) / 10_000,
    items,
    totalDurationSeconds: finite(cost.total_duration_seconds),
  };
}
