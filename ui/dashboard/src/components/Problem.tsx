import { GraphQLFailure } from '../lib/graphql';
import { useI18n } from '../lib/i18n';

/** A failure as the user sees it: the server's own message (it decides), or why it could not be reached. */
export function Problem({ error, testId = 'problem' }: { error: Error | undefined | null; testId?: string }) {
  const { t } = useI18n();
  if (!error) return null;
  const network = error instanceof GraphQLFailure && error.network;
  return (
    <p className="problem" role="alert" data-testid={testId}>
      {t(network ? 'common.networkError' : 'common.error', { message: error.message })}
    </p>
  );
}
