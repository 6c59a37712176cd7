import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import { BarChart, LineChart } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the dashboard draws, so the chunk carries a fraction of ECharts.
use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** Dark enough on white for AA text contrast. */
export const PALETTE = ['#0b4f9c', '#8f1d1d', '#2e6b30', '#6a3d9a', '#8a5a00', '#00616e'];

/**
 * One ECharts chart drawn as SVG. Its text alternative is `summary` (role=img); the page shows the same figures in a
 * table beside it, which is what a screen reader or a keyboard user reads.
 */
export function Chart({ option, summary, height = 320 }: { option: ChartOption; summary: string; height?: number }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = init(el.current!, null, { renderer: 'svg' });
    chart.setOption({ color: PALETTE, textStyle: { color: '#1a1a1a' }, animation: false, ...option });
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(el.current!);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} className="dash-chart" role="img" aria-label={summary} style={{ height }} />;
}
