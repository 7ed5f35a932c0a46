import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { UpstreamError } from '../../../shared/result';

interface Registered {
  path: string;
  name: string;
  /** Set for a file the transport made only for an import (an upload): deletes it. */
  dispose?: () => void;
}

/**
 * Files the user chose, by token. A transport registers a path only after the user picked it
 * (a native dialog, an upload the server wrote itself); methods receive the token, so nothing the
 * renderer sends is ever used as a path.
 */
export class FileRegistry {
  private readonly files = new Map<string, Registered>();
  /** Names of uploads already deleted, for a message that says what happened to them. */
  private readonly gone = new Map<string, string>();

  register(path: string, name = basename(path), options: { dispose?: () => void } = {}): string {
    const token = `file_${randomBytes(18).toString('base64url')}`;
    this.files.set(token, { path, name, ...options });
    return token;
  }

  resolve(token: string): { path: string; name: string } {
    const file = this.files.get(token);
    if (file) return { path: file.path, name: file.name };
    const name = this.gone.get(token);
    throw new UpstreamError(
      'NOT_FOUND',
      name === undefined
        ? 'That file is no longer available: choose it again.'
        : `${name} is no longer available: an uploaded file is deleted once its import ends. Choose it again.`,
    );
  }

  /**
   * The import of a file ended, or the user let go of it: an upload is deleted and its token
   * forgotten. A file the user picked on their own disk stays available (it is never deleted).
   */
  release(token: string): void {
    const file = this.files.get(token);
    if (!file?.dispose) return;
    this.files.delete(token);
    this.gone.set(token, file.name);
    file.dispose();
  }
}
