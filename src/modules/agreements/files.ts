import type { Kind } from '../../platform/files/file-type.js';

/** A diploma or transcript: a PDF, a photo or scan, or a Word document (as for course completions). */
export const GRADUATION_PROOF_KINDS: readonly Kind[] = ['pdf', 'image', 'word'];

export const graduationProofKey = (candidateId: string, claimId: string, n: number) =>
  `graduation-proofs/${candidateId}/${claimId}-${n}`;
