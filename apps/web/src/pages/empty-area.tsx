import type { ReactNode } from 'react';
import { usePageTitle } from '../lib/use-page-title';

/** A page whose area has no records yet: says what will be here and what to do meanwhile. */
export function EmptyArea(props: { title: string; lead: string; children?: ReactNode }) {
  usePageTitle(props.title);
  return (
    <>
      <h1>{props.title}</h1>
      <p className="lead">{props.lead}</p>
      <div className="empty-state">{props.children}</div>
    </>
  );
}
