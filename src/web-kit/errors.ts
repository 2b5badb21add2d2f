/** Shows an API error to the user in the current language (antd message). */
import { App } from 'antd';
import { useCallback } from 'react';
import { ApiError, errorText } from './api-client';
import { useI18n } from './i18n';

// errorText lives in api-client.ts: a page that only needs the text (the sign-in page) then does not
// load this module, whose App.useApp() brings Ant Design's message, notification and modal with it.
export { errorText };

export function useShowError(): (err: unknown) => void {
  const { message } = App.useApp();
  const { locale } = useI18n();
  return useCallback(
    (err: unknown) => {
      if (!(err instanceof ApiError)) console.error(err);
      // A 401 already sends the user to the sign-in page.
      if (err instanceof ApiError && err.status === 401) return;
      void message.error(errorText(err, locale));
    },
    [message, locale],
  );
}
