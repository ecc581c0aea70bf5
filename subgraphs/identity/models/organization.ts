import { Schema, type Connection, type Model } from 'mongoose';

export interface OrganizationRecord {
  unitCode: string;
  name: string;
  taxCode: string;
}

const OrganizationSchema = new Schema<OrganizationRecord>(
  {
    // Looked up by unit code only (queries, entities, certificate registration): this index serves it.
    unitCode: { type: String, required: true, unique: true },
    name: { type: String, required: true },
    taxCode: { type: String, required: true, index: true },
  },
  { collection: 'organizations', timestamps: true },
);

export type OrganizationModel = Model<OrganizationRecord>;

export const organizationModel = (db: Connection): OrganizationModel =>
  (db.models.Organization as OrganizationModel | undefined) ?? db.model<OrganizationRecord>('Organization', OrganizationSchema);
