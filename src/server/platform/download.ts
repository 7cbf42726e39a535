/** A response the browser saves as a file with the given name, rather than showing it. */
export function downloadResponse(body: string | Uint8Array<ArrayBuffer>, contentType: string, filename: string): Response {
  return new Response(body, { headers: { 'Content-Type': contentType, 'Content-Disposition': `attachment; filename="${filename}"` } });
}

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
