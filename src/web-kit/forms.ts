import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useShowError } from './errors';

/** The form's values when every rule passes; null otherwise (antd already shows the messages). */
export async function validated<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch {
    return null;
  }
}

/**
 * The usual submit of a modal form: validate (stop quietly when a rule fails), mark busy, run the
 * action, report a failure (by default as an antd message, see useShowError), and clear busy.
 */
export function useSubmit<T>(
  form: FormInstance<T>,
  action: (values: T) => Promise<void>,
  onError?: (err: unknown) => void,
): { busy: boolean; submit: () => Promise<void> } {
  const showError = useShowError();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await validated(form);
    if (!v) return;
    setBusy(true);
    try {
      await action(v);
    } catch (err) {
      (onError ?? showError)(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, submit };
}
