import type { Resolvers } from '../generated/resolvers-types';
import { Query } from './Query';
import { Procedure } from './Procedure';

export const resolvers: Resolvers = { Query, Procedure };
