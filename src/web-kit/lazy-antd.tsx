/**
 * Ant Design components loaded when first drawn, for pages that show them only on some tab, in some
 * state or inside a popup (the work queue's status filter on its "all" tab, the notification list in the
 * bell's popover): such a page does not download them with itself. Same props and type parameters as
 * antd's own; for their other statics (Select.Option, Typography.Title…) import antd's.
 */
import type { Select as AntSelect, Typography as AntTypography } from 'antd';
import { lazy, Suspense, type ComponentProps, type ComponentType } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component type: the wrapper takes on the loaded one's type
function whenLoaded<C extends ComponentType<any>>(load: () => Promise<{ default: ComponentType<ComponentProps<C>> }>): C {
  const Real = lazy(load);
  function WhenLoaded(props: ComponentProps<C>) {
    return (
      <Suspense fallback={null}>
        <Real {...props} />
      </Suspense>
    );
  }
  return WhenLoaded as unknown as C;
}

export const LazySelect = whenLoaded<typeof AntSelect>(() => import('antd/es/select'));

export const LazyTypography = {
  Text: whenLoaded<typeof AntTypography.Text>(() => import('antd/es/typography').then((m) => ({ default: m.default.Text }))),
};
