// Number formatting shared by the lab's tables: fixed decimals so shown values can be checked against each other.
export const ms = (x: number) => x.toFixed(2);
export const ratio = (x: number) => x.toFixed(2);
export const percent = (x: number) => `${(x * 100).toFixed(0)}%`;
