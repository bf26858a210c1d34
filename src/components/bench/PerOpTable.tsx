// One row per operator type, one column per model; each cell a figure with a bar for its share.
interface Cell {
  text: string;
  /** Secondary figure shown dimmed after the text. */
  dim?: string;
  /** 0..1: width of the bar under the figure. */
  share: number;
}

interface Props {
  testId: string;
  opHeader: string;
  columns: { id: string; label: string }[];
  ops: string[];
  /** The cell of column `col` for `op`, or null when that model has no such op. */
  cell: (col: number, op: string) => Cell | null;
}

export default function PerOpTable({ testId, opHeader, columns, ops, cell }: Props) {
  return (
    <div class="bl-table-wrap">
      <table class="bl-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{opHeader}</th>
            {columns.map((c) => (
              <th scope="col" key={c.id}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {ops.map((op) => (
            <tr key={op}>
              <th scope="row">
                <code>{op}</code>
              </th>
              {columns.map((c, i) => {
                const v = cell(i, op);
                return (
                  <td key={c.id}>
                    {v ? (
                      <>
                        {v.text}
                        {v.dim ? <> <span class="bl-dim">{v.dim}</span></> : null}
                        <span class="bl-bar" style={{ width: `${Math.round(v.share * 100)}%` }} aria-hidden="true" />
                      </>
                    ) : (
                      '–'
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
