/** Offer text as a file download (an object URL on a temporary link). Throws when the browser refuses. */
export function saveFile(text: string, file: { readonly name: string; readonly type: string }): void {
  const url = URL.createObjectURL(new Blob([text], { type: file.type }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = file.name;
  anchor.rel = 'noopener';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
