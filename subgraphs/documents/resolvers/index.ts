import type { Resolvers } from '../generated/resolvers-types';
import { DateTime } from '../../kit/scalars';
import { Query } from './Query';
import { Document } from './Document';
import { Dossier } from './Dossier';

export const resolvers: Resolvers = { DateTime, Query, Document, Dossier };
