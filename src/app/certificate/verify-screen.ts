// The verify page in its own lazy chunk (no QR library): what an inspector's phone downloads.
export { VerifyPage } from './VerifyPage.tsx';
