import type { Resolvers } from '../generated/resolvers-types';
import { Query } from './Query';
import { Agency } from './Agency';

export const resolvers: Resolvers = { Query, Agency };
