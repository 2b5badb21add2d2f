/**
 * The data table of a distribution chart: one row per group (a target dimension, say, and one for
 * all), one column per category (an attainment status, say), each cell a count. The accessible twin
 * of the chart above it — the ministry's overview (达成总览) and the dashboards (统计看板) show their
 * status distribution with it. Each page hands in its labels, caption, test ids and table classes.
 */
export interface DistributionRow<K extends string> {
  key: string;
  label: string;
  counts: Record<K, number>;
}

export interface DistributionTableProps<K extends string> {
  rows: readonly DistributionRow<K>[];
  /** The columns after the first, in order (e.g. ATTAINMENT_STATUSES). */
  columns: readonly K[];
  /** Each column's heading. */
  columnLabels: Record<K, string>;
  /** The heading of the first column (what a row is). */
  rowHeader: string;
  caption: string;
  testId: string;
  /** The test id of a row from its key. */
  rowTestId: (key: string) => string;
  className: string;
  captionClassName: string;
}

export function DistributionTable<K extends string>({ rows, columns, columnLabels, rowHeader, caption, testId, rowTestId, className, captionClassName }: DistributionTableProps<K>) {
  return (
    <table className={className} data-testid={testId}>
      <caption className={captionClassName}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {columns.map((c) => (
            <th scope="col" key={c} className="num">
              {columnLabels[c]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid={rowTestId(r.key)}>
            <th scope="row">{r.label}</th>
            {columns.map((c) => (
              <td key={c} className="num">
                {r.counts[c]}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
