import { type ComponentType, lazy, Suspense } from 'react';

/**
 * A page whose code is fetched the first time it is opened, with a quiet "Loading…" meanwhile.
 * `name` is the module's named export.
 */
export function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): ComponentType {
  const Page = lazy(async () => {
    const page: ComponentType = (await load())[name];
    return { default: page };
  });
  return function LazyPage() {
    return (
      <Suspense fallback={<p className="muted page-loading">Loading…</p>}>
        <Page />
      </Suspense>
    );
  };
}
