/**
 * The dead-letter jobs as a query, and the retry that refreshes it: the mutation resolves once the
 * list has been fetched again, so a retried job has left the list when the success message shows.
 */
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { jobsApi } from './jobs-api';

export const jobKeys = {
  deadLetters: ['jobs', 'dead-letter'] as const,
};

export const jobQueries = {
  deadLetters: () => queryOptions({ queryKey: jobKeys.deadLetters, queryFn: () => jobsApi.deadLetters() }),
};

export function useRetryDeadLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => jobsApi.retry(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: jobKeys.deadLetters }),
  });
}
