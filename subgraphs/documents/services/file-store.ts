import mongoose, { type Connection, type Types } from 'mongoose';

/**
 * Files in GridFS, in the documents database (bucket "files"): stored under the document's own id,
 * read back whole (files are at most DOCUMENT_MAX_BYTES) so they can be checked before serving.
 */
export class FileStore {
  constructor(private readonly db: Connection) {}

  private bucket() {
    return new mongoose.mongo.GridFSBucket(this.db.db!, { bucketName: 'files' });
  }

  async put(id: Types.ObjectId, fileName: string, bytes: Buffer, contentType: string): Promise<void> {
    const upload = this.bucket().openUploadStreamWithId(id, fileName, { metadata: { contentType } });
    await new Promise<void>((resolve, reject) => {
      upload.once('finish', () => resolve());
      upload.once('error', reject);
      upload.end(bytes);
    });
  }

  /** The file's bytes, or null when GridFS has no such file (or lost chunks of it). */
  async read(id: Types.ObjectId): Promise<Buffer | null> {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of this.bucket().openDownloadStream(id)) chunks.push(chunk as Buffer);
    } catch (err) {
      if (/FileNotFound|ChunkIsMissing|ChunkIsWrongSize|chunk/i.test(`${(err as Error).name} ${(err as Error).message}`)) return null;
      throw err;
    }
    return Buffer.concat(chunks);
  }

  /** Removes a file; a file that is not there is fine (clean-up after a failed write). */
  async remove(id: Types.ObjectId): Promise<void> {
    await this.bucket().delete(id).catch((err: unknown) => {
      if (!/FileNotFound|not found/i.test(`${(err as Error).name} ${(err as Error).message}`)) throw err;
    });
  }
}
