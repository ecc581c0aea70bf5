import type { Resolvers } from '../generated/resolvers-types';
import { DateTime } from '../../../platform/scalars';
import { Query } from './Query';
import { Mutation } from './Mutation';
import { Document } from './Document';
import { Dossier } from './Dossier';
import { Citizen, Organization } from './owners';

export const resolvers: Resolvers = { DateTime, Query, Mutation, Document, Dossier, Citizen, Organization };
