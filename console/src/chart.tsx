import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useRef } from 'preact/hooks';

export interface Series {
  label: string;
  values: Array<number | null>;
  color: string;
}

/**
 * A day-by-day line chart (uPlot). It is drawn on a canvas, so the same figures are always given beside it as a
 * table; the chart itself is labelled for assistive technology.
 */
export function DayChart({ title, days, series }: { title: string; days: string[]; series: Series[] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!box.current) return;
    const width = Math.max(280, Math.min(box.current.clientWidth || 600, 900));
    const x = days.map((day) => Date.parse(`${day}T12:00:00Z`) / 1000);
    const plot = new uPlot(
      {
        width,
        height: 220,
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, width: 2, spanGaps: true }))],
        axes: [{}, {}],
        scales: { x: { time: true } },
      },
      [x, ...series.map((s) => s.values)],
      box.current,
    );
    return () => plot.destroy();
  }, [days.join(), JSON.stringify(series)]);
  return <figure class="chart" role="img" aria-label={title} ref={box} data-chart={title} />;
}
