// Prints the text of the PDF given on stdin. Runs as its own Node process because pdf.js loads
// its worker with a dynamic import, which jest's module system does not allow.
import { PDFParse } from 'pdf-parse';

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
process.stdout.write((await parser.getText()).text);
await parser.destroy();
