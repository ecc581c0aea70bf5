import type { Resolvers } from '../generated/resolvers-types';
import { DateTime } from '../../../platform/scalars';
import { Query } from './Query';
import { Mutation } from './Mutation';
import { Procedure } from './Procedure';
import { ProcedureChange, ProcedureVersion } from './ProcedureVersion';

export const resolvers: Resolvers = { DateTime, Query, Mutation, Procedure, ProcedureVersion, ProcedureChange };
