'use client';

import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { InkSummary } from '../../services/records/ink-summary';
import { useT } from '../providers';

/** Speed (left axis) and pressure (right axis, 0..1) against time since the first sample, drawn with uPlot. */
export function InkPlots({ series, testId }: { series: InkSummary['series']; testId: string }) {
  const { t } = useT();
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!host.current) return;
    const plot = new uPlot(
      {
        width: 520,
        height: 220,
        title: t('records.plots'),
        scales: { x: { time: false }, p: { range: [0, 1] } },
        axes: [
          { label: 'ms' },
          { label: 'speed (units/s)', scale: 'v' },
          { label: 'pressure', scale: 'p', side: 1, grid: { show: false } },
        ],
        series: [
          { label: 't (ms)' },
          { label: 'speed', scale: 'v', stroke: '#0b6bcb', width: 1.5, points: { show: false } },
          { label: 'pressure', scale: 'p', stroke: '#b54708', width: 1.5, points: { show: false } },
        ],
      },
      [series.t, series.speed, series.pressure],
      host.current,
    );
    return () => plot.destroy();
  }, [series, t]);
  return <div ref={host} data-testid={testId} data-points={series.t.length} className="ink-plots" />;
}
