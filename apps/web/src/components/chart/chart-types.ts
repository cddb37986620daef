export interface ChartScale {
  id: string;
  label: string;
  range?: [number, number];
  format?: (value: number) => string;
}

export interface ChartSeries {
  label: string;
  scale: string;
  /** A CSS custom property holding the colour, e.g. `--chart-yes`. */
  colorVar: string;
  values: (number | null)[];
  dash?: number[];
  /** Drawn as steps: the value holds until the next point. */
  step?: boolean;
}

export interface ChartProps {
  x: number[];
  xLabel: string;
  /** x values are unix seconds, labelled as UTC times. */
  xTime?: boolean;
  /** One or two y scales; the first gets the left axis. */
  scales: ChartScale[];
  series: ChartSeries[];
  height?: number;
}
