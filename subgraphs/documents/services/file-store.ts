import mongoose, { type Connection, type Types } from 'mongoose';

/**
 * Files in GridFS, in the documents database (bucket "files"): stored under the document's own id,
 * read back whole (files are at most DOCUMENT_MAX_BYTES) so they can be checked before serving.
 *
 * A read is the driver's `files.findOne({_id})` then `chunks.find({files_id}).sort({n: 1})`: two
 * equalities, the second served by the `{files_id: 1, n: 1}` index (on FerretDB by its GIN twin,
 * tools/ferretdb/gin-twins.ts). The driver makes that index only when it writes into an empty
 * bucket, so the store makes sure of it once per process before its first use.
 */
export class FileStore {
  /** One bucket per process: the driver checks a bucket's indexes before its first upload, with a whole-bucket `findOne({})`. */
  private readonly bucket: mongoose.mongo.GridFSBucket;
  private indexed: Promise<void> | undefined;

  constructor(private readonly db: Connection) {
    this.bucket = new mongoose.mongo.GridFSBucket(db.db!, { bucketName: 'files' });
  }

  /** The driver's own GridFS indexes (same keys and options, so nothing happens where they exist). */
  private ready(): Promise<void> {
    this.indexed ??= Promise.all([
      this.db.collection('files.files').createIndex({ filename: 1, uploadDate: 1 }),
      this.db.collection('files.chunks').createIndex({ files_id: 1, n: 1 }, { unique: true }),
    ]).then(
      () => undefined,
      (err: unknown) => {
        this.indexed = undefined; // tried again on the next use
        throw err;
      },
    );
    return this.indexed;
  }

  async put(id: Types.ObjectId, fileName: string, bytes: Buffer, contentType: string): Promise<void> {
    await this.ready();
    const upload = this.bucket.openUploadStreamWithId(id, fileName, { metadata: { contentType } });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(bytes);
    });
  }

  /** The file's bytes, or null when GridFS has no such file (or lost chunks of it). */
  async read(id: Types.ObjectId): Promise<Buffer | null> {
    await this.ready();
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of this.bucket.openDownloadStream(id)) chunks.push(chunk as Buffer);
    } catch (err) {
      if (/FileNotFound|ChunkIsMissing|ChunkIsWrongSize|chunk/i.test(`${(err as Error).name} ${(err as Error).message}`)) return null;
      throw err;
    }
    return Buffer.concat(chunks);
  }

  /** Removes a file; a file that is not there is fine (clean-up after a failed write). */
  async remove(id: Types.ObjectId): Promise<void> {
    await this.ready();
    await this.bucket.delete(id).catch((err: unknown) => {
      if (!/FileNotFound|not found/i.test(`${(err as Error).name} ${(err as Error).message}`)) throw err;
    });
  }
}
