/** The message, notification and modal of LazyApp (lazy-app.tsx): their hooks and the holders they render into. */
import useMessage from 'antd/es/message/useMessage';
import useModal from 'antd/es/modal/useModal';
import useNotification from 'antd/es/notification/useNotification';
import type { useAppProps } from 'antd/es/app/context';
import { useEffect } from 'react';

export default function AppHolders({ onReady }: { onReady: (apis: useAppProps) => void }) {
  const [message, messageHolder] = useMessage();
  const [notification, notificationHolder] = useNotification();
  const [modal, modalHolder] = useModal();
  // The holders are on the page once this runs (children commit first), so queued calls can show.
  useEffect(() => onReady({ message, notification, modal }), [onReady, message, notification, modal]);
  return (
    <>
      {modalHolder}
      {messageHolder}
      {notificationHolder}
    </>
  );
}
