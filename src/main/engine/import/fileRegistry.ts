import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { UpstreamError } from '../../../shared/result';

/**
 * Files the user chose, by token. A transport registers a path only after the user picked it
 * (a native dialog, an upload the server wrote itself); methods receive the token, so nothing the
 * renderer sends is ever used as a path.
 */
export class FileRegistry {
  private readonly files = new Map<string, { path: string; name: string }>();

  register(path: string, name = basename(path)): string {
    const token = `file_${randomBytes(18).toString('base64url')}`;
    this.files.set(token, { path, name });
    return token;
  }

  resolve(token: string): { path: string; name: string } {
    const file = this.files.get(token);
    if (!file)
      throw new UpstreamError('NOT_FOUND', 'That file is no longer available: choose it again.');
    return file;
  }
}
