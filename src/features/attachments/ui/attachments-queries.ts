/**
 * Attachments as server state: they are listed with their application (the applications feature's
 * detail query), so an upload refreshes that application and its history.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applicationChanged } from '../../applications/ui/public';
import { attachmentsApi } from './attachments-api';

export function useUploadAttachment(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => attachmentsApi.upload(applicationId, file),
    onSuccess: () => applicationChanged(queryClient, applicationId),
  });
}
