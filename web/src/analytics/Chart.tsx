// One ECharts bar chart (tree-shaken: bars, grid, tooltip, legend, canvas). Drawn on a canvas,
// so it is an image to assistive technology: every chart has its numbers in a table beside it.
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TooltipComponent } from "echarts/components";
import * as echarts from "echarts/core";
import { CanvasRenderer } from "echarts/renderers";
import { useEffect, useRef } from "react";

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface Series {
  name: string;
  /** null draws no bar (a hidden or unknown count). */
  values: (number | null)[];
  stack?: string;
}

export function Bars({ label, categories, series }: { label: string; categories: string[]; series: Series[] }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = echarts.init(element.current);
    chart.setOption({
      animation: false,
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 48 },
      xAxis: { type: "category", data: categories, axisLabel: { interval: 0, rotate: categories.length > 4 ? 30 : 0 } },
      yAxis: { type: "value" },
      series: series.map((s) => ({ type: "bar", name: s.name, data: s.values, stack: s.stack })),
    });
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [categories, series]);
  return <div ref={element} className="chart" role="img" aria-label={`${label}（数据见下表）`} data-testid="chart" />;
}
