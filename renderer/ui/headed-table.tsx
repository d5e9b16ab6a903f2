import type { ReactNode } from 'react';

// The console's tables and the SOC panel's share one shape: a row of column headings, then the body
// (one <tbody>, or several: the wall-health table groups its rows by node).
export function HeadedTable({ className, headings, children }: { className?: string; headings: readonly ReactNode[]; children: ReactNode }) {
  return (
    <table className={className}>
      <thead>
        <tr>
          {headings.map((h, i) => (
            <th key={i}>{h}</th>
          ))}
        </tr>
      </thead>
      {children}
    </table>
  );
}
