/**
 * Tab wraps inside an open dialog (WAI-ARIA modal dialog pattern). Ant Design's dialogs bring the focus
 * back when it moves to an element outside them, but a dialog sits last in the page: Tab from its last
 * control leaves the document (to the browser's own bar) without any focus event, and the focus is lost.
 * This one listener, installed once by main.tsx, moves it from the last control to the first (and back
 * with Shift+Tab) in the topmost open Modal or Drawer.
 *
 * It also gives the focus back to the control that opened a dialog when the dialog is removed from the
 * page before Ant Design could do it (a page that unmounts its dialog on close): the focus would
 * otherwise fall to the page's body, and a keyboard user would start again from the top.
 */
const DIALOGS = '.ant-modal-wrap:not([style*="display: none"]) [role="dialog"], .ant-drawer-open .ant-drawer-content';
const DIALOG_ROOTS = '.ant-modal-wrap, .ant-drawer';
const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

function focusables(root: Element): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((e) => e.tabIndex >= 0 && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden');
}

export function installDialogFocusWrap(doc: Document = document): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || e.defaultPrevented) return;
    const open = [...doc.querySelectorAll(DIALOGS)];
    const dialog = open[open.length - 1];
    const active = doc.activeElement;
    if (!dialog || !active || !dialog.contains(active)) return;
    const list = focusables(dialog);
    if (!list.length) return;
    const first = list[0]!;
    const last = list[list.length - 1]!;
    if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    } else if (e.shiftKey && active === first) {
      e.preventDefault();
      last.focus();
    }
  };
  // The control that had the focus when it first moved into a dialog; cleared once focus is outside again.
  let opener: HTMLElement | null = null;
  const onFocusIn = (e: FocusEvent) => {
    const target = e.target instanceof Element ? e.target : null;
    if (target?.closest(DIALOG_ROOTS)) {
      const from = e.relatedTarget instanceof HTMLElement ? e.relatedTarget : null;
      if (!opener && from && !from.closest(DIALOG_ROOTS)) opener = from;
    } else opener = null;
  };
  const observer = new MutationObserver(() => {
    if (!opener) return;
    const lost = !doc.activeElement || doc.activeElement === doc.body;
    if (lost && !doc.querySelector(DIALOGS)) {
      if (opener.isConnected) opener.focus();
      opener = null;
    }
  });
  doc.addEventListener('keydown', onKeyDown);
  doc.addEventListener('focusin', onFocusIn);
  observer.observe(doc.body, { childList: true, subtree: true });
  return () => {
    doc.removeEventListener('keydown', onKeyDown);
    doc.removeEventListener('focusin', onFocusIn);
    observer.disconnect();
  };
}
