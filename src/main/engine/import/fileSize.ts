/** A file's size as people read it: KB under a megabyte, MB with a decimal under ten. */
export function sizeText(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return mb < 1 ? `${Math.ceil(bytes / 1024)} KB` : `${mb.toFixed(mb < 10 ? 1 : 0)} MB`;
}
