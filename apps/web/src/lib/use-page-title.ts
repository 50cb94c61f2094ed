import { useEffect } from 'react';

/** Every page names itself in the browser tab and to screen readers. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · Homegroup`;
  }, [title]);
}
