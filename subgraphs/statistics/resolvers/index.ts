import type { Resolvers } from '../generated/resolvers-types';
import { DateTime } from '../../../platform/scalars';
import { Query } from './Query';
import { Mutation } from './Mutation';
import { StatisticsReport } from './StatisticsReport';
import { Agency, Procedure } from './entities';

export const resolvers: Resolvers = { DateTime, Query, Mutation, StatisticsReport, Agency, Procedure };
