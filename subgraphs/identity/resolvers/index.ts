import type { Resolvers } from '../generated/resolvers-types';
import { Query } from './Query';
import { Agency } from './Agency';
import { Citizen } from './Citizen';
import { Organization } from './Organization';
import { Mutation } from './Mutation';
import { DateTime } from '../../../platform/scalars';

export const resolvers: Resolvers = { DateTime, Query, Mutation, Agency, Citizen, Organization };
