/**
 * Ant Design's App as every signed-in page has it (`App.useApp()`: message, notification, modal), with
 * the three loaded when first called rather than with the page: most visits to a page show no message
 * and open no confirmation. The build (vite.config.ts, mic:lazy-antd-parts) puts this component in
 * place of antd's own App, so `App` and `App.useApp()` from 'antd' work as documented: a call made
 * before the three have loaded waits for them (a few milliseconds) and then runs.
 */
import AppContext, { type useAppProps } from 'antd/es/app/context';
import useStyle from 'antd/es/app/style';
import { ConfigContext } from 'antd/es/config-provider/context';
import { lazy, Suspense, useCallback, useContext, useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';

const Holders = lazy(() => import('./app-holders'));

type Kind = keyof useAppProps;
type Call = (apis: useAppProps) => void;

/** What a call made before loading returns: closes nothing, resolves at once (as a message's handle would). */
function pendingHandle() {
  return Object.assign(() => undefined, {
    then: (resolve?: (v: boolean) => unknown) => Promise.resolve(true).then(resolve),
    destroy: () => undefined,
    update: () => undefined,
  });
}

export default function LazyApp({ children, className, style }: { children?: ReactNode; className?: string; style?: CSSProperties }) {
  const { getPrefixCls } = useContext(ConfigContext);
  const prefixCls = getPrefixCls('app');
  const [hashId, cssVarCls] = useStyle(prefixCls);
  const apis = useRef<useAppProps | null>(null);
  const queue = useRef<Call[]>([]);
  const [wanted, setWanted] = useState(false);

  const run = useCallback((kind: Kind, name: string, args: unknown[]) => {
    const invoke = (a: useAppProps) => (a[kind] as unknown as Record<string, (...x: unknown[]) => unknown>)[name]!(...args);
    if (apis.current) return invoke(apis.current);
    queue.current.push(invoke);
    setWanted(true);
    return pendingHandle();
  }, []);

  const value = useMemo(() => {
    const api = (kind: Kind) => new Proxy({}, { get: (_target, name) => (typeof name === 'string' ? (...args: unknown[]) => run(kind, name, args) : undefined) });
    return { message: api('message'), notification: api('notification'), modal: api('modal') } as useAppProps;
  }, [run]);

  const onReady = useCallback((loaded: useAppProps) => {
    apis.current = loaded;
    for (const call of queue.current.splice(0)) call(loaded);
  }, []);

  return (
    <AppContext.Provider value={value}>
      <div className={[hashId, prefixCls, cssVarCls, className].filter(Boolean).join(' ')} style={style}>
        {wanted && (
          <Suspense fallback={null}>
            <Holders onReady={onReady} />
          </Suspense>
        )}
        {children}
      </div>
    </AppContext.Provider>
  );
}
