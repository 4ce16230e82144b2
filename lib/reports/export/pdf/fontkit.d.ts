// fontkit (pdfkit's font engine) ships no types; woff2.ts describes the little it uses.
declare module 'fontkit';
