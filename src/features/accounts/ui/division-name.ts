/** Display names of an organisation's division code, over the divisions tree the web already loads. */
import { useCallback } from 'react';
import { useI18n } from './i18n';
import { useDivisions } from '../../reference/ui/public';

/** The code the platform uses for central bodies that sit in no province. */
export const CENTRAL_DIVISION = '100000';

export function useDivisionName(): (code: string) => string {
  const { t } = useI18n();
  const divisions = useDivisions();
  return useCallback(
    (code: string) => (code === CENTRAL_DIVISION ? t('admin.central') : (divisions?.nameOf(code) ?? code)),
    [divisions, t],
  );
}
