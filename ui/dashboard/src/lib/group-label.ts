import { useCallback } from 'react';
import { useI18n } from './i18n';
import { useQuery } from './use-query';
import type { Grouping } from './figures';

interface Agencies {
  agencies: { edges: { node: { code: string; name: string; nameEn: string | null } }[] };
}
// The public catalogue: no token needed, cached by the gateway.
const AGENCIES = 'query DashboardAgencies { agencies(first: 100) { edges { node { code name nameEn } } } }';

interface Procedures {
  procedures: { edges: { node: { code: string; name: string; nameEn: string | null } }[] };
}
// Public too; the first 100 name the groups (a larger catalogue's others show their codes).
const PROCEDURES = 'query DashboardProcedures { procedures(first: 100) { edges { node { code name nameEn } } } }';

/** The public agency list (code and name in both languages), for sign-in and labels. */
export function useAgencies() {
  return useQuery<Agencies>(AGENCIES);
}

/** How a figures group reads: an agency or procedure by its name, a channel by its label, "All" without grouping; others as the server keys them. */
export function useGroupLabel(grouping: Grouping): (group: string | null) => string {
  const { t, label, locale } = useI18n();
  const { data } = useAgencies();
  const procedures = useQuery<Procedures>(PROCEDURES, {}, grouping !== 'PROCEDURE').data;
  return useCallback(
    (group: string | null) => {
      if (group == null) return t('common.all');
      if (grouping === 'CHANNEL') return label('channel', group);
      const named = grouping === 'AGENCY' ? data?.agencies.edges : grouping === 'PROCEDURE' ? procedures?.procedures.edges : undefined;
      const node = named?.find((e) => e.node.code === group)?.node;
      const name = node && (locale === 'en' ? node.nameEn ?? node.name : node.name);
      return name ? `${name} (${group})` : group;
    },
    [grouping, data, procedures, t, label, locale],
  );
}
