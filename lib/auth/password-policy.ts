// Password rules that the browser checks too (no server-only imports here).
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 1024;
