import { Link } from 'react-router';
import { usePageTitle } from '../lib/use-page-title';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1>Page not found</h1>
      <p className="lead">
        There is no page at this address. It may have moved, or the link may be mistyped.
      </p>
      <p>
        <Link to="/">Go to Today</Link>
      </p>
    </>
  );
}
