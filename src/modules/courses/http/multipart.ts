import type { FastifyRequest } from 'fastify';

/** What the multipart plugin (app.ts) leaves in the body for an uploaded file part. */
export interface UploadedPart {
  fileName: string;
  mime: string;
  bytes: Buffer;
  /** True when the file was larger than the upload limit and was cut off (nothing of it is kept). */
  truncated: boolean;
}

export function isUploadedPart(value: unknown): value is UploadedPart {
  return (
    typeof value === 'object' &&
    value !== null &&
    Buffer.isBuffer((value as UploadedPart).bytes) &&
    typeof (value as UploadedPart).fileName === 'string'
  );
}

/** The `kind` field and the `file` part of an upload form (page or API). */
export function uploadFrom(req: FastifyRequest): { kind: unknown; file: UploadedPart | null } {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const file = isUploadedPart(body.file) ? body.file : null;
  return { kind: typeof body.kind === 'string' ? body.kind : undefined, file };
}
