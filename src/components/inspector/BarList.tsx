// A labelled horizontal bar per item, scaled to the largest value (operators, bytes per type).
interface Item {
  label: string;
  value: number;
  /** Text shown after the bar, e.g. the count or the size. */
  valueText: string;
  detail?: string;
}

export default function BarList({ items, caption }: { items: Item[]; caption: string }) {
  const max = Math.max(1, ...items.map((i) => i.value));
  return (
    <table class="insp-bars">
      <caption>{caption}</caption>
      <tbody>
        {items.map((item) => (
          <tr key={item.label}>
            <th scope="row">{item.label}</th>
            <td class="insp-bar-cell">
              <span class="insp-bar" style={{ width: `${Math.max(0.5, (100 * item.value) / max)}%` }} aria-hidden="true" />
            </td>
            <td class="insp-bar-value">
              {item.valueText}
              {item.detail && <span class="insp-bar-detail">{item.detail}</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
